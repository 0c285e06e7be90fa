#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes the escaped content of a JSON string (between the quotes) into a Swift String.
enum JSONStringDecoder {
    /// Why the content is not a valid JSON string; `offset` is relative to the content's start.
    struct Failure: Error {
        var offset: Int
        var reason: String
    }

    /// Decodes `\" \\ \/ \b \f \n \r \t \uXXXX` (surrogate pairs joined, lone surrogates as U+FFFD,
    /// as Go does); invalid UTF-8 bytes become U+FFFD.
    static func decode(_ content: UnsafeRawBufferPointer, hasEscapes: Bool) throws(Failure) -> String {
        guard hasEscapes else { return String(decoding: content, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(content.count)
        try unescape(content, appendingTo: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the decoded bytes of `content` to `out`, without making a String: the envelope stage
    /// decodes every Docker, journald and Loki record this way into a buffer it reuses.
    /// Runs without a backslash are copied whole.
    static func unescape(_ content: UnsafeRawBufferPointer, appendingTo out: inout [UInt8]) throws(Failure) {
        var i = 0
        let n = content.count
        guard let base = content.baseAddress else { return }
        while i < n {
            let run: Int
            if let hit = memchr(base + i, 0x5C, n - i) {
                run = base.distance(to: UnsafeRawPointer(hit)) - i
            } else {
                run = n - i
            }
            if run > 0 {
                out.append(contentsOf: UnsafeRawBufferPointer(start: base + i, count: run))
                i += run
                if i == n { return }
            }
            guard i + 1 < n else { throw Failure(offset: i, reason: "a lone backslash") }
            let e = content[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard let unit = hex4(content, i) else { throw Failure(offset: i - 2, reason: "a bad \\u escape") }
                i += 4
                var scalar: UInt32 = unit
                if (0xD800...0xDBFF).contains(unit) {
                    // A high surrogate joins with a following \uDC00-\uDFFF; alone it is U+FFFD.
                    if i + 6 <= n, content[i] == UInt8(ascii: "\\"), content[i + 1] == UInt8(ascii: "u"),
                       let low = hex4(content, i + 2), (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    } else {
                        scalar = 0xFFFD
                    }
                } else if (0xDC00...0xDFFF).contains(unit) {
                    scalar = 0xFFFD
                }
                if scalar < 0x80 {
                    out.append(UInt8(scalar))
                } else {
                    appendUTF8(Unicode.Scalar(scalar) ?? "\u{FFFD}", to: &out)
                }
            default:
                throw Failure(offset: i - 2, reason: "an unknown escape '\\\(Character(Unicode.Scalar(e)))'")
            }
        }
    }

    private static func hex4(_ b: UnsafeRawBufferPointer, _ at: Int) -> UInt32? {
        guard at + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for k in at..<(at + 4) {
            let c = b[k]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - 55)
            default: return nil
            }
            v = v << 4 | d
        }
        return v
    }

    private static func appendUTF8(_ s: Unicode.Scalar, to out: inout [UInt8]) {
        UTF8.encode(s) { out.append($0) }
    }
}
