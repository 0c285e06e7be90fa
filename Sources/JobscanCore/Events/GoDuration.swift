/// Go's `time.Duration` text: exact parsing to Int64 nanoseconds and Go's own `String()` format.
public enum GoDuration {
    public static let nanosecond: Int64 = 1
    public static let microsecond: Int64 = 1_000
    public static let millisecond: Int64 = 1_000_000
    public static let second: Int64 = 1_000_000_000
    public static let minute: Int64 = 60 * second
    public static let hour: Int64 = 60 * minute

    /// Parses a Go duration string (`1.5s`, `2m3.004s`, `12.5µs`, `-1h`) exactly as `time.ParseDuration` does.
    public static func parse(_ text: String) throws(GoDurationError) -> Int64 {
        var text = text
        let result = text.withUTF8 { utf8 in
            Result { () throws(GoDurationError) in try parse(UnsafeRawBufferPointer(utf8)) }
        }
        return try result.get()
    }

    /// Parses the bytes of a Go duration string; the algorithm mirrors Go's `time.ParseDuration`,
    /// float rounding of fractions included, so results agree with Go to the nanosecond.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(GoDurationError) -> Int64 {
        let count = bytes.count
        var i = 0
        var negative = false
        if count > 0, bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            i = 1
        }
        if count - i == 1, bytes[i] == UInt8(ascii: "0") { return 0 }
        guard i < count else { throw .invalid(text(bytes)) }
        let limit: UInt64 = 1 << 63
        var total: UInt64 = 0
        while i < count {
            let c = bytes[i]
            guard c == UInt8(ascii: ".") || isDigit(c) else { throw .invalid(text(bytes)) }
            // Integer part.
            let intStart = i
            var value: UInt64 = 0
            while i < count, isDigit(bytes[i]) {
                guard value <= (limit - 1) / 10 else { throw .overflow(text(bytes)) }
                value = value * 10 + UInt64(bytes[i] - 48)
                guard value <= limit else { throw .overflow(text(bytes)) }
                i += 1
            }
            let hasInteger = i != intStart
            // Fraction part: digits past Int64 precision are dropped, as Go does.
            var fraction: UInt64 = 0
            var scale = 1.0
            var hasFraction = false
            if i < count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                let fracStart = i
                var overflowed = false
                while i < count, isDigit(bytes[i]) {
                    defer { i += 1 }
                    if overflowed { continue }
                    if fraction > (limit - 1) / 10 { overflowed = true; continue }
                    let next = fraction * 10 + UInt64(bytes[i] - 48)
                    if next > limit { overflowed = true; continue }
                    fraction = next
                    scale *= 10
                }
                hasFraction = i != fracStart
            }
            guard hasInteger || hasFraction else { throw .invalid(text(bytes)) }
            // Unit: everything up to the next digit or dot.
            let unitStart = i
            while i < count, bytes[i] != UInt8(ascii: "."), !isDigit(bytes[i]) { i += 1 }
            guard i > unitStart else { throw .missingUnit(text(bytes)) }
            guard let unit = unitNanoseconds(UnsafeRawBufferPointer(rebasing: bytes[unitStart..<i])) else {
                throw .unknownUnit(text(UnsafeRawBufferPointer(rebasing: bytes[unitStart..<i])), text(bytes))
            }
            guard value <= limit / unit else { throw .overflow(text(bytes)) }
            value *= unit
            if fraction > 0 {
                value += UInt64(Double(fraction) * (Double(unit) / scale))
                guard value <= limit else { throw .overflow(text(bytes)) }
            }
            guard value <= limit - total else { throw .overflow(text(bytes)) }
            total += value
        }
        if negative { return total == limit ? Int64.min : -Int64(total) }
        guard total <= limit - 1 else { throw .overflow(text(bytes)) }
        return Int64(total)
    }

    /// Formats nanoseconds the way Go's `Duration.String()` does (`1h2m3.5s`, `1.5ms`, `12µs`, `0s`).
    public static func format(_ nanoseconds: Int64) -> String {
        var u = nanoseconds.magnitude
        var out: [UInt8] = []
        out.reserveCapacity(24)
        if u < UInt64(second) {
            if u == 0 { return "0s" }
            let precision: Int
            let suffix: [UInt8]
            if u < UInt64(microsecond) {
                precision = 0; suffix = Array("ns".utf8)
            } else if u < UInt64(millisecond) {
                precision = 3; suffix = Array("µs".utf8)
            } else {
                precision = 6; suffix = Array("ms".utf8)
            }
            let frac = fractionDigits(&u, precision: precision)
            out += String(u).utf8
            out += frac
            out += suffix
        } else {
            let frac = fractionDigits(&u, precision: 9)
            let seconds = u % 60
            u /= 60
            if u > 0 {
                let minutes = u % 60
                u /= 60
                if u > 0 { out += String(u).utf8; out.append(UInt8(ascii: "h")) }
                out += String(minutes).utf8
                out.append(UInt8(ascii: "m"))
            }
            out += String(seconds).utf8
            out += frac
            out.append(UInt8(ascii: "s"))
        }
        if nanoseconds < 0 { out.insert(UInt8(ascii: "-"), at: 0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Seconds as a Double, for reports that want seconds (JSON, Prometheus).
    public static func seconds(_ nanoseconds: Int64) -> Double {
        Double(nanoseconds) / 1e9
    }

    /// The `.ddd` tail of `value / 10^precision` without trailing zeros; divides `value` by 10^precision.
    private static func fractionDigits(_ value: inout UInt64, precision: Int) -> [UInt8] {
        var digits: [UInt8] = []
        var printing = false
        for _ in 0..<precision {
            let digit = UInt8(value % 10)
            printing = printing || digit != 0
            if printing { digits.append(digit + 48) }
            value /= 10
        }
        guard printing else { return [] }
        digits.append(UInt8(ascii: "."))
        return digits.reversed()
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    private static func unitNanoseconds(_ unit: UnsafeRawBufferPointer) -> UInt64? {
        switch unit.count {
        case 1:
            switch unit[0] {
            case UInt8(ascii: "s"): return 1_000_000_000
            case UInt8(ascii: "m"): return 60_000_000_000
            case UInt8(ascii: "h"): return 3_600_000_000_000
            default: return nil
            }
        case 2:
            switch (unit[0], unit[1]) {
            case (UInt8(ascii: "n"), UInt8(ascii: "s")): return 1
            case (UInt8(ascii: "u"), UInt8(ascii: "s")): return 1_000
            case (UInt8(ascii: "m"), UInt8(ascii: "s")): return 1_000_000
            default: return nil
            }
        case 3:
            // µs as U+00B5 (micro sign) or U+03BC (Greek mu), both accepted by Go.
            guard unit[2] == UInt8(ascii: "s") else { return nil }
            if (unit[0] == 0xC2 && unit[1] == 0xB5) || (unit[0] == 0xCE && unit[1] == 0xBC) { return 1_000 }
            return nil
        default:
            return nil
        }
    }

    private static func text(_ bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}

/// Why a Go duration string was rejected; each case carries the offending text.
public enum GoDurationError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid(String)
    case missingUnit(String)
    case unknownUnit(String, String)
    case overflow(String)

    public var description: String {
        switch self {
        case .invalid(let s): return "invalid duration \"\(s)\""
        case .missingUnit(let s): return "missing unit in duration \"\(s)\""
        case .unknownUnit(let u, let s): return "unknown unit \"\(u)\" in duration \"\(s)\""
        case .overflow(let s): return "duration \"\(s)\" overflows Int64 nanoseconds"
        }
    }
}
