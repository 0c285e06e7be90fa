import Foundation
import Testing
@testable import JobscanCore

/// The threaded path (reader thread, replay thread, batches of 512) must reach exactly the
/// analysis of the unthreaded one, on a log far longer than one batch.
@Suite("Hardening: threaded and unthreaded replay agree")
struct ThreadedReplayTests {
    /// About 12,000 lines: five jobs starting, completing and failing, overlapping runs, health
    /// checks, foreign lines and a restart, so that every kind of item crosses many batches.
    static func longLog() -> String {
        let jobs = ["btc_transaction_indexing", "icy_transaction_indexing", "swap_request_processing",
                    "icy_swap_transaction_indexing", "btc_pending_transaction_processing"]
        var random = LineMutator(seed: 0x7EAD)
        var lines: [String] = []
        var t = 1_795_639_521_000
        func ts() -> String { t += 1 + random.below(700); return "\(t / 1000).\(String(t % 1000).leftPadded(3))" }
        for round in 0..<1200 {
            if round == 600 { lines.append(ZapLog.line("Starting server", ts: ts(), [("port", "8080")])) }
            for job in jobs where random.below(3) > 0 {
                lines.append(ZapLog.started(job, ts: ts()))
                if random.below(10) == 0 { lines.append(ZapLog.started(job, ts: ts())) }
                lines.append(ZapLog.foreign(ts: ts()))
                if random.below(4) == 0 {
                    lines.append(ZapLog.failed(job, ts: ts(), duration: "\(random.below(900))ms", error: "rpc timeout", consecutive: 1))
                } else {
                    lines.append(ZapLog.completed(job, ts: ts(), duration: "\(random.below(900))ms"))
                }
            }
            if round % 7 == 0 {
                lines.append(ZapLog.line("Jobs health check completed", ts: ts(), [
                    ("overall_status", "healthy"), ("duration", "3ms"), ("total_jobs", "5"), ("unhealthy_jobs", "0"),
                    ("stalled_jobs", "0"), ("running_jobs", "0")]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func run(_ path: String, threaded: Bool) -> (json: String, table: String, runs: [String]) {
        let collector = RunCollector()
        var options = Analyzer.Options()
        options.threaded = threaded
        let analysis = analyzeFleet([path], runSink: collector) { $0 = options }.instances[0]
        return (JSONReport.render(analysis.asFleet), TableReport.render(analysis.asFleet, colour: false), collector.runs.map { TimelineWriter.line($0) })
    }

    @Test("a 12,000-line log: the same JSON document, table and timeline, threaded or not")
    func sameAnalysis() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("long.log", Self.longLog())
        let (analysis, _) = analyze([path]) { $0.threaded = false }
        #expect(analysis.input.eventCount > 10 * ReplayWorker.batchSize, "many batches")
        let one = run(path, threaded: false)
        let three = run(path, threaded: true)
        #expect(one.json == three.json)
        #expect(one.table == three.table)
        #expect(one.runs == three.runs)
    }

    @Test("HandOff: items arrive in order across threads, and put waits while it is full")
    func handOff() async {
        let queue = HandOff<Int>(capacity: 4)
        let n = 50_000
        let producer = Thread { for i in 0..<n { queue.put(i) } }
        producer.start()
        var next = 0
        var inOrder = true
        while next < n {
            if queue.take() != next { inOrder = false }
            next += 1
        }
        #expect(inOrder)
        #expect(queue.tryTake() == nil)
        queue.put(7)
        #expect(queue.tryTake() == 7)
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
