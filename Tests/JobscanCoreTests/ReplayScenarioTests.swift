import Foundation
import Testing
@testable import JobscanCore

@Suite("Replay: instants, restarts and runs")
struct ReplayScenarioTests {
    /// critical_unhealthy: btc_transaction_indexing (critical) fails at ts …41.481 (1), …41.868 (2),
    /// …42.422 (3), …43.076 (4) and starts again at …42.943; swap_request_processing fails at …42.443
    /// (1) and …42.962 (2) and starts again at …42.943. Derived by hand from the log.
    @Test("--at: the verdict at several instants", arguments: [
        ("1795639540.4", HealthVerdict.healthy),    // four jobs running, nothing failed yet
        ("1795639541.5", .degraded),                // btc failed once: unhealthy job, not critical enough
        ("1795639541.9", .degraded),                // btc failed twice in a row
        ("1795639542.43", .unhealthy),              // btc failed three times in a row (> 2, critical)
        ("1795639542.95", .healthy),                // btc and swap running again: a running job is not failed
        ("1795639543.1", .unhealthy),               // btc failed a fourth time
    ])
    func verdictAt(time: String, verdict: HealthVerdict) throws {
        let (analysis, _) = analyze([Package.fixture("critical_unhealthy.log")]) {
            $0.replay.stallThreshold = 1_500_000_000
            $0.replay.evaluateAt = EvaluationTime.parse(time)
        }
        #expect(analysis.replay.verdict == verdict)
        #expect(analysis.replay.evaluatedAt == EvaluationTime.parse(time)!)
    }

    @Test("--at judges stalls at that instant: a run becomes stalled once the threshold passes")
    func stallAtInstant() throws {
        // btc_transaction_indexing starts at ts 1795639540.3253334; threshold 1.5s (strictly longer).
        func status(at time: String) -> JobState? {
            analyze([Package.fixture("critical_unhealthy.log")]) {
                $0.replay.stallThreshold = 100_000_000
                $0.replay.evaluateAt = EvaluationTime.parse(time)
            }.0.replay.jobs.first { $0.jobName == "btc_transaction_indexing" }?.status
        }
        #expect(status(at: "1795639540.4") == .running)       // 75 ms in
        #expect(status(at: "1795639540.5") == .stalled)       // 175 ms in, over 100 ms
        #expect(status(at: "1795639540.61") == .success)      // completed at …40.607
    }

    @Test("restart: the state since the restart, and lifetime totals over both processes")
    func restart() throws {
        let (analysis, _) = analyze([Package.fixture("restart.log")]) { $0.replay.stallThreshold = 1_500_000_000 }
        let r = analysis.replay
        #expect(r.restarts.count == 1)
        #expect(r.restarts[0].reason == "Starting server")
        #expect(r.epoch == 1)
        // Lifetime totals are the sums over the two processes, counted from the log by message.
        let text = try String(contentsOfFile: Package.fixture("restart.log"), encoding: .utf8)
        for t in r.lifetime {
            let job = "\"job_name\":\"\(t.jobName)\""
            let lines = text.split(separator: "\n").filter { $0.contains(job) }
            #expect(t.successes == lines.filter { $0.contains("\"msg\":\"Job completed successfully\"") }.count, "\(t.jobName)")
            #expect(t.failures == lines.filter { $0.contains("\"msg\":\"Job failed\"") }.count, "\(t.jobName)")
            #expect(t.runs == lines.filter { $0.contains("\"msg\":\"Job started\"") }.count, "\(t.jobName)")
        }
        #expect(r.lifetime.first { $0.jobName == "btc_pending_transaction_processing" }?.processesSeen == 1)
        #expect(r.lifetime.first { $0.jobName == "btc_transaction_indexing" }?.processesSeen == 2)
        // Only the second process's jobs are in the endpoint's view.
        #expect(!r.jobs.contains { $0.jobName == "btc_pending_transaction_processing" })
    }

