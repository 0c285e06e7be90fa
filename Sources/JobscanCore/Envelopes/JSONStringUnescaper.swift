/// Decodes a JSON string in one pass from its opening quote to its closing one, appending the
/// bytes to a scratch buffer: the envelope stage's hot path for Docker's `log`, journald's
/// `MESSAGE` and logcli's `line`, where a zap line arrives with every quote escaped. Runs without
/// a quote or backslash are copied eight bytes at a time.
enum JSONStringUnescaper {
    /// Decodes the string whose opening quote is at `start`; returns the offset after its closing quote.
    static func decode(_ line: UnsafeRawBufferPointer, at start: Int, into out: ScratchBytes) throws(EnvelopeError) -> Int {
        guard let p = line.baseAddress, start < line.count, line[start] == UInt8(ascii: "\"") else {
            throw EnvelopeError(reason: .malformedEnvelope, detail: "expected a string")
        }
        let n = line.count
        // Decoded text is never longer than its escaped form; 8 more for the last word's store.
        out.reserve(n - start + 8)
        var dst = out.base + out.count
        var i = start + 1
        let quotes: UInt64 = 0x2222_2222_2222_2222, slashes: UInt64 = 0x5C5C_5C5C_5C5C_5C5C
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while true {
            while i + 8 <= n {
                let word = (p + i).loadUnaligned(as: UInt64.self)
                // Byte k at bits 8k, whatever the machine's order, for the flags below.
                let v = UInt64(littleEndian: word)
                let q = v ^ quotes, s = v ^ slashes
                let found = ((q &- ones) & ~q | (s &- ones) & ~s) & highs
                // The word is stored whole either way; only the bytes before the first quote or
                // backslash count (the lowest flag is exact: false ones only follow a true one).
                dst.storeBytes(of: word, as: UInt64.self)
                if found != 0 {
                    let k = found.trailingZeroBitCount >> 3
                    dst += k
                    i += k
                    break
                }
                dst += 8
                i += 8
            }
            guard i < n else { break }
            let c = p.load(fromByteOffset: i, as: UInt8.self)
            if c == UInt8(ascii: "\"") {
                out.count = out.base.distance(to: dst)
                return i + 1
            }
            if c != UInt8(ascii: "\\") {
                dst.storeBytes(of: c, as: UInt8.self)
                dst += 1
                i += 1
                continue
            }
            guard i + 1 < n else { break }
            let e = p.load(fromByteOffset: i + 1, as: UInt8.self)
            i += 2
            // `\"` first: a zap line inside JSON escapes every quote of its own.
            if e == 0x22 || e == 0x5C {
                dst.storeBytes(of: e, as: UInt8.self)
                dst += 1
                continue
            }
            let plain: UInt8
            switch e {
            case UInt8(ascii: "/"): plain = 0x2F
            case UInt8(ascii: "b"): plain = 0x08
            case UInt8(ascii: "f"): plain = 0x0C
            case UInt8(ascii: "n"): plain = 0x0A
            case UInt8(ascii: "r"): plain = 0x0D
            case UInt8(ascii: "t"): plain = 0x09
            case UInt8(ascii: "u"):
                // \uXXXX and surrogate pairs: rare; the general decoder does them, from here to the
                // end of the escape.
                var end = i + 4
                if end <= n, let unit = hex4(line, i), (0xD800...0xDBFF).contains(unit), end + 6 <= n,
                   line[end] == UInt8(ascii: "\\"), line[end + 1] == UInt8(ascii: "u") {
                    end += 6
                }
                guard end <= n else { throw .malformed(.docker, "a bad \\u escape") }
                var decoded: [UInt8] = []
                do throws(JSONStringDecoder.Failure) {
                    try JSONStringDecoder.unescape(UnsafeRawBufferPointer(rebasing: line[(i - 2)..<end]), appendingTo: &decoded)
                } catch {
                    throw EnvelopeError(reason: .malformedEnvelope, detail: error.reason)
                }
                for b in decoded {
                    dst.storeBytes(of: b, as: UInt8.self)
                    dst += 1
                }
                i = end
                continue
            default:
                throw EnvelopeError(reason: .malformedEnvelope, detail: "an unknown escape in a string")
            }
            dst.storeBytes(of: plain, as: UInt8.self)
            dst += 1
        }
        out.count = out.base.distance(to: dst)
        throw EnvelopeError(reason: .malformedEnvelope, detail: "a string without its closing quote")
    }

    private static func hex4(_ b: UnsafeRawBufferPointer, _ at: Int) -> UInt32? {
        guard at + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for k in at..<(at + 4) {
            let c = b[k]
            switch c {
            case 48...57: v = v << 4 | UInt32(c - 48)
            case 97...102: v = v << 4 | UInt32(c - 87)
            case 65...70: v = v << 4 | UInt32(c - 55)
            default: return nil
            }
        }
        return v
    }
}
