import Testing
@testable import JobscanCore

@Suite("Hardening: the restart counter counts every restart")
struct RestartCountTests {
    @Test("150 restarts: the list keeps 100, the textfile counter says 150")
    func uncappedCounter() throws {
        var lines: [String] = []
        for i in 0...150 {
            lines.append(ZapLog.line("Starting server", ts: "\(1795639521 + 2 * i)", [("port", "8080")]))
            lines.append(ZapLog.started("a", ts: "\(1795639522 + 2 * i)"))
        }
        let analysis = try ZapLog.analyze(lines)
        #expect(analysis.replay.restarts.count == Replayer.recordLimit)
        #expect(analysis.replay.epoch == 150)
        let families = TextfileReport.families(analysis.asFleet, options: try TextfileOptions())
        let restarts = families.first { $0.metric == TextfileCatalogue.restarts }
        #expect(restarts?.series.first?.value == .count(150))
    }
}
