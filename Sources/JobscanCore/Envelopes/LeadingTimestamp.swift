/// The RFC 3339 time and space that `kubectl logs --timestamps` writes before each record, and
/// the same stamps kubelet puts inside a long line where it was split into partial records.
enum LeadingTimestamp {
    /// The time at the start of `line` and where the content starts after its space.
    static func split(_ line: UnsafeRawBufferPointer) -> (time: Instant, content: Int)? {
        // `2026-11-25T20:45:21Z ` is the shortest: 21 bytes.
        guard line.count >= 21, line[4] == UInt8(ascii: "-"), line[10] == UInt8(ascii: "T") else { return nil }
        var end = 19
        let limit = min(line.count, 40)
        while end < limit, line[end] != 0x20, line[end] != 0x09 { end += 1 }
        guard end < line.count, line[end] == 0x20,
              let time = TimeText.parseRFC3339(UnsafeRawBufferPointer(rebasing: line[0..<end]))
        else { return nil }
        return (time, end + 1)
    }

    /// Where the content starts after the leading time and its space; kubelet's own layout is
    /// recognised without parsing it (the hot path), any other RFC 3339 time is parsed.
    @inline(__always)
    static func contentStart(_ line: UnsafeRawBufferPointer) -> Int? {
        if let length = kubeletStamp(in: line, at: 0) { return length }
        return split(line)?.content
    }

    /// kubelet's stamp layout, `2006-01-02T15:04:05.000000000Z07:00` and a space: 31 bytes in UTC,
    /// 36 with an offset. Returns the stamp's length at `at`, or nil.
    static func kubeletStamp(in b: UnsafeRawBufferPointer, at i: Int) -> Int? {
        guard i + 31 <= b.count else { return nil }
        func digits(_ from: Int, _ n: Int) -> Bool {
            for k in from..<(from + n) where !(b[i + k] >= 48 && b[i + k] <= 57) { return false }
            return true
        }
        guard digits(0, 4), b[i + 4] == 0x2D, digits(5, 2), b[i + 7] == 0x2D, digits(8, 2), b[i + 10] == 0x54,
              digits(11, 2), b[i + 13] == 0x3A, digits(14, 2), b[i + 16] == 0x3A, digits(17, 2), b[i + 19] == 0x2E,
              digits(20, 9)
        else { return nil }
        if b[i + 29] == UInt8(ascii: "Z") { return b[i + 30] == 0x20 ? 31 : nil }
        guard i + 36 <= b.count, b[i + 29] == 0x2B || b[i + 29] == 0x2D, digits(30, 2), b[i + 32] == 0x3A, digits(33, 2),
              b[i + 35] == 0x20
        else { return nil }
        return 36
    }

    /// Lines shorter than this were not split by kubelet (CRI-O splits at 8 KiB, containerd at 16 KiB).
    static let splitThreshold = 8 * 1024

    /// Copies `content` into `out` without the kubelet stamps inside it, which kubectl writes
    /// where a long line was split into partial records. Only called for lines over the threshold.
    static func appendWithoutInnerStamps(_ content: UnsafeRawBufferPointer, to out: ScratchBytes) {
        var start = 0
        var i = 0
        let n = content.count
        while i + 31 <= n {
            // A stamp starts with the year's digit; the cheap test first.
            if content[i] >= 48, content[i] <= 57, i + 10 < n, content[i + 10] == 0x54, let length = kubeletStamp(in: content, at: i) {
                out.append(UnsafeRawBufferPointer(rebasing: content[start..<i]))
                i += length
                start = i
                continue
            }
            i += 1
        }
        out.append(UnsafeRawBufferPointer(rebasing: content[start..<n]))
    }
}
