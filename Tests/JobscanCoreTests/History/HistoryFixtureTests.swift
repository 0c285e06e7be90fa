import Foundation
import Testing
@testable import JobscanCore

/// The verdict through time on every oracle fixture: its shape, the service's own logged answers,
/// and agreement with independent `--at` replays at many instants.
@Suite("History: every fixture")
struct HistoryFixtureTests {
    @Test("contiguous records from the first monitor event to the evaluation instant, each different from the next",
          arguments: Package.scenarios)
    func structure(scenario: String) throws {
        let replay = try HistoryReplay(scenario: scenario)
        let records = replay.records
        let first = try #require(try decodedEvents(Package.fixture(scenario + ".log")).first { $0.message.isJobMonitorEvent })
        #expect(records.first?.from == first.time)
        #expect(records.last?.to == replay.analysis.replay.evaluatedAt)
        for (a, b) in zip(records, records.dropFirst()) {
            #expect(a.to == b.from, "\(scenario): a gap or overlap at \(a.to.rfc3339Nano)")
            #expect(a.from < a.to, "\(scenario): an empty record at \(a.from.rfc3339Nano) before the last")
            #expect(a.verdict != b.verdict || a.causes != b.causes, "\(scenario): two equal records at \(b.from.rfc3339Nano)")
        }
        for record in records {
            #expect((record.verdict == .healthy || record.verdict == .unknown) == record.causes.isEmpty, "\(scenario) \(record)")
            #expect(record.causes.map(\.job) == record.causes.map(\.job).sorted())
        }
        // The last record says what the report says at the evaluation instant.
        let r = replay.analysis.replay
        #expect(records.last?.verdict == (replay.analysis.hasVerdict ? Verdict(r.verdict) : .unknown))
        #expect(r.history.records == records.count)
    }

    @Test("every logged health check's answer lies in a record of its verdict", arguments: Package.scenarios)
    func loggedHealthChecks(scenario: String) throws {
        let replay = try HistoryReplay(scenario: scenario)
        var latest = Int64.min
        var checked = 0
        for event in try decodedEvents(Package.fixture(scenario + ".log")) {
            latest = max(latest, event.time.nanoseconds)
            guard case .healthCheck(let logged) = event.payload else { continue }
            let record = try #require(replay.record(at: latest))
            #expect(record.verdict.rawValue == logged.overallStatus, "\(scenario) \(event.location)")
            checked += 1
        }
        #expect(checked >= 1)
    }

    @Test("at each boundary, 1 ns before it, 1 µs after it and mid-record, the record says what --at says",
          arguments: Package.scenarios)
    func agreesWithAt(scenario: String) throws {
        let replay = try HistoryReplay(scenario: scenario)
        let records = replay.records
        let start = try #require(records.first).from.nanoseconds
        let end = try #require(records.last).to.nanoseconds
        var instants: Set<Int64> = [end]
        for record in records {
            let from = record.from.nanoseconds, to = record.to.nanoseconds
            instants.formUnion([from, from - 1, from + 1_000, from + (to - from) / 2])
        }
        var compared = 0
        for t in instants.sorted() where t >= start && t <= end {
            let record = try #require(replay.record(at: t))
            let (verdict, causes) = replay.endpoint(at: t)
            #expect(record.verdict == verdict, "\(scenario) at \(Instant(nanoseconds: t).rfc3339Nano): history \(record.verdict), --at \(verdict)")
            #expect(record.causes == causes, "\(scenario) at \(Instant(nanoseconds: t).rfc3339Nano): causes differ")
            compared += 1
        }
        #expect(compared >= 3 * records.count)
    }

    @Test("the time in each verdict adds up to the span, to the nanosecond, and incidents are the non-healthy runs",
          arguments: Package.scenarios)
    func timeAndIncidents(scenario: String) throws {
        let replay = try HistoryReplay(scenario: scenario)
        let records = replay.records
        let history = replay.analysis.replay.history
        let span = try #require(records.last).to.nanoseconds - (try #require(records.first)).from.nanoseconds
        #expect(history.span == span)
        #expect(history.timeInState.total == span)
        for verdict in Verdict.allCases {
            let sum = records.filter { $0.verdict == verdict }.reduce(Int64(0)) { $0 + $1.duration }
            #expect(history.timeInState[verdict] == sum, "\(scenario) \(verdict)")
        }
        // Incidents rebuilt from the records: maximal runs of non-healthy ones.
        var runs: [(start: Int64, end: Int64, worst: Verdict, ongoing: Bool)] = []
        for (i, record) in records.enumerated() where record.verdict != .healthy {
            if i > 0, records[i - 1].verdict != .healthy {
                runs[runs.count - 1].end = record.to.nanoseconds
                runs[runs.count - 1].worst = max(runs[runs.count - 1].worst, record.verdict)
            } else {
                runs.append((record.from.nanoseconds, record.to.nanoseconds, record.verdict, false))
            }
            if i == records.count - 1 { runs[runs.count - 1].ongoing = true }
        }
        let incidents = history.incidents.kept
        #expect(history.incidentCount == runs.count)
        #expect(incidents.count == runs.count)
        for (incident, run) in zip(incidents, runs) {
            #expect(incident.start.nanoseconds == run.start)
            #expect(incident.lastSeen.nanoseconds == run.end)
            #expect(incident.ongoing == run.ongoing)
            #expect(incident.end == (run.ongoing ? nil : Instant(nanoseconds: run.end)))
            #expect(incident.worst == run.worst)
            #expect(incident.startedBy != nil)
            #expect(incident.ongoing == (incident.endedBy == nil))
            if incident.worst != .unknown { #expect(incident.firstCause != nil) }
        }
        #expect(history.longestIncident == runs.map { $0.end - $0.start }.max() ?? 0)
        #expect(history.incidentTime == runs.reduce(0) { $0 + ($1.end - $1.start) })
    }

    @Test("the gzip copy gives the same history", arguments: Package.scenarios)
    func gzipSame(scenario: String) throws {
        #expect(try HistoryReplay(scenario: scenario).records == HistoryReplay(scenario: scenario, suffix: ".log.gz").records)
    }
}
