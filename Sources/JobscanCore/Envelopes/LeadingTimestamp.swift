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
        guard i + 31 <= b.count, let base = b.baseAddress else { return nil }
        func digits(_ from: Int, _ n: Int) -> Bool {
            for k in from..<(from + n) where !(b[i + k] >= 48 && b[i + k] <= 57) { return false }
            return true
        }
        // `2006-01-02T15:04:05.000000000`, eight bytes at a time (little-endian words: byte k at bits 8k).
        let p = base + i
        guard word(p, 0, digits: 0x00FF_FF00_FFFF_FFFF, fixedMask: 0xFF00_00FF_0000_0000, fixed: 0x2D00_002D_0000_0000),  // dddd-dd-
              word(p, 8, digits: 0xFFFF_00FF_FF00_FFFF, fixedMask: 0x0000_FF00_00FF_0000, fixed: 0x0000_3A00_0054_0000),  // ddTdd:dd
              word(p, 16, digits: 0xFFFF_FFFF_00FF_FF00, fixedMask: 0x0000_0000_FF00_00FF, fixed: 0x0000_0000_2E00_003A), // :dd.dddd
              word(p, 21, digits: ~0, fixedMask: 0, fixed: 0)                                                             // dddddddd
        else { return nil }
        if b[i + 29] == UInt8(ascii: "Z") { return b[i + 30] == 0x20 ? 31 : nil }
        guard i + 36 <= b.count, b[i + 29] == 0x2B || b[i + 29] == 0x2D, digits(30, 2), b[i + 32] == 0x3A, digits(33, 2),
              b[i + 35] == 0x20
        else { return nil }
        return 36
    }

    /// Whether the eight bytes at `offset` hold the `fixed` bytes where `fixedMask` has them and an
    /// ASCII digit where `digits` has 0xFF: a digit's low nibble after `^ 0x30` is below 10, so
    /// adding 6 keeps its high nibble clear (no carry crosses a byte: every byte is at most 0x0F).
    @inline(__always)
    private static func word(_ p: UnsafeRawPointer, _ offset: Int, digits: UInt64, fixedMask: UInt64, fixed: UInt64) -> Bool {
        let w = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        guard w & fixedMask == fixed else { return false }
        let highs: UInt64 = 0xF0F0_F0F0_F0F0_F0F0
        let t = (w ^ 0x3030_3030_3030_3030) & digits
        return t & highs == 0 && (t &+ (0x0606_0606_0606_0606 & digits)) & highs == 0
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
