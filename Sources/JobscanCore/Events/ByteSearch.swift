#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds a short byte string in a buffer: `memchr` (vectorised in libc) for an anchor byte of
/// the needle, then a compare around each hit. The anchor is a byte that is rare in log lines
/// (`m` of `"msg":"`, `t` of `"ts":`), so hits are few.
struct ByteSearch {
    let needle: [UInt8]
    let anchor: Int

    init(_ text: String, anchor: Int) {
        needle = Array(text.utf8)
        self.anchor = anchor
    }

    /// The offset of the first occurrence of the needle in `buffer`, or nil.
    func firstIndex(in buffer: UnsafeRawBufferPointer) -> Int? {
        guard buffer.count >= needle.count, let base = buffer.baseAddress else { return nil }
        let anchorByte = Int32(needle[anchor])
        var from = anchor
        let lastStart = buffer.count - needle.count
        while from < buffer.count {
            guard let hit = memchr(base + from, anchorByte, buffer.count - from) else { return nil }
            let start = base.distance(to: UnsafeRawPointer(hit)) - anchor
            if start > lastStart { return nil }
            if needle.withUnsafeBytes({ memcmp(base + start, $0.baseAddress!, needle.count) == 0 }) { return start }
            from = start + anchor + 1
        }
        return nil
    }

    /// Whether `byte` occurs in `buffer`.
    static func contains(_ byte: UInt8, in buffer: UnsafeRawBufferPointer) -> Bool {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return false }
        return memchr(base, Int32(byte), buffer.count) != nil
    }

    /// Whether `bytes` spell exactly `text`.
    @inline(__always)
    static func equals(_ bytes: UnsafeRawBufferPointer, _ text: StaticString) -> Bool {
        bytes.count == text.utf8CodeUnitCount && (bytes.count == 0 || same(bytes.baseAddress!, text.utf8Start, count: bytes.count))
    }

    /// Whether the `count` bytes at `a` and `b` are equal. Inline, eight bytes at a time: the
    /// strings compared per line (JSON keys, instance keys) are short, where a call to `memcmp` costs more than the compare.
    @inline(__always)
    static func same(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, count n: Int) -> Bool {
        guard n >= 8 else {
            var i = 0
            while i < n {
                if a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
                i += 1
            }
            return true
        }
        var i = 0
        while i + 8 <= n {
            if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        // The last word, overlapping the one before when the count is no multiple of eight.
        return a.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
    }

    /// Whether `needle` occurs in `haystack` (both UTF-8); for short texts such as error messages.
    static func contains(_ needle: StaticString, in haystack: UnsafeRawBufferPointer) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard n > 0, haystack.count >= n, let base = haystack.baseAddress else { return n == 0 }
        for start in 0...(haystack.count - n) where memcmp(base + start, needle.utf8Start, n) == 0 {
            return true
        }
        return false
    }
}
