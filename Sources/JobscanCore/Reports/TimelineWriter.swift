/// Writes one NDJSON record per run as replay closes it (`--timeline`).
public final class TimelineWriter: RunRecordSink {
    private let sink: TextSink
    /// The instance whose runs these are, named in every record.
    public let instance: String?
    public private(set) var written = 0

    public init(sink: TextSink, instance: String? = nil) {
        self.sink = sink
        self.instance = instance
    }

    public func record(_ run: RunRecord) {
        sink.write(Self.line(run, instance: instance))
        written += 1
    }

    /// One run as a JSON object on one line; times in the offset replay gave them.
    public static func line(_ run: RunRecord, instance: String? = nil) -> String {
        var w = JSONWriter(pretty: false)
        w.beginObject()
        if let instance { w.string("instance", instance) }
        w.string("job", run.job)
        w.string("start", run.start?.rfc3339Nano)
        w.string("end", run.end?.rfc3339Nano)
        w.int("duration_ns", run.duration)
        w.string("outcome", run.outcome.rawValue)
        w.string("error", run.error)
        w.int("epoch", run.epoch)
        w.bool("overlapping", run.overlapping)
        w.bool("stall_detected", run.stallDetected)
        w.endObject()
        return w.output + "\n"
    }
}

/// Somewhere text goes: a file, standard output, a string in tests.
public protocol TextSink: AnyObject {
    func write(_ text: String)
}
