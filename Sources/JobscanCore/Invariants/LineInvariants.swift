/// The line reader and the event decoder on arbitrary bytes: the first two bytes choose the
/// chunk size and the line limit, so lines are split and cut anywhere.
enum LineInvariants {
    static func check(_ data: [UInt8]) -> String? {
        guard data.count >= 2 else { return nil }
        let body = Array(data.dropFirst(2))
        let reader = LineReader(maxLineBytes: 8 + Int(data[1]) * 4, readSize: 1 + Int(data[0]) * 3)
        var agreement = DecoderAgreement()
        var disagreement: String?
        var delivered = 0
        do {
            try reader.forEachLine(in: MemoryByteSource(body, chunk: 1 + Int(data[0]) % 97)) { line, number in
                delivered += 1
                if disagreement == nil { disagreement = agreement.check(line, lineNumber: number) }
            }
        } catch {
            return "a memory source cannot fail: \(error)"
        }
        if let disagreement { return disagreement }
        let counts = reader.counts
        guard counts.bytes == body.count else { return "bytes: \(counts.bytes) counted, \(body.count) read" }
        guard counts.lines == independentLineCount(body) else {
            return "lines: \(counts.lines) counted, \(independentLineCount(body)) in the input"
        }
        guard delivered + counts.overlongLines == counts.lines else {
            return "lines: \(delivered) delivered + \(counts.overlongLines) over-long != \(counts.lines)"
        }
        return nil
    }
}