    @Test("a log that begins mid-run: the completion counts, no start is invented")
    func beginsMidRun() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("mid.log", """
            {"level":"info","ts":1795639536.2240467,"caller":"logger/logger.go:76","msg":"Job completed successfully","job_name":"a","duration":"227.38719ms"}
            {"level":"error","ts":1795639537.5,"caller":"logger/logger.go:56","msg":"Job failed","job_name":"a","duration":"1s","error":"job timeout after 1s","consecutive_failures":"1"}

            """)
        let sink = RunCollector()
        let r = analyze([path], runSink: sink).0.replay
        let job = try #require(r.jobs.first)
        #expect(job.lastRunTime == .goZero)
        #expect(job.successCount == 1 && job.failureCount == 1)
        #expect(job.averageExecution == (227_387_190 + 1_000_000_000) / 2)
        #expect(job.metadata == ["error_type": "timeout", "timeout": "1s"])
        #expect(sink.runs.map(\.start) == [nil, nil])
        #expect(sink.runs.map(\.outcome) == [.success, .timeout])
    }

    @Test("the timeline: one record per run, overlaps flagged, open and stalled runs at the end")
    func timeline() throws {
        let sink = RunCollector()
        _ = analyze([Package.fixture("overlap.log")], runSink: sink) { $0.replay.stallThreshold = 1_500_000_000 }
        let text = try String(contentsOfFile: Package.fixture("overlap.log"), encoding: .utf8)
        let starts = text.split(separator: "\n").filter { $0.contains("\"msg\":\"Job started\"") }.count
        #expect(sink.runs.count == starts)
        #expect(sink.runs.contains { $0.overlapping })
        #expect(sink.runs.filter { $0.end == nil }.allSatisfy { $0.outcome == .open || $0.outcome == .stalled })
        let line = TimelineWriter.line(sink.runs[0])
        let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        #expect(Set(record.keys) == ["job", "start", "end", "duration_ns", "outcome", "error", "epoch", "overlapping", "stall_detected"])
    }

    @Test("cleanup removes idle records; a late completion of a removed job changes nothing")
    func cleanup() throws {
        let (analysis, _) = analyze([Package.fixture("cleanup.log")]) {
            $0.replay.stallThreshold = 1_500_000_000
            $0.replay.retention = 2_000_000_000
        }
        #expect(analysis.replay.notes == [])
        #expect(analysis.input.events[.unregisteredCompletion] == 1)
    }
}

final class RunCollector: RunRecordSink {
    var runs: [RunRecord] = []
    func record(_ run: RunRecord) { runs.append(run) }
}

@Suite("Replay: cross-check disagreements")
struct CrossCheckDisagreementTests {
    @Test("a logged health check that replay contradicts is listed with both sides, in every output")
    func disagreement() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("disagree.log", """
            {"level":"info","ts":1795639536.0,"caller":"logger/logger.go:76","msg":"Job started","job_name":"btc_transaction_indexing","start_time":"2026-11-25T20:45:36Z"}
            {"level":"error","ts":1795639536.5,"caller":"logger/logger.go:56","msg":"Job failed","job_name":"btc_transaction_indexing","duration":"500ms","error":"boom","consecutive_failures":"1"}
            {"level":"info","ts":1795639537.0,"caller":"logger/logger.go:76","msg":"Jobs health check completed","overall_status":"healthy","duration":"0ms","total_jobs":"1","unhealthy_jobs":"0","stalled_jobs":"0","running_jobs":"0"}

            """)
        let (analysis, _) = analyze([path])
        let check = analysis.replay.crossCheck
        #expect(check.checked == 1 && check.agreed == 0)
        let d = try #require(check.disagreements.first)
        #expect(d.location == LineLocation(file: path, line: 3))
        #expect(d.logged.overallStatus == "healthy")
        #expect(d.replayedVerdict == .degraded)
        #expect(d.replayedSummary.unhealthyJobs == 1)
        let json = try JSONSerialization.jsonObject(with: Data(JSONReport.render(analysis.asFleet).utf8)) as! [String: Any]
        let cross = (json["instances"] as! [[String: Any]])[0]["cross_check"] as! [String: Any]
        #expect(cross["disagreed"] as? Int == 1)
        let item = (cross["disagreements"] as! [[String: Any]])[0]
        func side(_ key: String) -> [String] {
            let d = item[key] as! [String: Any]
            return [d["status"] as? String ?? "?"] + ["total_jobs", "running_jobs", "unhealthy_jobs", "stalled_jobs"].map { "\(d[$0] as? Int ?? -1)" }
        }
        #expect(side("logged") == ["healthy", "1", "0", "0", "0"])
        #expect(side("replay") == ["degraded", "1", "0", "1", "0"])
        #expect(TableReport.render(analysis.asFleet, colour: false).contains("1 disagree"))
    }
}
