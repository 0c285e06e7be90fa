import Foundation
import Testing
@testable import JobscanCore

/// What keeps memory flat however long the log: bounded incident lists, stale stall entries dropped.
@Suite("History: bounded memory")
struct BoundedHistoryTests {
    @Test("FirstAndLatest keeps the first and the latest elements and counts them all")
    func firstAndLatest() {
        var list = FirstAndLatest<Int>(limit: 3)
        for n in 1...5 { list.append(n) }
        #expect(list.first == [1, 2, 3] && list.latest == [4, 5] && list.count == 5 && list.last == 5)
        for n in 6...10 { list.append(n) }
        #expect(list.first == [1, 2, 3] && list.latest == [8, 9, 10] && list.kept == [1, 2, 3, 8, 9, 10])
        #expect(list.count == 10 && list.last == 10)
        var empty = FirstAndLatest<Int>(limit: 2)
        #expect(empty.kept.isEmpty && empty.last == nil)
        empty.append(7)
        #expect(empty.last == 7)
    }

    @Test("300 incidents: all counted, the first and latest 50 kept, the JSON says how many are not listed")
    func manyIncidents() throws {
        let s = HistoryScenarioTests.second
        var lines: [String] = []
        for n in 0..<300 {
            let t = Int64(n) * 10 * s
            lines.append(HistoryScenarioTests.start(t, "x"))
            lines.append(HistoryScenarioTests.job("Job failed", t + s, "x", [("duration", "1s"), ("error", "e\(n)"), ("consecutive_failures", "\(n + 1)")], level: "error"))
        }
        let (dir, path) = try HistoryScenarioTests.write(lines)
        _ = dir
        let replay = HistoryReplay([path])
        let history = replay.analysis.replay.history
        #expect(history.incidentCount == 300)
        let kept = history.incidents.kept
        #expect(kept.count == 2 * VerdictHistory.incidentLimit)
        #expect(kept.first?.firstCause?.error == "e0" && kept[49].firstCause?.error == "e49" && kept[50].firstCause?.error == "e250")
        #expect(kept.last?.ongoing == true && kept.last?.firstCause?.error == "e299")
        #expect(replay.records.count == 600)
        let json = try JSONSerialization.jsonObject(with: Data(JSONReport.render(replay.analysis.asFleet).utf8)) as! [String: Any]
        let section = (json["instances"] as! [[String: Any]])[0]["history"] as! [String: Any]
        #expect(section["incident_count"] as? Int == 300 && section["incidents_not_listed"] as? Int == 200)
        #expect((section["incidents"] as! [Any]).count == 100)
        #expect(TableReport.render(replay.analysis.asFleet, colour: false).contains("incidents    300, longest 9s, mean 8.97s; the latest 5:"))
    }

    @Test("a thousand starts of one job inside the threshold: one stall, at the last start's threshold")
    func manyStarts() throws {
        let ms = HistoryScenarioTests.second / 1000
        let lines = (0..<1000).map { HistoryScenarioTests.start(Int64($0) * ms, "burst") }
            + [zapLine(HistoryScenarioTests.ts(30_000 * ms), "info", "Some later line")]
        let (dir, path) = try HistoryScenarioTests.write(lines)
        _ = dir
        let threshold = 10_000 * ms
        let replay = HistoryReplay([path]) { $0.replay.stallThreshold = threshold }
        #expect(replay.records.map(\.verdict) == [.healthy, .unhealthy])
        #expect(replay.records.last?.from.nanoseconds == HistoryScenarioTests.base + 999 * ms + threshold + 1)
        for t in [999 * ms + threshold, 999 * ms + threshold + 1, 5_000 * ms] {
            #expect(replay.record(at: HistoryScenarioTests.base + t)?.verdict == replay.endpoint(at: HistoryScenarioTests.base + t).0)
        }
    }
}
