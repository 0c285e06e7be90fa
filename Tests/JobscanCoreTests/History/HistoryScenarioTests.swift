import Foundation
import Testing
@testable import JobscanCore

/// Hand-made logs for the instants no fixture pins: the stall threshold to the nanosecond, a
/// shutdown gap, lines out of time order, several lines at one instant.
@Suite("History: hand-made logs")
struct HistoryScenarioTests {
    static let second: Int64 = 1_000_000_000
    /// 2026-11-25T20:45:20Z.
    static let base: Int64 = 1_795_639_520 * second

    static func ts(_ offset: Int64) -> String {
        let t = base + offset
        let fraction = String(t % second)
        return "\(t / second)." + String(repeating: "0", count: 9 - fraction.count) + fraction
    }

    static func write(_ lines: [String]) throws -> (TemporaryDirectory, String) {
        let dir = try TemporaryDirectory()
        return (dir, try dir.write("h.log", lines.joined(separator: "\n") + "\n"))
    }

    static func job(_ msg: String, _ offset: Int64, _ job: String, _ extra: [(String, String)] = [], level: String = "info") -> String {
        zapLine(ts(offset), level, msg, [("job_name", job)] + extra)
    }

    static func start(_ offset: Int64, _ name: String) -> String {
        job("Job started", offset, name, [("start_time", "2026-11-25T20:45:20Z")])
    }

    @Test("a running job becomes a read-time stall at last_run_time + threshold + 1 ns, not at the threshold")
    func stallBoundary() throws {
        let threshold = 2 * Self.second
        let (dir, path) = try Self.write([
            Self.job("Job registered for monitoring", 0, "btc_transaction_indexing"),
            Self.start(100, "btc_transaction_indexing"),
            zapLine(Self.ts(5 * Self.second), "info", "Some later line"),
        ])
        _ = dir
        let replay = HistoryReplay([path]) { $0.replay.stallThreshold = threshold }
        let stallAt = Self.base + 100 + threshold + 1
        #expect(replay.records.map(\.from.nanoseconds) == [Self.base, stallAt])
        #expect(replay.records.map(\.verdict) == [.healthy, .unhealthy])
        #expect(replay.records[1].causes == [HistoryCause(job: "btc_transaction_indexing", status: .stalled, consecutiveFailures: 0, critical: true)])
        #expect(replay.records[1].to.nanoseconds == Self.base + 5 * Self.second)
        #expect(replay.endpoint(at: stallAt - 1).0 == .healthy)
        #expect(replay.endpoint(at: stallAt).0 == .unhealthy)
        let incident = try #require(replay.analysis.replay.history.incidents.kept.first)
        #expect(incident.startedBy == .readTimeStall(job: "btc_transaction_indexing"))
        #expect(incident.firstCause == Incident.Cause(job: "btc_transaction_indexing", status: .stalled, error: ""))
        #expect(incident.ongoing)
    }

    @Test("a stall exactly at the evaluation instant is the last, empty record; one a nanosecond later is not there")
    func stallAtEvaluation() throws {
        let threshold = 2 * Self.second
        let (dir, path) = try Self.write([Self.start(0, "x")])
        _ = dir
        let stallAt = Self.base + threshold + 1
        let at = HistoryReplay([path]) {
            $0.replay.stallThreshold = threshold
            $0.replay.evaluateAt = Instant(nanoseconds: stallAt)
        }
        #expect(at.records.map(\.verdict) == [.healthy, .unhealthy])
        #expect(at.records.last?.from == at.records.last?.to)
        #expect(at.analysis.replay.verdict == .unhealthy)
        let before = HistoryReplay([path]) {
            $0.replay.stallThreshold = threshold
            $0.replay.evaluateAt = Instant(nanoseconds: stallAt - 1)
        }
        #expect(before.records.map(\.verdict) == [.healthy])
        #expect(before.analysis.replay.history.timeInState.healthy == threshold)
    }

