#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One record of a Kubernetes CRI log file: `TIMESTAMP STREAM TAG CONTENT`, STREAM `stdout` or
/// `stderr`, TAG `F` (full) or `P` (partial: the line goes on in the next record of that stream).
struct CRIRecord {
    var timeText: Range<Int>
    var stream: UInt8
    var partial: Bool
    var content: Range<Int>

    /// The parts of `line`, or nil when it is not a CRI record.
    static func parse(_ line: UnsafeRawBufferPointer) -> CRIRecord? {
        guard line.count >= 30, let base = line.baseAddress,
              let hit = memchr(base, 0x20, min(line.count, 40)) else { return nil }
        let space = base.distance(to: UnsafeRawPointer(hit))
        guard space >= 20, line[4] == UInt8(ascii: "-"), line[10] == UInt8(ascii: "T") else { return nil }
        let s = space + 1
        guard s + 8 <= line.count, line[s + 6] == 0x20 else { return nil }
        let stream: UInt8
        if ByteSearch.equals(UnsafeRawBufferPointer(rebasing: line[s..<(s + 6)]), "stdout") {
            stream = 1
        } else if ByteSearch.equals(UnsafeRawBufferPointer(rebasing: line[s..<(s + 6)]), "stderr") {
            stream = 2
        } else {
            return nil
        }
        let tag = line[s + 7]
        guard tag == UInt8(ascii: "F") || tag == UInt8(ascii: "P") else { return nil }
        let contentStart: Int
        if s + 8 == line.count {
            contentStart = line.count
        } else {
            guard line[s + 8] == 0x20 else { return nil }
            contentStart = s + 9
        }
        return CRIRecord(timeText: 0..<space, stream: stream, partial: tag == UInt8(ascii: "P"),
                         content: contentStart..<line.count)
    }

    func time(in line: UnsafeRawBufferPointer) -> Instant? {
        TimeText.parseRFC3339(UnsafeRawBufferPointer(rebasing: line[timeText]))
    }
}
