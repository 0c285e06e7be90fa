import Testing
@testable import JobscanCore

@Suite("Lines: splitting a stream into lines")
struct LineReaderTests {
    static let text = Array("first line\nsecond\r\n\nfourth {\"msg\":\"x\"}\nlast without newline".utf8)
    static let expected = ["first line", "second", "", "fourth {\"msg\":\"x\"}", "last without newline"]

    @Test("a line split at every byte position of a read reads the same, read ahead or not", arguments: [false, true])
    func splitAtEveryPosition(readAhead: Bool) throws {
        for size in 1...Self.text.count {
            for perRead in [1, 3, Int.max] {
                let result = try collectLines(MemorySource(Self.text, chunk: perRead), readSize: size, readAhead: readAhead)
                #expect(result.lines.map { String(decoding: $0, as: UTF8.self) } == Self.expected, "chunk \(size), per read \(perRead)")
                #expect(result.numbers == [1, 2, 3, 4, 5])
                #expect(result.counts.bytes == Self.text.count)
            }
        }
    }

    @Test("CRLF endings lose the CR; a lone CR inside a line stays")
    func crlf() throws {
        let result = try collectLines(MemorySource(Array("a\r\nb\rc\r\n".utf8)))
        #expect(result.lines == [Array("a".utf8), Array("b\rc".utf8)])
    }

    @Test("a line over the limit is skipped and counted, never buffered whole")
    func overlong() throws {
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 10_000)
        let bytes = Array("short\n".utf8) + long + Array("\nafter\n".utf8) + long
        for size in [1, 13, 64, 4096, 1 << 20] {
            let result = try collectLines(MemorySource(bytes, chunk: 7), maxLineBytes: 100, readSize: size, readAhead: size == 64)
            #expect(result.lines == [Array("short".utf8), Array("after".utf8)], "chunk \(size)")
            #expect(result.numbers == [1, 3])
            #expect(result.counts.overlongLines == 2)
            #expect(result.counts.firstOverlongLine == 2)
            #expect(result.counts.lines == 4)
        }
    }

    @Test("a line exactly at the limit is kept, CR excluded from the length")
    func atTheLimit() throws {
        let line = [UInt8](repeating: UInt8(ascii: "y"), count: 50)
        let result = try collectLines(MemorySource(line + [13, 10] + line + [10]), maxLineBytes: 50, readSize: 16, readAhead: true)
        #expect(result.lines == [line, line])
        #expect(result.counts.overlongLines == 0)
    }

    @Test("an empty input has no lines")
    func empty() throws {
        let result = try collectLines(MemorySource([]))
        #expect(result.lines.isEmpty)
        #expect(result.counts.lines == 0)
    }

    @Test("NUL bytes and invalid UTF-8 pass through untouched")
    func binary() throws {
        let junk: [UInt8] = [0, 0xFF, 0xFE, 0xC3, 0x28, 10, 0x80, 0]
        let result = try collectLines(MemorySource(junk, chunk: 3))
        #expect(result.lines == [[0, 0xFF, 0xFE, 0xC3, 0x28], [0x80, 0]])
    }

    @Test("when the source fails, the lines before the damage are delivered first")
    func failureAfterData() {
        let failure = InputError.truncatedGzip(path: "x.gz", offset: 9)
        var seen: [String] = []
        let reader = LineReader(readSize: 5, readAhead: true)
        #expect(throws: failure) {
            try reader.forEachLine(in: MemorySource(Array("one\ntwo\npartial".utf8), chunk: 5, failingAtEndWith: failure)) { line, _ in
                seen.append(String(decoding: line, as: UTF8.self))
            }
        }
        #expect(seen == ["one", "two", "partial"])
    }
}
