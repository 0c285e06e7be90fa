import Foundation
import Testing
@testable import JobscanCore

/// Times at Int64's ends and durations near ±Int64.max, from log content alone: no trap anywhere
/// (replay, table, JSON, health body, textfile, timeline), values saturate instead.
@Suite("Hardening: times and durations at Int64's ends")
struct ExtremeTimeTests {
    /// The earliest and latest instants the time grammar accepts (Grammar/rfc3339.ebnf, range).
    static let earliest = "\"1677-09-21T00:12:44Z\""
    static let latest = "\"2262-04-11T23:47:16.854775807Z\""
    static let longest = "2562047h47m16.854775807s"
    static let mostNegative = "-2562047h47m16.854775808s"

    /// Every human and machine output of `analysis`, rendered (a trap anywhere crashes the test).
    private func renderEverything(_ analysis: Analysis) throws -> String {
        var all = TableReport.render(analysis.asFleet, colour: false)
        all += JSONReport.render(analysis.asFleet)
        all += HealthReport.render(analysis.replay)
        all += InputReport.text(analysis.input)
        all += String(decoding: TextfileReport.render(analysis.asFleet, options: try TextfileOptions()), as: UTF8.self)
        return all
    }

    private func analyzeWithRuns(_ lines: [String], at: Instant? = nil) throws -> (Analysis, [RunRecord]) {
        let dir = try TemporaryDirectory()
        let path = try dir.write("app.log", lines.joined(separator: "\n") + "\n")
        let collector = RunCollector()
        var options = Analyzer.Options()
        options.threaded = false
        options.replay.evaluateAt = at
        let analysis = analyzeFleet([path], runSink: collector) { $0 = options }.instances[0]
        for run in collector.runs { _ = TimelineWriter.line(run) }
        return (analysis, collector.runs)
    }

    @Test("a start at Go's zero time, then an ordinary line: the run is stalled, nothing traps")
    func goZeroStart() throws {
        let (analysis, runs) = try analyzeWithRuns([
            ZapLog.started("btc_transaction_indexing", ts: "\"0001-01-01T00:00:00Z\""),
            ZapLog.foreign(ts: "1795639521.8066852"),
        ])
        #expect(analysis.replay.jobs.map(\.status) == [.stalled])
        #expect(runs.map(\.outcome) == [.stalled])
        _ = try renderEverything(analysis)
    }

    @Test("a start in 1677 and a line in 2262: further apart than Int64 nanoseconds reach")
    func startIn1677LineIn2262() throws {
        let (analysis, runs) = try analyzeWithRuns([
            ZapLog.registered("btc_transaction_indexing", ts: Self.earliest),
            ZapLog.started("btc_transaction_indexing", ts: Self.earliest),
            ZapLog.started("icy_transaction_indexing", ts: Self.earliest),
            ZapLog.completed("icy_transaction_indexing", ts: Self.latest, duration: Self.longest),
            ZapLog.foreign(ts: Self.latest),
        ])
        #expect(analysis.replay.evaluatedAt.nanoseconds == .max)
        #expect(analysis.replay.jobs.map(\.status) == [.stalled, .success])
        #expect(runs.count == 2)
        let text = try renderEverything(analysis)
        #expect(text.contains("2262-04-11T23:47:16"))
    }

    @Test("a cleanup line in 1677: the cutoff saturates, nothing is removed")
    func cleanupIn1677() throws {
        let (analysis, _) = try analyzeWithRuns([
            ZapLog.registered("btc_transaction_indexing", ts: Self.earliest),
            ZapLog.cleanup(ts: Self.earliest, count: 0),
            ZapLog.cleanup(ts: "\"1677-09-21T00:12:45Z\"", count: 0),
        ])
        #expect(analysis.replay.jobs.map(\.jobName) == ["btc_transaction_indexing"])
        #expect(analysis.replay.notes.isEmpty)
        _ = try renderEverything(analysis)
    }

