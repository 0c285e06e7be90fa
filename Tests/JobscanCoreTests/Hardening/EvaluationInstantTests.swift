import Testing
@testable import JobscanCore

/// The default evaluation instant is the latest time seen, from events and foreign lines alike.
@Suite("Hardening: the evaluation instant is the latest time seen")
struct EvaluationInstantTests {
    static let nano = #""2026-11-26T03:56:09.123456789+07:00""#   // zap's RFC3339Nano encoder, 37 bytes

    @Test("a foreign line with a 37-byte RFC3339Nano ts sets the instant and reveals a stall")
    func longTimestamp() throws {
        let analysis = try ZapLog.analyze([
            ZapLog.started("btc_transaction_indexing", ts: #""2026-11-26T03:46:09+07:00""#),
            ZapLog.foreign(ts: Self.nano),
        ])
        let expected = try #require(TimeText.parseRFC3339(String(Self.nano.dropFirst().dropLast())))
        #expect(analysis.replay.evaluatedAt == expected)
        #expect(analysis.replay.jobs.first?.status == .stalled, "10 minutes running, over the 5m threshold")
        #expect(analysis.input.files.first?.lastTime == expected)
    }

    @Test("an older trailing foreign line does not move the instant back")
    func olderTrailingForeign() throws {
        let analysis = try ZapLog.analyze([
            ZapLog.started("a", ts: "1795639521"),
            ZapLog.foreign(ts: "1795640000.5"),
            ZapLog.foreign(ts: "1795639600"),   // another program, or a clock step back
        ])
        #expect(analysis.replay.evaluatedAt.nanoseconds == 1_795_640_000_500_000_000)
        #expect(analysis.replay.jobs.first?.status == .stalled)
    }

    @Test("an older trailing event does not move the instant back either")
    func olderTrailingEvent() throws {
        let analysis = try ZapLog.analyze([
            ZapLog.started("a", ts: "1795639521"),
            ZapLog.foreign(ts: "1795640000"),
            ZapLog.line("Job panicked", ts: "1795639522", level: "error", [("job_name", "b"), ("panic", "x")]),
        ])
        #expect(analysis.replay.evaluatedAt.nanoseconds == 1_795_640_000_000_000_000)
    }

    @Test("foreign times between events count too: the latest of all of them")
    func foreignBetweenEvents() throws {
        let analysis = try ZapLog.analyze([
            ZapLog.started("a", ts: "1795639521"),
            ZapLog.foreign(ts: "1795649999.25"),
            ZapLog.completed("a", ts: "1795639522", duration: "1s"),
        ])
        #expect(analysis.replay.evaluatedAt.nanoseconds == 1_795_649_999_250_000_000)
    }

    @Test("LineStamp keeps the latest of any mix of texts, byte-ordered or parsed", arguments: [UInt64(1), 2, 3, 4])
    func stampKeepsLatest(seed: UInt64) {
        var random = LineMutator(seed: seed)
        var stamp = LineStamp()
        var latest: Instant?
        for _ in 0..<2000 {
            let seconds = 1_795_600_000 + random.below(90_000)
            let digits = random.below(10)
            let fraction = String(random.next() % 1_000_000_000).prefix(digits)
            let texts: [(String, LineStamp.Layout)] = [
                (fraction.isEmpty ? "\(seconds)" : "\(seconds).\(fraction)", .zapJSON),
                ("\"\(Instant(nanoseconds: Int64(seconds) * 1_000_000_000).inOffset(25_200).rfc3339Nano)\"", .zapJSON),
                ("9999999999.5", .zapJSON),      // out of Int64's range: never the latest
                ("1e9", .zapJSON),
                (String(Instant(nanoseconds: Int64(seconds) * 1_000_000_000).rfc3339(fractionDigits: 3).dropLast()) + "+0000", .zapConsole),
            ]
            let (text, layout) = texts[random.below(random.below(4) == 0 ? texts.count : 1)]
            let bytes = Array(text.utf8)
            bytes.withUnsafeBytes { stamp.set($0, layout: layout) }
            if let t = bytes.withUnsafeBytes({ LineStamp.parse($0, layout: layout) }), latest.map({ t > $0 }) ?? true { latest = t }
            #expect(stamp.instant() == latest, "\(text)")
        }
    }
}
