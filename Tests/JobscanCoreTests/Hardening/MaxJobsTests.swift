import Foundation
import Testing
@testable import JobscanCore

/// Distinct job names are bounded (`--max-jobs`): beyond the limit, events are counted, not kept.
@Suite("Hardening: cardinality is bounded by --max-jobs")
struct MaxJobsTests {
    @Test("100,000 distinct job names: 1000 kept, the rest counted, a small textfile")
    func manyNames() throws {
        var log = ""
        for i in 0..<100_000 {
            log += ZapLog.started("job_\(i)", ts: "1795639521.\(i)") + "\n"
            if i % 1000 == 0 { log += ZapLog.line("Job panicked", ts: "1795639521", level: "error", [("job_name", "ghost_\(i)"), ("panic", "x")]) + "\n" }
        }
        let dir = try TemporaryDirectory()
        let path = try dir.write("names.log", log)
        let (analysis, _) = analyze([path])
        let r = analysis.replay
        #expect(r.lifetime.count == ReplayOptions.defaultMaxJobs)
        #expect(r.jobs.count == ReplayOptions.defaultMaxJobs)
        #expect(r.eventsOfUntrackedJobs == 100_000 - ReplayOptions.defaultMaxJobs + 99)
        #expect(r.notes.first?.text == Replayer.untrackedJobsText(r.eventsOfUntrackedJobs, limit: 1000, first: "job_1000"))
        #expect(analysis.input.eventCount == 100_100, "every event is still counted in the input")
        let textfile = TextfileReport.render(analysis.asFleet, options: try TextfileOptions())
        // About 6 KB per kept job, each series with the instance label (here a long temporary path): not 336 MB.
        #expect(textfile.count < 8_000_000, "\(textfile.count) bytes")
        #expect(TableReport.render(analysis.asFleet, colour: false).contains("more than 1000 jobs (--max-jobs)"))
    }

    @Test("a job already kept stays replayed past the limit; a lower limit is honoured")
    func knownJobsKeepGoing() throws {
        let analysis = try ZapLog.analyze([
            ZapLog.started("a", ts: "1795639521"),
            ZapLog.started("b", ts: "1795639522"),
            ZapLog.started("c", ts: "1795639523"),
            ZapLog.completed("a", ts: "1795639524", duration: "3s"),
        ]) { $0.replay.maxJobs = 2 }
        #expect(analysis.replay.jobs.map(\.jobName) == ["a", "b"])
        #expect(analysis.replay.jobs.first?.status == .success)
        #expect(analysis.replay.eventsOfUntrackedJobs == 1)
    }
}
