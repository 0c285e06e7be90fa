import Foundation
import Testing
@testable import JobscanCore

/// A newest-first logcli export on disk is read last line first: every line once, each intact,
/// with its own line number, whatever the chunk size.
@Suite("Input: a file read last line first")
struct ReverseLinesTests {
    static let texts = ["a\nbb\n\nccc\n", "no newline at the end\nx", "", "\n\n", "one\n", String(repeating: "long line ", count: 500) + "\nshort\n"]

    @Test("every line once, last first, through chunks of any size", arguments: [1, 3, 16, 1 << 20])
    func lines(chunk: Int) throws {
        let dir = try TemporaryDirectory()
        for (k, text) in Self.texts.enumerated() {
            let path = try dir.write("f\(k)", text)
            let source = try ReverseLinesByteSource(path: path, chunkSize: chunk)
            let (lines, _, _) = try collectLines(source, readSize: 7)
            var expected = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
            if text.hasSuffix("\n") || text.isEmpty { expected.removeLast() }
            #expect(lines == expected.reversed(), "\(text.debugDescription) in chunks of \(chunk)")
            #expect(source.lineCount == expected.count)
            #expect(source.consumedBytes == text.utf8.count)
        }
    }

    @Test("a file that shrinks while read back: the bytes served before the damage count, then the error")
    func shrinks() throws {
        let dir = try TemporaryDirectory()
        let text = (1...200).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let path = try dir.write("shrinking", text)
        let source = try ReverseLinesByteSource(path: path, chunkSize: 64)
        var served: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 10)
        let first = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
        served += buffer[0..<first]
        #expect(truncate(path, 0) == 0)
        buffer = [UInt8](repeating: 0, count: 4096)
        var failure: (any Error)?
        while failure == nil {
            do {
                let n = try buffer.withUnsafeMutableBytes { try source.read(into: $0) }
                if n == 0 { break }
                served += buffer[0..<n]
            } catch {
                failure = error
            }
        }
        #expect(failure is InputError, "the end of the file is not reached: it shrank")
        // What was read back before it shrank is served, whole lines in order.
        let lines = String(decoding: served, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count > 2)
        #expect(lines.dropLast().enumerated().allSatisfy { $0.element == "line \(200 - $0.offset)" })
    }

    @Test("the line count split over the cores is the count of one pass, the last line's newline or not")
    func splitCount() throws {
        let dir = try TemporaryDirectory()
        var generator = SplitMix64(seed: 9)
        var texts = Self.texts
        // Newlines at stretch boundaries and none for long stretches, with and without a final one.
        for length in [1, 2, 5, 64, 1000, 4099] {
            var bytes = (0..<length).map { _ in generator.next() % 5 == 0 ? UInt8(0x0A) : UInt8(0x61) }
            texts.append(String(decoding: bytes, as: UTF8.self))
            bytes[bytes.count - 1] = 0x0A
            texts.append(String(decoding: bytes, as: UTF8.self))
        }
        for (k, text) in texts.enumerated() {
            let path = try dir.write("s\(k)", text)
            let one = try ReverseLinesByteSource(path: path, chunkSize: 16)
            let split = try ReverseLinesByteSource(path: path, chunkSize: 16, splitCountFrom: 0)
            var expected = text.split(separator: "\n", omittingEmptySubsequences: false).count
            if text.hasSuffix("\n") || text.isEmpty { expected -= 1 }
            #expect(one.lineCount == expected, "\(text.debugDescription)")
            #expect(split.lineCount == expected, "\(text.debugDescription), split")
            #expect(try collectLines(split, readSize: 5).lines == collectLines(one, readSize: 5).lines)
        }
    }

    @Test("a backward logcli file is replayed in time order, its diagnostics at their own lines")
    func logcliBackward() throws {
        let dir = try TemporaryDirectory()
        let lines = [
            #"{"labels":{"pod":"p"},"line":"{\"level\":\"info\",\"ts\":1795639523.0,\"msg\":\"Job completed successfully\",\"job_name\":\"a\",\"duration\":\"1s\"}","timestamp":"2026-11-25T20:45:23Z"}"#,
            #"{"labels":{"pod":"p"},"line":"broken","timestamp":"yesterday"}"#,
            #"{"labels":{"pod":"p"},"line":"{\"level\":\"info\",\"ts\":1795639522.0,\"msg\":\"Job started\",\"job_name\":\"a\",\"start_time\":\"2026-11-25T20:45:22Z\"}","timestamp":"2026-11-25T20:45:22Z"}"#,
        ]
        let path = try dir.write("export.jsonl", lines.joined(separator: "\n") + "\n")
        let (analysis, _) = analyze([path])
        #expect(analysis.replay.jobs.first?.successCount == 1)
        #expect(analysis.replay.jobs.first?.lastRunTime.nanoseconds == 1_795_639_522_000_000_000, "the start came first")
        #expect(analysis.input.files.first?.lines == 2)
        let fleet = analyzeFleet([path])
        #expect(fleet.input.diagnosticSamples.first?.location.line == 2)
        #expect(fleet.input.lines == 3)
    }
}