    @Test("offsets of +23:59 and -23:59 near both ends: days and times shown in the offset")
    func extremeOffsets() throws {
        for (ts, offsetTime) in [(Self.latest, "2262-04-11T23:47:16+23:59"), (Self.earliest, "1677-09-21T00:12:44-23:59")] {
            let (analysis, runs) = try analyzeWithRuns([
                ZapLog.started("btc_transaction_indexing", ts: ts, startTime: offsetTime),
                ZapLog.completed("btc_transaction_indexing", ts: ts, duration: "1s"),
            ])
            #expect(analysis.replay.displayOffset == (ts == Self.latest ? 1 : -1) * (23 * 3600 + 59 * 60))
            #expect(runs.count == 1)
            #expect(analysis.replay.lifetime.first?.runsPerDay.keys.sorted() == [ts == Self.latest ? "2262-04-12" : "1677-09-20"])
            _ = try renderEverything(analysis)
        }
    }

    @Test("durations of ±Int64.max in every report: shown rounded, never trapping")
    func extremeDurations() throws {
        let (analysis, _) = try analyzeWithRuns([
            ZapLog.started("a", ts: "1795639521"),
            ZapLog.completed("a", ts: "1795639522", duration: Self.longest),
            ZapLog.started("b", ts: "1795639521"),
            ZapLog.failed("b", ts: "1795639522", duration: Self.mostNegative, error: "boom"),
            ZapLog.started("b", ts: "1795639523"),
            ZapLog.failed("b", ts: "1795639524", duration: Self.longest, error: "boom", consecutive: 2),
        ])
        let table = TableReport.render(analysis.asFleet, colour: false)
        #expect(table.contains("2562047h47m16s"))
        #expect(table.contains("-2562047h47m16s"))
        _ = try renderEverything(analysis)
    }

    @Test("DurationText at Int64's ends rounds to the nearest multiple that exists")
    func durationTextEnds() {
        #expect(DurationText.short(.max) == "2562047h47m16s")
        #expect(DurationText.short(.min) == "-2562047h47m16s")
        #expect(DurationText.short(.max - 1) == "2562047h47m16s")
    }

    @Test("the histogram sum stays exact past Int64: three 2000000h runs sum to 21600000000 s")
    func exactHistogramSum() throws {
        var lines: [String] = []
        for i in 0..<3 {
            lines.append(ZapLog.started("a", ts: "\(1795639521 + i * 2)"))
            lines.append(ZapLog.completed("a", ts: "\(1795639522 + i * 2)", duration: "2000000h0m0.000000001s"))
        }
        let analysis = try ZapLog.analyze(lines)
        let histogram = try #require(analysis.replay.lifetime.first?.successDurations)
        #expect(histogram.sum == Int128(3) * (2_000_000 * 3_600_000_000_000 + 1))
        let text = String(decoding: TextfileReport.render(analysis.asFleet, options: try TextfileOptions()), as: UTF8.self)
        #expect(text.contains("icy_backend_background_job_duration_seconds_sum{service_instance=\"\(analysis.instance.name)\",job_name=\"a\",status=\"success\"} 21600000000.000000003\n"))
        #expect(TextfileExposition.exactSeconds(0) == "0.0")
        #expect(TextfileExposition.exactSeconds(466_695_345) == "0.466695345")
        #expect(TextfileExposition.exactSeconds(-1_500_000_000) == "-1.5")
    }

    @Test("saturating arithmetic clamps at both ends")
    func saturation() {
        #expect(Int64.max.addingSaturated(1) == .max)
        #expect(Int64.min.addingSaturated(-1) == .min)
        #expect(Int64.min.subtractingSaturated(1) == .min)
        #expect(Int64.max.subtractingSaturated(-1) == .max)
        #expect(Int64.max.multipliedSaturated(by: 2) == .max)
        #expect(Int64.min.multipliedSaturated(by: 2) == .min)
        #expect(Int64(-3).multipliedSaturated(by: .max) == .min)
        #expect(Instant(nanoseconds: .max).nanoseconds(since: Instant(nanoseconds: .min)) == .max)
        #expect(Instant(nanoseconds: .min).advanced(by: -1).nanoseconds == .min)
    }

    @Test("a line longer than any memory: --max-line-bytes near Int64.max is clamped, lines still split")
    func hugeLineLimit() throws {
        let reader = LineReader(maxLineBytes: .max, readSize: 4096)
        #expect(reader.maxLineBytes == LineReader.maximumLineBytes)
        var lines = 0
        try reader.forEachLine(in: MemorySource(Array("a\nb\n".utf8))) { _, _ in lines += 1 }
        #expect(lines == 2)
    }
}
