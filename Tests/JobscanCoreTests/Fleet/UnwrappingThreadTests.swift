import Foundation
import Testing
@testable import JobscanCore

/// The envelope stage on a thread of its own (`EnvelopeWorker`, `UnwrappedBatch`) hands over
/// exactly what it hands over inline: the same lines, numbers, instances and diagnostics, in the
/// same order, batches full or not; and logcli's remembered labels give the key a fresh scan gives.
@Suite("Envelopes: unwrapping on a thread of its own")
struct UnwrappingThreadTests {
    /// Everything an envelope output is told, as text, instances by name.
    struct Recorder: EnvelopeOutput {
        var entries: [String] = []
        var names: [String] = []

        mutating func line(_ bytes: UnsafeRawBufferPointer, slot: Int, number: Int) {
            entries.append("line \(number) \(slot < names.count ? names[slot] : "#\(slot)") \(bytes.count) \(String(decoding: bytes, as: UTF8.self).hashValue)")
        }

        mutating func diagnostic(_ diagnostic: EventDiagnostic) {
            entries.append("diagnostic \(diagnostic.location.line) \(diagnostic.reason) \(diagnostic.detail)")
        }

        mutating func instance(named name: String) -> Int {
            if let slot = names.firstIndex(of: name) { return slot }
            names.append(name)
            return names.count - 1
        }
    }

