import Foundation
import Testing
@testable import JobscanCore

/// Lines counted exactly at the edges: damage inside an over-long line, a byte order mark.
@Suite("Hardening: line counts")
struct LineCountTests {
    @Test("damage that cuts an over-long line still counts it", arguments: [false, true])
    func damageInOverlongLine(readAhead: Bool) throws {
        let bytes = Array("short\n".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 5000)
        let failure = InputError.truncatedGzip(path: "t.gz", offset: 99)
        let source = MemorySource(bytes, chunk: 700, failingAtEndWith: failure)
        let reader = LineReader(maxLineBytes: 100, readSize: 1024, readAhead: readAhead)
        var delivered: [Int] = []
        #expect(throws: InputError.self) {
            try reader.forEachLine(in: source) { _, number in delivered.append(number) }
        }
        #expect(delivered == [1])
        #expect(reader.counts.lines == 2)
        #expect(reader.counts.overlongLines == 1)
    }

    @Test("a UTF-8 byte order mark before the first line is skipped: the first event counts")
    func byteOrderMark() throws {
        let line = ZapLog.started("btc_transaction_indexing", ts: "1795639521")
        let dir = try TemporaryDirectory()
        let path = try dir.write("bom.log", [0xEF, 0xBB, 0xBF] + Array((line + "\n" + line + "\n").utf8))
        let (analysis, _) = analyze([path])
        #expect(analysis.input.eventCount == 2)
        #expect(analysis.input.foreignLines == 0)
        #expect(analysis.input.bytes == 3 + 2 * (line.utf8.count + 1))
        // Only before the first line: elsewhere the bytes are the line's own.
        let later = try dir.write("later.log", Array((line + "\n").utf8) + [0xEF, 0xBB, 0xBF] + Array((line + "\n").utf8))
        #expect(analyze([later]).0.input.eventCount == 1)
    }
}
