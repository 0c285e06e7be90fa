#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A raw JSON value located in a line: where it is and what kind it is, undecoded.
struct RawJSONValue {
    enum Kind { case string, number, literal, object, array }
    var kind: Kind
    /// Byte range of the value; for strings, the content between the quotes (still escaped).
    var start: Int
    var end: Int
    /// For strings: whether the content holds a backslash and needs decoding.
    var hasEscapes: Bool
}

/// Why a JSON object could not be scanned; the offset is the byte in the line where it went wrong.
struct JSONSyntaxError: Error {
    var offset: Int
    var expected: String
}

/// Walks the top-level members of one JSON object in place, without allocating: keys and values are
/// reported as byte ranges, nested objects and arrays are skipped as a whole.
struct JSONObjectScanner {
    let bytes: UnsafeRawBufferPointer
    private(set) var position: Int
    private var first = true

    /// Starts at `offset`, which must point at (or before whitespace before) the opening brace.
    init(_ bytes: UnsafeRawBufferPointer, at offset: Int = 0) throws(JSONSyntaxError) {
        self.bytes = bytes
        self.position = offset
        skipSpace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else {
            throw JSONSyntaxError(offset: position, expected: "'{'")
        }
        position += 1
    }

    /// The next member, or nil after the closing brace.
    mutating func next() throws(JSONSyntaxError) -> (key: RawJSONValue, value: RawJSONValue)? {
        guard let key = try nextKey() else { return nil }
        let value = try scanValue()
        return (key, value)
    }

    /// The next member's key, leaving the position at its value (which the caller must then
    /// take with `value()` or read itself and pass the end to `resume(at:)`); nil after the brace.
    mutating func nextKey() throws(JSONSyntaxError) -> RawJSONValue? {
        skipSpace()
        guard position < bytes.count else { throw JSONSyntaxError(offset: position, expected: "'}' or a member") }
        if bytes[position] == UInt8(ascii: "}") {
            position += 1
            return nil
        }
        if !first {
            guard bytes[position] == UInt8(ascii: ",") else { throw JSONSyntaxError(offset: position, expected: "',' or '}'") }
            position += 1
            skipSpace()
        }
        first = false
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
            throw JSONSyntaxError(offset: position, expected: "a quoted key")
        }
        let key = try scanString()
        skipSpace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
            throw JSONSyntaxError(offset: position, expected: "':'")
        }
        position += 1
        skipSpace()
        return key
    }

    /// The value at the position (after `nextKey()`).
    mutating func value() throws(JSONSyntaxError) -> RawJSONValue {
        try scanValue()
    }

    /// Goes on after a value the caller read itself, ending before `offset`.
    mutating func resume(at offset: Int) {
        position = offset
    }

    /// Whether the value at the position is a string (after `nextKey()`).
    var atString: Bool { position < bytes.count && bytes[position] == UInt8(ascii: "\"") }

    private mutating func skipSpace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func scanValue() throws(JSONSyntaxError) -> RawJSONValue {
        guard position < bytes.count else { throw JSONSyntaxError(offset: position, expected: "a value") }
        switch bytes[position] {
        case UInt8(ascii: "\""):
            return try scanString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let isObject = bytes[position] == UInt8(ascii: "{")
            let start = position
            try skipNested()
            return RawJSONValue(kind: isObject ? .object : .array, start: start, end: position, hasEscapes: false)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = position
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
                     UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
                    position += 1
                default:
                    return RawJSONValue(kind: .number, start: start, end: position, hasEscapes: false)
                }
            }
            return RawJSONValue(kind: .number, start: start, end: position, hasEscapes: false)
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            let start = position
            while position < bytes.count, bytes[position] >= UInt8(ascii: "a"), bytes[position] <= UInt8(ascii: "z") {
                position += 1
            }
            let word = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
            guard word.elementsEqual("true".utf8) || word.elementsEqual("false".utf8) || word.elementsEqual("null".utf8) else {
                throw JSONSyntaxError(offset: start, expected: "true, false or null")
            }
            return RawJSONValue(kind: .literal, start: start, end: position, hasEscapes: false)
        default:
            throw JSONSyntaxError(offset: position, expected: "a value")
        }
    }

    /// Scans a string starting at its opening quote; leaves `position` after the closing quote.
    /// Most strings are short (keys, levels, envelope fields): their first bytes are searched
    /// eight at a time for a quote or backslash, in one pass and without a call. A longer string
    /// goes on with `memchr` for each quote, one preceded by an odd run of backslashes being escaped.
    private mutating func scanString() throws(JSONSyntaxError) -> RawJSONValue {
        let start = position + 1
        let base = bytes.baseAddress!
        let n = bytes.count
        let quotes: UInt64 = 0x2222_2222_2222_2222, slashes: UInt64 = 0x5C5C_5C5C_5C5C_5C5C
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var i = start
        var escapes = false
        let shortEnd = min(n, start + 64)
        while i < shortEnd {
            if i + 8 <= n {
                let v = UInt64(littleEndian: (base + i).loadUnaligned(as: UInt64.self))
                let q = v ^ quotes, s = v ^ slashes
                // Byte k at bits 8k: the lowest flag is exact (false ones only follow a true one).
                let found = ((q &- ones) & ~q | (s &- ones) & ~s) & highs
                if found == 0 {
                    i += 8
                    continue
                }
                i += found.trailingZeroBitCount >> 3
            }
            let c = base.load(fromByteOffset: i, as: UInt8.self)
            if c == 0x22 {
                position = i + 1
                return RawJSONValue(kind: .string, start: start, end: i, hasEscapes: escapes)
            }
            if c == 0x5C {
                escapes = true
                i += 2
            } else {
                i += 1
            }
        }
        // A long string: from `i`, which is outside any escape.
        var from = i
        while from < n, let hit = memchr(base + from, 0x22, n - from) {
            let quote = base.distance(to: UnsafeRawPointer(hit))
            var backslashes = 0
            while quote - backslashes - 1 >= from, bytes[quote - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
            if backslashes % 2 == 0 {
                position = quote + 1
                if !escapes { escapes = memchr(base + i, 0x5C, quote - i) != nil }
                return RawJSONValue(kind: .string, start: start, end: quote, hasEscapes: escapes)
            }
            from = quote + 1
        }
        throw JSONSyntaxError(offset: n, expected: "a closing '\"'")
    }

    /// Skips a nested object or array, strings inside included.
    private mutating func skipNested() throws(JSONSyntaxError) {
        var depth = 0
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                position += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                position += 1
                if depth == 0 { return }
            case UInt8(ascii: "\""):
                _ = try scanString()
            default:
                position += 1
            }
        }
        throw JSONSyntaxError(offset: position, expected: "the end of a nested value")
    }
}
