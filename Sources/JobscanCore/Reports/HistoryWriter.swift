/// Writes one NDJSON record per history interval as replay closes it (`--history`).
public final class HistoryWriter: HistoryRecordSink {
    private let sink: TextSink
    /// The instance whose history this is, named in every record.
    public let instance: String?
    public private(set) var written = 0

    public init(sink: TextSink, instance: String? = nil) {
        self.sink = sink
        self.instance = instance
    }

    public func record(_ record: HistoryRecord) {
        var named = record
        if named.instance == nil { named.instance = instance }
        sink.write(Self.line(named))
        written += 1
    }

    /// One record as a JSON object on one line; times in the offset replay gave them.
    public static func line(_ record: HistoryRecord) -> String {
        var w = JSONWriter(pretty: false)
        w.beginObject()
        if let instance = record.instance { w.string("instance", instance) }
        w.string("from", record.from.rfc3339Nano)
        w.string("to", record.to.rfc3339Nano)
        w.string("verdict", record.verdict.rawValue)
        w.int("http_status", record.verdict.httpStatus)
        w.beginArray("causes")
        for cause in record.causes {
            w.beginObject()
            w.string("job", cause.job)
            w.string("status", cause.status.rawValue)
            w.int("consecutive_failures", cause.consecutiveFailures)
            w.bool("critical", cause.critical)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.output + "\n"
    }
}
