import Foundation
import Testing
@testable import JobscanCore

/// The decoder's fast path may only ever reach the exact scanner's answer.
@Suite("Hardening: the fast path agrees with the exact scan")
struct FastPathAgreementTests {
    static let started = #"{"level":"info","ts":1795639521.8066852,"caller":"logger/logger.go:76","msg":"Job started","job_name":"btc_transaction_indexing","start_time":"2026-11-25T20:45:21Z"}"#

    @Test("lines the grammar defines as events are events, not foreign", arguments: [
        // "msg" : with spaces
        #"{"level":"info","ts":1795639521.8,"msg" : "Job started","job_name":"a","start_time":"2026-11-25T20:45:21Z"}"#,
        // a spaced first msg, then a compact duplicate that is not a catalogue message
        #"{"level":"info","ts":1795639521.8,"msg": "Job started","job_name":"a","start_time":"2026-11-25T20:45:21Z","msg":"other"}"#,
        // a nested object with a msg key before the real one
        #"{"level":"info","ts":1795639521.8,"ctx":{"msg":"hello"},"msg":"Job started","job_name":"a","start_time":"2026-11-25T20:45:21Z"}"#,
        // a key holding an escaped quote and msg, before the real one
        #"{"level":"info","ts":1795639521.8,"a\"msg":"hello","msg":"Job started","job_name":"a","start_time":"2026-11-25T20:45:21Z"}"#,
    ])
    func eventsNotForeign(_ line: String) {
        #expect(probeLine(line).kind == .event)
        var agreement = DecoderAgreement()
        #expect(withUTF8Bytes(line) { agreement.check($0, lineNumber: 1) } == nil)
    }

    @Test("a ts that is an object hiding a msg key: a diagnostic (invalid ts), as the exact scan says")
    func objectTimestamp() {
        let line = #"{"level":"info","ts":{"a":1,"msg":"hello"},"msg":"Job started","job_name":"a","start_time":"2026-11-25T20:45:21Z"}"#
        #expect(probeLine(line).kind == .diagnostic(.invalidTime))
    }

    @Test("fast path and exact scan agree on 60,000 generated lines (fixture lines, mutated)")
    func differential() throws {
        var seeds: [[UInt8]] = [Array(Self.started.utf8)]
        for name in try FileManager.default.contentsOfDirectory(atPath: Package.fixtures.path).sorted() where name.hasSuffix(".log") {
            seeds += try GrammarPaths.lines(Package.fixtures.appendingPathComponent(name)).filter { !$0.isEmpty }
        }
        var random = LineMutator(seed: 0x11F1)
        var agreement = DecoderAgreement()
        var failures: [String] = []
        var kinds: [String: Int] = [:]
        for n in 0..<60_000 {
            var line = seeds[n % seeds.count]
            for _ in 0..<(1 + random.below(3)) { random.mutate(&line) }
            if let failure = line.withUnsafeBytes({ agreement.check($0, lineNumber: n + 1) }) {
                failures.append(failure)
                if failures.count >= 5 { break }
            }
            kinds[line.withUnsafeBytes { probeLine(Array($0)).kind.description }, default: 0] += 1
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        // The mutations must reach every outcome, or the comparison proves little.
        #expect(kinds["event", default: 0] > 1000)
        #expect(kinds["foreign", default: 0] > 1000)
        #expect(kinds.keys.filter { $0.hasPrefix("diagnostic") }.count >= 4, "\(kinds)")
    }
}

/// Mutations that hit the fast path's assumptions: spacing, nesting, duplicate and escaped keys,
/// string times, truncation, stray structural bytes.
struct LineMutator {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { random.next() }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    private mutating func position(of byte: UInt8, in line: [UInt8]) -> Int? {
        let hits = line.indices.filter { line[$0] == byte }
        return hits.isEmpty ? nil : hits[below(hits.count)]
    }

    mutating func mutate(_ line: inout [UInt8]) {
        let afterBrace = line.first == UInt8(ascii: "{") ? 1 : 0
        switch below(12) {
        case 0:  // a space around a colon or comma
            if let i = position(of: UInt8(ascii: below(2) == 0 ? ":" : ","), in: line) {
                line.insert(0x20, at: below(2) == 0 ? i : i + 1)
            }
        case 1:  // a nested member holding a msg, up front
            line.insert(contentsOf: Array(#""ctx":{"msg":"hello","n":[1,{"msg":"x"}]},"#.utf8), at: afterBrace)
        case 2:  // a later duplicate msg
            if line.last == UInt8(ascii: "}") { line.insert(contentsOf: Array(#","msg":"other""#.utf8), at: line.count - 1) }
        case 3:  // a key with an escaped quote and msg inside, up front
            line.insert(contentsOf: Array(#""a\"msg":"hello","#.utf8), at: afterBrace)
        case 4:  // a string ts, zap's RFC3339Nano encoder
            if let range = line.firstRange(of: Array(#""ts":"#.utf8)) {
                var end = range.upperBound
                while end < line.count, line[end] != UInt8(ascii: ",") { end += 1 }
                let texts = [#""2026-11-26T03:56:09.123456789+07:00""#, #""2026-11-25T20:45:21.806+0000""#, #""bad""#, "1795639521", "-1"]
                line.replaceSubrange(range.upperBound..<end, with: Array(texts[below(texts.count)].utf8))
            }
        case 5:  // truncation
            if !line.isEmpty { line.removeLast(below(line.count)) }
        case 6:  // a stray structural byte
            let bytes = Array(#""{}[]\:, "#.utf8) + [0x09, 0x0A, UInt8(ascii: "0")]
            if !line.isEmpty { line[below(line.count)] = bytes[below(bytes.count)] }
        case 7:  // an escape in the message
            if let range = line.firstRange(of: Array("Job ".utf8)) { line.replaceSubrange(range, with: Array(#"Job\u0020"#.utf8)) }
        case 8:  // drop the caller, or the level
            for key in [#""caller":"logger/logger.go:76","#, #""level":"info","#] where below(2) == 0 {
                if let range = line.firstRange(of: Array(key.utf8)) { line.removeSubrange(range); break }
            }
        case 9:  // a backslash in the level or the caller
            if let range = line.firstRange(of: Array("logger.go".utf8)) { line.replaceSubrange(range, with: Array(#"log\"ger.go"#.utf8)) }
        case 10:  // a space after the brace, or trailing bytes
            if below(2) == 0 { line.insert(0x20, at: min(afterBrace, line.count)) } else { line += Array(" x".utf8) }
        default:  // the msg key spaced
            if let range = line.firstRange(of: Array(#""msg":"#.utf8)) { line.replaceSubrange(range, with: Array(#""msg" :"#.utf8)) }
        }
    }
}