    static func journaldEntry(host: String, message: String, partial: Bool = false) -> String {
        var fields: [String: Any] = ["__REALTIME_TIMESTAMP": "1795639522000000", "_HOSTNAME": host,
                                     "_SYSTEMD_UNIT": "icy-backend.service", "MESSAGE": message]
        if partial { fields["CONTAINER_PARTIAL_MESSAGE"] = "true" }
        let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// Three hosts, lines from a few bytes to 300 KiB (each over a batch), partials, broken records.
    static func journaldInput() -> [UInt8] {
        var generator = SplitMix64(seed: 4)
        var lines: [String] = []
        for k in 0..<3000 {
            let host = ["alpha", "beta", "gamma"][Int(generator.next() % 3)]
            let size = k % 997 == 0 ? 300 * 1024 : Int(generator.next() % 400)
            let message = #"{"level":"info","ts":1795639522.5,"msg":"Job started","job_name":"j\#(k % 7)","pad":""# + String(repeating: "x", count: size) + #""}"#
            switch generator.next() % 50 {
            case 0: lines.append(#"{"MESSAGE":"no end"#)
            case 1: lines.append(journaldEntry(host: host, message: "a piece, ", partial: true))
                    lines.append(journaldEntry(host: host, message: message))
            default: lines.append(journaldEntry(host: host, message: message))
            }
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    static func unwrap(_ input: [UInt8], shape: LogShape, threaded: Bool) throws -> (Recorder, LineReader.Counts, EnvelopeReader.Counts) {
        var recorder = Recorder()
        let reader = LineReader(maxLineBytes: 1 << 20, readSize: 64 * 1024, readAhead: threaded)
        var envelope = EnvelopeReader(shape: shape, fileName: "input", maxLineBytes: 1 << 20)
        envelope.logcliInOrder = true
        if threaded {
            let ending = EnvelopeWorker(source: MemoryByteSource(input), reader: reader, envelope: envelope, progress: nil)
                .drain(into: &recorder)
            #expect(ending.failure == nil)
            return (recorder, ending.lines, ending.envelope)
        }
        try reader.forEachLine(in: MemoryByteSource(input)) { line, number in envelope.take(line, number: number, &recorder) }
        envelope.finish(&recorder)
        return (recorder, reader.counts, envelope.counts)
    }

    @Test("journald through the worker: what the stage hands over inline, in order")
    func journald() throws {
        let input = Self.journaldInput()
        let (inline, inlineLines, inlineCounts) = try Self.unwrap(input, shape: .journald, threaded: false)
        let (threaded, threadedLines, threadedCounts) = try Self.unwrap(input, shape: .journald, threaded: true)
        #expect(inline.entries.count == 3000, "one line or diagnostic per entry, partials joined")
        #expect(inline.entries.contains { $0.hasPrefix("diagnostic") })
        #expect(inlineCounts.joinedRecords > 0)
        #expect(Set(inline.names) == ["alpha/icy-backend.service", "beta/icy-backend.service", "gamma/icy-backend.service"])
        let long = inline.entries.filter { $0.hasPrefix("line") && Int($0.split(separator: " ")[3])! > UnwrappedBatch.handOverBytes }
        #expect(long.count >= 3, "lines longer than a batch")
        #expect(threaded.names == inline.names)
        #expect(threaded.entries == inline.entries)
        #expect(threadedLines == inlineLines)
        #expect(threadedCounts == inlineCounts)
    }

    @Test("a one-instance shape through the worker keeps its one slot (Docker)")
    func docker() throws {
        let records = (0..<500).map { k in
            #"{"log":"{\"level\":\"info\",\"ts\":1795639522.\#(k),\"msg\":\"Job started\",\"job_name\":\"a\"}\n","stream":"stderr","time":"2026-11-25T20:45:22.\#(k)Z"}"#
        }
        let input = Array((records.joined(separator: "\n") + "\n").utf8)
        let (inline, _, _) = try Self.unwrap(input, shape: .docker, threaded: false)
        let (threaded, _, _) = try Self.unwrap(input, shape: .docker, threaded: true)
        #expect(inline.entries.count == 500)
        #expect(inline.entries.allSatisfy { $0.contains(" #0 ") })
        #expect(threaded.entries == inline.entries)
    }

    /// Records whose labels repeat, change by a byte, grow, repeat a key, escape, or are no object.
    static let logcliRecords = [
        #"{"labels":{"app":"icy","pod":"p-1"},"line":"one","timestamp":"2026-11-25T20:45:22Z"}"#,
        #"{"labels":{"app":"icy","pod":"p-1"},"line":"two","timestamp":"2026-11-25T20:45:23Z"}"#,
        #"{"labels":{"app":"icy","pod":"p-2"},"line":"three","timestamp":"2026-11-25T20:45:24Z"}"#,
        #"{"labels":{"app":"icy","pod":"p-2","container":"c"},"line":"four","timestamp":"2026-11-25T20:45:25Z"}"#,
        #"{"labels":{"app":"icy","pod":"p-2"},"labels":{"pod":"p-3"},"line":"five","timestamp":"2026-11-25T20:45:26Z"}"#,
        #"{"labels":{"pod":"p-3"},"labels":{"app":"icy","pod":"p-2"},"line":"six","timestamp":"2026-11-25T20:45:27Z"}"#,
        #"{"labels":{"pod":"p\u002d4"},"line":"seven","timestamp":"2026-11-25T20:45:28Z"}"#,
        #"{"labels":{"pod":"p\u002d4"},"line":"eight","timestamp":"2026-11-25T20:45:29Z"}"#,
        #"{"labels":"{\"pod\":\"p\u002d4\"}","line":"nine","timestamp":"2026-11-25T20:45:30Z"}"#,
        #"{"labels":{"pod":"p\u002d4"},"line":"ten","timestamp":"yesterday"}"#,
        #"{"labels":{"pod":"p\u002d4"},"line":"eleven","timestamp":"2026-11-25T20:45:31Z"}"#,
        #"{"labels":{"job":"x","host":"h"},"line":"twelve","timestamp":"2026-11-25T20:45:32Z"}"#,
        #"{"labels":{"a":"1","b":"2"},"line":"thirteen","timestamp":"2026-11-25T20:45:33Z"}"#,
        #"{"labels":{"a":"1","b":"2"},"line":"fourteen","timestamp":"2026-11-25T20:45:34Z"}"#,
        #"{"labels":{"a":"1","b":"2"}"#,
        #"{"labels":{"a":"1","b":"2"},"line":"sixteen","timestamp":"2026-11-25T20:45:35Z"}"#,
    ]

    @Test("logcli: remembered labels give the key, time and line of a fresh decode, record by record")
    func logcliMemo() {
        let memo = LogcliRecord.LabelsMemo()
        let line = ScratchBytes(), key = ScratchBytes()
        for record in Self.logcliRecords {
            func outcome(_ memo: LogcliRecord.LabelsMemo) -> String {
                Array(record.utf8).withUnsafeBytes { bytes in
                    do throws(EnvelopeError) {
                        let time = try LogcliRecord.decode(bytes, line: line, key: key, memo: memo)
                        return "\(time.nanoseconds) \(String(decoding: key.bytes, as: UTF8.self)) \(String(decoding: line.bytes, as: UTF8.self))"
                    } catch {
                        return "error \(error.detail)"
                    }
                }
            }
            #expect(outcome(memo) == outcome(LogcliRecord.LabelsMemo()), "\(record)")
        }
        let keys = Self.logcliRecords.map { record in
            Array(record.utf8).withUnsafeBytes { bytes in
                (try? LogcliRecord.decode(bytes, line: line, key: key, memo: memo)).map { _ in String(decoding: key.bytes, as: UTF8.self) }
            }
        }
        // A labels string names no instance; a bad timestamp or a cut record is no record.
        #expect(keys == ["p-1", "p-1", "p-2", "p-2/c", "p-3", "p-2", "p-4", "p-4", "", nil, "p-4", "h", "a=1,b=2", "a=1,b=2", nil, "a=1,b=2"])
    }
}
