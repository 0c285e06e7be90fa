import Synchronization

/// The HTML report's collectors, one per instance, handed to the worlds as they replay in parallel.
public final class HTMLCollection: Sendable {
    private let collectors = Mutex<[String: HTMLTimelineCollector]>([:])

    public init() {}

    /// The collector of `instance` (callable from any thread).
    public func collector(for instance: String) -> HTMLTimelineCollector {
        collectors.withLock { all in
            if let existing = all[instance] { return existing }
            let made = HTMLTimelineCollector()
            all[instance] = made
            return made
        }
    }

    /// The run sinks of `other` (the `--timeline` writers, if any) with this collection's added.
    public func runSinks(adding other: (@Sendable (String) -> RunRecordSink?)?) -> @Sendable (String) -> RunRecordSink? {
        { name in
            let mine = self.collector(for: name)
            guard let theirs = other?(name) else { return mine }
            return RunSinkPair(first: theirs, second: mine)
        }
    }

    /// The history sinks of `other` (the `--history` writers, if any) with this collection's added.
    public func historySinks(adding other: (@Sendable (String) -> HistoryRecordSink?)?) -> @Sendable (String) -> HistoryRecordSink? {
        { name in
            let mine = self.collector(for: name)
            guard let theirs = other?(name) else { return mine }
            return HistorySinkPair(first: theirs, second: mine)
        }
    }
}

/// Gives each run to two sinks.
final class RunSinkPair: RunRecordSink {
    let first: RunRecordSink, second: RunRecordSink
    init(first: RunRecordSink, second: RunRecordSink) { self.first = first; self.second = second }
    func record(_ run: RunRecord) { first.record(run); second.record(run) }
}

/// Gives each history record to two sinks.
final class HistorySinkPair: HistoryRecordSink {
    let first: HistoryRecordSink, second: HistoryRecordSink
    init(first: HistoryRecordSink, second: HistoryRecordSink) { self.first = first; self.second = second }
    func record(_ record: HistoryRecord) { first.record(record); second.record(record) }
}
