import Foundation
import Testing
@testable import JobscanCore

/// Open runs: O(1) per event whatever their number, bounded in memory, exact for ordinary logs.
@Suite("Hardening: open runs")
struct OpenRunTests {
    private func replay(_ lines: [String]) throws -> (ReplayResult, [RunRecord]) {
        let dir = try TemporaryDirectory()
        let path = try dir.write("app.log", lines.joined(separator: "\n") + "\n")
        let collector = RunCollector()
        var options = Analyzer.Options()
        options.threaded = false
        return (analyzeFleet([path], runSink: collector) { $0 = options }.instances[0].replay, collector.runs)
    }

    @Test("200,000 starts of one job without a completion replay in linear time")
    func manyStarts() throws {
        let n = 200_000
        var log = ""
        log.reserveCapacity(n * 170)
        for i in 0..<n { log += ZapLog.started("hung_job", ts: "1795639521.\(String(i).padded(to: 6))") + "\n" }
        let dir = try TemporaryDirectory()
        let path = try dir.write("app.log", log)
        let collector = RunCollector()
        var options = Analyzer.Options()
        options.threaded = false
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let result = analyzeFleet([path], runSink: collector) { $0 = options }.instances[0].replay
            #expect(result.lifetime.first?.runs == n)
            #expect(result.notes.count == 1)
            #expect(result.notes.first?.text.contains("more than \(OpenRunQueue.detailLimit) runs open at once") == true)
        }
        // Quadratic work (every start marking every open run) takes minutes here; linear, about a second.
        #expect(elapsed < .seconds(30), "\(elapsed)")
        // The oldest runs stay in detail, the rest are counted.
        #expect(collector.runs.count == OpenRunQueue.detailLimit)
        #expect(collector.runs.allSatisfy { $0.overlapping && $0.start != nil && $0.end == nil })
    }

    @Test("completions pair with the oldest open run; overlap marks every run that shared time")
    func overlapRule() throws {
        let (_, runs) = try replay([
            ZapLog.started("a", ts: "1795639521"),
            ZapLog.completed("a", ts: "1795639522", duration: "1s"),      // alone
            ZapLog.started("a", ts: "1795639523"),
            ZapLog.started("a", ts: "1795639524"),                        // overlaps the one before
            ZapLog.completed("a", ts: "1795639525", duration: "1s"),
            ZapLog.started("a", ts: "1795639526"),                        // overlaps the one still open
            ZapLog.completed("a", ts: "1795639527", duration: "1s"),
            ZapLog.completed("a", ts: "1795639528", duration: "1s"),
            ZapLog.started("a", ts: "1795639529"),
            ZapLog.completed("a", ts: "1795639530", duration: "1s"),      // alone again
        ])
        #expect(runs.map { $0.start?.nanoseconds } == [1_795_639_521, 1_795_639_523, 1_795_639_524, 1_795_639_526, 1_795_639_529].map { $0 * 1_000_000_000 })
        #expect(runs.map(\.overlapping) == [false, true, true, true, false])
    }

    @Test("the queue: oldest first, detail limit, untracked runs counted and closed after the detailed ones")
    func queue() {
        var q = OpenRunQueue()
        #expect(q.closeOldest() == nil)
        for i in 0..<(OpenRunQueue.detailLimit + 5) { q.open(at: Instant(nanoseconds: Int64(i))) }
        #expect(q.untracked == 5)
        #expect(q.detailed.count == OpenRunQueue.detailLimit)
        guard case .run(let first, true)? = q.closeOldest() else { Issue.record("no detailed run"); return }
        #expect(first.start.nanoseconds == 0)
        // A run opened while untracked ones exist is untracked too, even with room in detail.
        #expect(q.open(at: Instant(nanoseconds: -1)) == false)
        for _ in 1..<OpenRunQueue.detailLimit { _ = q.closeOldest() }
        for _ in 0..<6 {
            guard case .untracked? = q.closeOldest() else { Issue.record("expected an untracked run"); return }
        }
        #expect(q.isEmpty)
    }
}

extension OpenRunQueue.Closed: Equatable {
    public static func == (a: Self, b: Self) -> Bool {
        switch (a, b) {
        case (.untracked, .untracked): true
        case (.run(let x, let ox), .run(let y, let oy)): x.serial == y.serial && ox == oy
        default: false
        }
    }
}

private extension String {
    func padded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