    @Test("a completion before the stall instant cancels it; a new start moves it")
    func stallCancelledAndMoved() throws {
        let threshold = 2 * Self.second
        let (dir, path) = try Self.write([
            Self.start(0, "a"),
            Self.job("Job completed successfully", Self.second, "a", [("duration", "1s")]),
            Self.start(Self.second + 500, "b"),
            Self.start(2 * Self.second, "b"),
            zapLine(Self.ts(10 * Self.second), "info", "Some later line"),
        ])
        _ = dir
        let replay = HistoryReplay([path]) { $0.replay.stallThreshold = threshold }
        #expect(replay.records.map(\.verdict) == [.healthy, .unhealthy])
        #expect(replay.records[1].from.nanoseconds == Self.base + 2 * Self.second + threshold + 1)
        #expect(replay.records[1].causes.map(\.job) == ["b"])
    }

    @Test("shutdown, then a gap with no endpoint (unknown, no HTTP status), then a new process from empty state")
    func restartWithShutdown() throws {
        let (dir, path) = try Self.write([
            Self.job("Job registered for monitoring", 0, "btc_transaction_indexing"),
            Self.start(Self.second, "btc_transaction_indexing"),
            Self.job("Job failed", 2 * Self.second, "btc_transaction_indexing",
                     [("duration", "1s"), ("error", "connection refused"), ("consecutive_failures", "1")], level: "error"),
            zapLine(Self.ts(3 * Self.second), "info", "Server shutdown complete"),
            zapLine(Self.ts(4 * Self.second), "info", "Some line while down"),
            zapLine(Self.ts(5 * Self.second), "info", "Starting server", [("port", "8080")]),
            Self.job("Job registered for monitoring", 6 * Self.second, "btc_transaction_indexing"),
            Self.start(6 * Self.second, "btc_transaction_indexing"),
            Self.job("Job completed successfully", 7 * Self.second, "btc_transaction_indexing", [("duration", "1s")]),
        ])
        _ = dir
        let replay = HistoryReplay([path])
        let s = Self.second
        #expect(replay.records.map(\.from.nanoseconds) == [0, 2 * s, 3 * s, 5 * s].map { Self.base + $0 })
        #expect(replay.records.map(\.verdict) == [.healthy, .degraded, .unknown, .healthy])
        #expect(replay.records[2].verdict.httpStatus == nil && replay.records[2].causes.isEmpty)
        #expect(HistoryWriter.line(replay.records[2]).contains(#""verdict":"unknown","http_status":null,"causes":[]"#))
        // --at inside the gap: no endpoint answers, so no verdict either.
        #expect(replay.endpoint(at: Self.base + 4 * s).0 == .unknown)
        let (down, _) = analyze([path]) { $0.replay.evaluateAt = Instant(nanoseconds: Self.base + 4 * s) }
        #expect(!down.hasVerdict && down.replay.shutdownAt?.nanoseconds == Self.base + 3 * s)
        #expect(ExitStatus.of(down.asFleet, exitZero: false) == 3)
        // One incident: degraded, then down, ended by the next start.
        let history = replay.analysis.replay.history
        #expect(history.incidentCount == 1)
        let incident = try #require(history.incidents.kept.first)
        #expect(incident.start.nanoseconds == Self.base + 2 * s && incident.end?.nanoseconds == Self.base + 5 * s)
        #expect(incident.worst == .unknown)
        #expect(incident.firstCause == Incident.Cause(job: "btc_transaction_indexing", status: .failed, error: "connection refused"))
        if case .event(let message, _, _) = incident.endedBy { #expect(message == .serverStarting) } else { Issue.record("ended by \(String(describing: incident.endedBy))") }
        #expect(history.timeInState.unknown == 2 * s && history.timeInState.degraded == s && history.timeInState.healthy == 4 * s)
        #expect(replay.analysis.replay.epoch == 1)
    }

    @Test("a shutdown with no new start leaves the verdict unknown at the end; a registration starts the next process")
    func shutdownThenRegistration() throws {
        let s = Self.second
        let (dir, path) = try Self.write([
            Self.start(0, "a"),
            Self.job("Job completed successfully", s, "a", [("duration", "1s")]),
            zapLine(Self.ts(2 * s), "info", "Server shutdown complete"),
            Self.job("Job registered for monitoring", 4 * s, "b"),
        ])
        _ = dir
        let cut = HistoryReplay([path]) { $0.replay.evaluateAt = Instant(nanoseconds: Self.base + 3 * s) }
        #expect(cut.records.last?.verdict == .unknown)
        #expect(!cut.analysis.hasVerdict)
        #expect(TableReport.render(cut.analysis.asFleet, colour: false).contains("UNKNOWN"))
        let full = HistoryReplay([path])
        #expect(full.records.map(\.verdict) == [.healthy, .unknown, .healthy])
        #expect(full.analysis.hasVerdict && full.analysis.replay.jobs.map(\.jobName) == ["b"])
        #expect(full.analysis.replay.epoch == 1)
    }

    @Test("lines out of time order take effect at the latest time seen, as --at reads them")
    func outOfOrder() throws {
        let s = Self.second
        let (dir, path) = try Self.write([
            Self.start(0, "a"),
            Self.start(3 * s, "b"),
            // Written later with an earlier time.
            Self.job("Job failed", 2 * s, "a", [("duration", "2s"), ("error", "x"), ("consecutive_failures", "1")], level: "error"),
            Self.job("Job completed successfully", 5 * s, "b", [("duration", "2s")]),
        ])
        _ = dir
        let replay = HistoryReplay([path])
        #expect(replay.records.map(\.from.nanoseconds) == [0, 3 * s].map { Self.base + $0 })
        for t in [2 * s, 3 * s - 1, 3 * s, 4 * s] {
            #expect(replay.record(at: Self.base + t)?.verdict == replay.endpoint(at: Self.base + t).0, "at +\(t)")
        }
    }

    @Test("a start logged with an older time moves the stall earlier; a completion and a new start move it later")
    func stallMoves() throws {
        let s = Self.second
        let threshold = 5 * s
        let (dir, path) = try Self.write([
            Self.start(3 * s, "a"),
            Self.start(s, "a"),  // written later, older time: last_run_time goes back to +1s
            Self.start(2 * s, "b"),
            Self.job("Job completed successfully", 4 * s, "b", [("duration", "2s")]),
            Self.start(5 * s, "b"),
            zapLine(Self.ts(20 * s), "info", "Some later line"),
        ])
        _ = dir
        let replay = HistoryReplay([path]) { $0.replay.stallThreshold = threshold }
        let base = Self.base
        #expect(replay.records.map(\.from.nanoseconds) == [base + 3 * s, base + s + threshold + 1, base + 5 * s + threshold + 1])
        #expect(replay.records.map { $0.causes.map(\.job) } == [[], ["a"], ["a", "b"]])
        for t in [s + threshold, s + threshold + 1, 2 * s + threshold + 1, 5 * s + threshold, 5 * s + threshold + 1] {
            let (verdict, causes) = replay.endpoint(at: base + t)
            #expect(replay.record(at: base + t)?.verdict == verdict && replay.record(at: base + t)?.causes == causes, "at +\(t)")
        }
    }

    @Test("several lines at one instant make one record, and a change undone at the same instant makes none")
    func sameInstant() throws {
        let s = Self.second
        let (dir, path) = try Self.write([
            Self.start(0, "a"),
            Self.job("Job failed", s, "a", [("duration", "1s"), ("error", "x"), ("consecutive_failures", "1")], level: "error"),
            Self.start(s, "a"),
            Self.job("Job failed", 2 * s, "b", [("duration", "1s"), ("error", "y"), ("consecutive_failures", "1")], level: "error"),
            Self.job("Job failed", 2 * s, "c", [("duration", "1s"), ("error", "z"), ("consecutive_failures", "1")], level: "error"),
            Self.job("Job completed successfully", 3 * s, "a", [("duration", "2s")]),
        ])
        _ = dir
        let replay = HistoryReplay([path])
        #expect(replay.records.map(\.from.nanoseconds) == [0, 2 * s].map { Self.base + $0 })
        #expect(replay.records[1].causes.map(\.job) == ["b", "c"])
    }

    @Test("a critical job's third failure in a row turns degraded into unhealthy: a new record with the same job")
    func consecutiveFailures() throws {
        let s = Self.second
        var lines: [String] = []
        for n in 1...3 {
            lines.append(Self.start(Int64(n) * 2 * s, "swap_request_processing"))
            lines.append(Self.job("Job failed", Int64(n) * 2 * s + s, "swap_request_processing",
                                  [("duration", "1s"), ("error", "e\(n)"), ("consecutive_failures", "\(n)")], level: "error"))
        }
        let (dir, path) = try Self.write(lines)
        _ = dir
        let replay = HistoryReplay([path])
        #expect(replay.records.map(\.verdict) == [.healthy, .degraded, .healthy, .degraded, .healthy, .unhealthy])
        #expect(replay.records.last?.causes == [HistoryCause(job: "swap_request_processing", status: .failed, consecutiveFailures: 3, critical: true)])
        #expect(replay.analysis.replay.history.incidentCount == 3)
        #expect(replay.analysis.replay.history.incidents.kept.last?.firstCause?.error == "e3")
    }
}

@Suite("History: the clock before the first monitor line")
struct HistoryClockTests {
    @Test("a server line later than the first monitor line moves the history's start, as it stops --at")
    func lateServerLine() throws {
        let s = HistoryScenarioTests.second
        let (dir, path) = try HistoryScenarioTests.write([
            zapLine(HistoryScenarioTests.ts(2 * s), "info", "Starting server", [("port", "8080")]),
            HistoryScenarioTests.start(s, "a"),
            zapLine(HistoryScenarioTests.ts(5 * s), "info", "Some later line"),
        ])
        _ = dir
        let replay = HistoryReplay([path])
        #expect(replay.records.first?.from.nanoseconds == HistoryScenarioTests.base + 2 * s)
        #expect(replay.endpoint(at: HistoryScenarioTests.base + 2 * s - 1).0 == .unknown)
        #expect(replay.endpoint(at: HistoryScenarioTests.base + 2 * s).0 == .healthy)
    }
}

@Suite("History: the NDJSON record")
struct HistoryWriterTests {
    @Test("keys in order, times in the record's offset, instance first when set, null HTTP status when unknown")
    func line() {
        let from = Instant(nanoseconds: 1_795_639_521_500_000_000, utcOffsetSeconds: 25_200)
        let to = Instant(nanoseconds: 1_795_639_522_000_000_001, utcOffsetSeconds: 25_200)
        let cause = HistoryCause(job: "a\"b", status: .stalled, consecutiveFailures: 0, critical: true)
        var record = HistoryRecord(from: from, to: to, verdict: .unhealthy, causes: [cause])
        #expect(HistoryWriter.line(record) == #"{"from":"2026-11-26T03:45:21.5+07:00","to":"2026-11-26T03:45:22.000000001+07:00","verdict":"unhealthy","http_status":503,"causes":[{"job":"a\"b","status":"stalled","consecutive_failures":0,"critical":true}]}"# + "\n")
        record.instance = "eu-1"
        record.verdict = .unknown
        record.causes = []
        #expect(HistoryWriter.line(record) == #"{"instance":"eu-1","from":"2026-11-26T03:45:21.5+07:00","to":"2026-11-26T03:45:22.000000001+07:00","verdict":"unknown","http_status":null,"causes":[]}"# + "\n")
    }
}
