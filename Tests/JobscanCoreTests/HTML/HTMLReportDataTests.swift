@testable import JobscanCore
import Testing

@Suite("HTML report: its digest, bounded collections and script-safe data")
struct HTMLReportDataTests {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() }

    @Test("SHA-256 gives FIPS 180-4's example digests, one and two blocks")
    func sha256() {
        #expect(Self.hex(SHA256.digest([UInt8]())) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Self.hex(SHA256.digest(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Self.hex(SHA256.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(Self.hex(SHA256.digest([UInt8](repeating: 0x61, count: 1_000_000)))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(SHA256.base64Digest("abc") == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=")
    }

    @Test("base64 pads as RFC 4648 says")
    func base64() {
        let cases = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy"]
        for (text, encoded) in cases { #expect(Base64.encode(Array(text.utf8)) == encoded) }
    }

    @Test("bins coarsen to stay within their limit and lose no run, also one before the first")
    func bins() {
        var bins = RunBins()
        let second: Int64 = 1_000_000_000
        for i in 0..<50_000 { bins.count(job: i % 3, at: Int64(i) * second, outcome: i % 10 == 0 ? .failed : .success) }
        bins.count(job: 0, at: -3 * second, outcome: .panic)
        #expect(bins.cells.count <= RunBins.limit)
        #expect(bins.width > RunBins.initialWidth)
        #expect(bins.cells.values.reduce(0) { $0 + $1.reduce(0, +) } == 50_001)
        #expect(bins.cells.values.reduce(0) { $0 + $1[RunBins.index(of: .failed)] } == 5_000)
        let early = bins.cells.filter { $0.key.bucket < 0 }
        #expect(early.count == 1 && early.first?.value[RunBins.index(of: .panic)] == 1)
        #expect(RunBins.floorDivide(-1, 2) == -1 && RunBins.floorDivide(-2, 2) == -1 && RunBins.floorDivide(3, 2) == 1)
        // Times at the ends of Int64 saturate rather than trap.
        bins.count(job: 1, at: .max, outcome: .open)
        bins.count(job: 1, at: .min, outcome: .open)
        #expect(bins.cells.values.reduce(0) { $0 + $1.reduce(0, +) } == 50_003)
    }

    static func run(_ job: String, at second: Int64, _ outcome: RunOutcome) -> RunRecord {
        RunRecord(job: job, start: Instant(nanoseconds: second * 1_000_000_000), end: Instant(nanoseconds: second * 1_000_000_000 + 500),
                  duration: 500, outcome: outcome, error: outcome == .success ? nil : String(repeating: "e", count: 1000),
                  epoch: 0, overlapping: false, stallDetected: false)
    }

    @Test("the collector keeps every run up to its limit, then the bins and the runs that did not succeed")
    func runs() {
        let collector = HTMLTimelineCollector()
        for i in 0..<Int64(HTMLTimelineCollector.runLimit) { collector.record(Self.run(i % 2 == 0 ? "a" : "b", at: i, .success)) }
        #expect(collector.runs?.count == HTMLTimelineCollector.runLimit)
        collector.record(Self.run("c", at: 30_000, .timeout))
        #expect(collector.runs == nil)
        #expect(collector.runCount == HTMLTimelineCollector.runLimit + 1)
        #expect(collector.jobs == ["a", "b", "c"])
        #expect(collector.notable.kept.map(\.outcome) == [.timeout])
        #expect(collector.notable.kept[0].error?.count == HTMLTimelineCollector.errorLimit + 1, "cut, with an ellipsis")
        #expect(collector.bins.cells.values.reduce(0) { $0 + $1.reduce(0, +) } == HTMLTimelineCollector.runLimit + 1)
    }

    @Test("history past its limit merges neighbours: the whole span, every record counted, the worse verdict shown")
    func history() {
        let collector = HTMLTimelineCollector()
        let n = HTMLTimelineCollector.historyLimit * 2 + 3
        let cause = HistoryCause(job: "a", status: .failed, consecutiveFailures: 3, critical: true)
        for i in 0..<Int64(n) {
            let unhealthy = i % 2 == 1
            collector.record(HistoryRecord(from: Instant(nanoseconds: i), to: Instant(nanoseconds: i + 1),
                                           verdict: unhealthy ? .unhealthy : .healthy, causes: unhealthy ? [cause] : []))
        }
        #expect(collector.historyCount == n)
        #expect(collector.intervals.count <= HTMLTimelineCollector.historyLimit)
        #expect(collector.intervals.first?.from == 0 && collector.intervals.last?.to == Int64(n))
        #expect(collector.intervals.reduce(0) { $0 + $1.merged } == n)
        #expect(zip(collector.intervals, collector.intervals.dropFirst()).allSatisfy { $0.to == $1.from }, "no gap, no overlap")
        // Every merged interval held an unhealthy record; those since the last merge are single.
        let merged = collector.intervals.filter { $0.merged > 1 }
        #expect(merged.count > collector.intervals.count / 2)
        #expect(merged.allSatisfy { $0.verdict == .unhealthy && $0.causes == [cause] })
        #expect(collector.intervals.filter { $0.merged == 1 }.allSatisfy { ($0.verdict == .unhealthy) == ($0.from % 2 == 1) })
    }

    @Test("health-check ticks thin evenly to their limit")
    func ticks() {
        var ticks = HealthCheckTicks()
        let n = 10_000
        for i in 0..<n { ticks.append(.init(time: Instant(nanoseconds: Int64(i)), agreed: i % 7 != 0)) }
        #expect(ticks.stride == 4)
        #expect(ticks.kept.count == n / 4)
        #expect(ticks.kept.enumerated().allSatisfy { $0.element.time.nanoseconds == Int64($0.offset * 4) })
        #expect(ticks.kept.enumerated().allSatisfy { $0.element.agreed == (($0.offset * 4) % 7 != 0) })
    }

    @Test("the embedded data cannot end its script element")
    func scriptSafe() {
        var w = JSONWriter(pretty: false)
        w.string(nil, "</script><!-- \u{2028}")
        #expect(!w.output.contains("<") && w.output.contains("\\u2028"))
        #expect(HTMLDocument.scriptSafe("{\"a\":\"</script>\"}") == "{\"a\":\"\\u003c/script>\"}")
        let page = HTMLDocument.page(data: "{}")
        #expect(page.contains("script-src 'sha256-\(SHA256.base64Digest(HTMLScript.source))'"))
        #expect(page.contains("<script>\(HTMLScript.source)</script>"))
    }
}
