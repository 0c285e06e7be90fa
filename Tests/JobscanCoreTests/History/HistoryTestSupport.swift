import Foundation
@testable import JobscanCore

/// Collects the history records replay closes.
final class CollectedHistory: HistoryRecordSink, @unchecked Sendable {
    private(set) var records: [HistoryRecord] = []
    func record(_ record: HistoryRecord) { records.append(record) }
}

/// One replay world with its history, and `--at T` replays of the same inputs for comparison.
struct HistoryReplay {
    let paths: [String]
    let configure: (inout Analyzer.Options) -> Void
    let analysis: Analysis
    let records: [HistoryRecord]

    init(_ paths: [String], configure: @escaping (inout Analyzer.Options) -> Void = { _ in }) {
        self.paths = paths
        self.configure = configure
        let sink = CollectedHistory()
        let fleet = analyzeFleet(paths, historySink: sink, configure: configure)
        precondition(fleet.instances.count == 1)
        analysis = fleet.instances[0]
        records = sink.records
    }

    /// For a fixture, with the monitor settings it was recorded with.
    init(scenario: String, suffix: String = ".log") throws {
        let data = try Data(contentsOf: Package.fixtures.appendingPathComponent("\(scenario).expected.json"))
        let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let threshold = (json["stall_threshold_ns"] as! NSNumber).int64Value
        let retention = (json["retention_period_ns"] as! NSNumber).int64Value
        self.init([Package.fixture(scenario + suffix)]) {
            $0.replay.stallThreshold = threshold
            $0.replay.retention = retention
        }
    }

    /// The record holding `t`: the last one that starts at or before it (the last record also
    /// holds the evaluation instant, its end).
    func record(at t: Int64) -> HistoryRecord? {
        records.last { $0.from.nanoseconds <= t }
    }

    /// What an independent replay with `--at t` says: its verdict and the jobs it reports failed or stalled.
    func endpoint(at t: Int64) -> (Verdict, [HistoryCause]) {
        let (analysis, _) = analyze(paths) { options in
            configure(&options)
            options.threaded = false
            options.replay.evaluateAt = Instant(nanoseconds: t)
        }
        guard analysis.hasVerdict else { return (.unknown, []) }
        let r = analysis.replay
        let causes = r.jobs.filter { $0.status == .failed || $0.status == .stalled || ($0.status == .success && $0.consecutiveFailures != 0) }
            .map { HistoryCause(job: $0.jobName, status: $0.status, consecutiveFailures: $0.consecutiveFailures,
                                critical: r.options.criticalJobs.contains($0.jobName)) }
        return (Verdict(r.verdict), causes)
    }
}

/// Every event of a log, in file order.
func decodedEvents(_ path: String) throws -> [JobEvent] {
    let (source, _) = try InputOpener.open(path)
    var decoder = EventDecoder()
    decoder.startInput(named: path)
    var events: [JobEvent] = []
    try LineReader(maxLineBytes: 1 << 20, readAhead: false).forEachLine(in: source) { line, number in
        if case .event(let event) = decoder.decode(line, lineNumber: number) { events.append(event) }
    }
    return events
}

/// A zap JSON line at `ts` (epoch seconds text, exact to the nanosecond) with string fields.
func zapLine(_ ts: String, _ level: String = "info", _ msg: String, _ fields: [(String, String)] = []) -> String {
    var out = #"{"level":"\#(level)","ts":\#(ts),"msg":"\#(msg)""#
    for (key, value) in fields { out += #","\#(key)":"\#(value)""# }
    return out + "}"
}
