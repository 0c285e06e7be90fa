/// Go duration literals (`30s`, `2m3.004s`, `12.5µs`) read and written in exact integer nanoseconds.
///
/// Go's own `time.ParseDuration` computes fractions in floating point; this one
/// multiplies the fraction's decimal digits exactly and truncates toward zero, so
/// `0.1234567899s` is 123456789 ns on every platform.
public enum CheckDurationLiteral {
    /// Units in Go's spelling with their length in nanoseconds. Both micro signs
    /// (U+00B5 and U+03BC) are accepted, as Go does.
    public static let units: [(name: String, nanoseconds: UInt64)] = [
        ("ns", 1),
        ("us", 1_000),
        ("\u{00B5}s", 1_000),
        ("\u{03BC}s", 1_000),
        ("ms", 1_000_000),
        ("s", 1_000_000_000),
        ("m", 60_000_000_000),
        ("h", 3_600_000_000_000),
    ]

    /// The nanoseconds of a literal `-? (digits ("." digits)? unit)+`, or nil when the
    /// text is not one or its value does not fit in an Int64.
    public static func parse(_ text: String) -> Int64? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var negative = false
        if index < scalars.count, scalars[index] == "-" {
            negative = true
            index += 1
        }
        let limit: UInt64 = 1 << 63  // |Int64.min|
        var total: UInt64 = 0
        var components = 0
        while index < scalars.count {
            // Integer part.
            var whole: UInt64 = 0
            let wholeStart = index
            while index < scalars.count, let digit = digitValue(scalars[index]) {
                let (times10, overflow1) = whole.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
                guard !overflow1, !overflow2, sum <= limit else { return nil }
                whole = sum
                index += 1
            }
            guard index > wholeStart else { return nil }
            // Fraction digits, kept as text so that none is lost.
            var fraction: [UInt8] = []
            if index < scalars.count, scalars[index] == "." {
                index += 1
                while index < scalars.count, let digit = digitValue(scalars[index]) {
                    fraction.append(digit)
                    index += 1
                }
                guard !fraction.isEmpty else { return nil }
            }
            // Unit: like Go, the whole run up to the next digit or '.'.
            let unitStart = index
            while index < scalars.count, digitValue(scalars[index]) == nil, scalars[index] != "." {
                index += 1
            }
            let unitText = String(String.UnicodeScalarView(scalars[unitStart..<index]))
            guard let unit = unitNanoseconds(unitText) else { return nil }
            let (wholeNanos, overflow3) = whole.multipliedReportingOverflow(by: unit)
            guard !overflow3 else { return nil }
            let (component, overflow4) = wholeNanos.addingReportingOverflow(
                fractionNanoseconds(fraction, unit: unit))
            let (sum, overflow5) = total.addingReportingOverflow(component)
            guard !overflow4, !overflow5, sum <= limit else { return nil }
            total = sum
            components += 1
        }
        guard components > 0 else { return nil }
        if negative {
            return total == limit ? Int64.min : -Int64(total)
        }
        return total == limit ? nil : Int64(total)
    }

    /// The nanoseconds of `unit` ("ms", "µs", …), or nil.
    public static func unitNanoseconds(_ unit: String) -> UInt64? {
        units.first { $0.name == unit }?.nanoseconds
    }

    /// Go's `time.Duration.String()`: `1h2m3.5s`, `350ms`, `12.5µs`, `0s`.
    public static func format(_ nanoseconds: Int64) -> String {
        let negative = nanoseconds < 0
        var value = nanoseconds.magnitude
        var text: String
        if value < 1_000_000_000 {
            if value == 0 { return "0s" }
            let (precision, unit): (Int, String) =
                value < 1_000 ? (0, "ns") : value < 1_000_000 ? (3, "\u{00B5}s") : (6, "ms")
            let (fraction, rest) = fractionText(value, precision: precision)
            text = String(rest) + fraction + unit
        } else {
            let (fraction, seconds) = fractionText(value, precision: 9)
            value = seconds
            text = String(value % 60) + fraction + "s"
            value /= 60
            if value > 0 {
                text = String(value % 60) + "m" + text
                value /= 60
                if value > 0 {
                    text = String(value) + "h" + text
                }
            }
        }
        return negative ? "-" + text : text
    }

    /// `floor(0.d1d2d3… × unit)`, by multiplying the digit string by `unit` from the
    /// right: the carry out of the first digit is the integer part. Exact for any length.
    static func fractionNanoseconds(_ digits: [UInt8], unit: UInt64) -> UInt64 {
        var carry: UInt64 = 0
        for digit in digits.reversed() {
            carry = (UInt64(digit) * unit + carry) / 10
        }
        return carry
    }

    /// Go's fmtFrac: the fraction `.ddd` of value / 10^precision without trailing
    /// zeros (empty when zero), and the integer quotient.
    private static func fractionText(_ value: UInt64, precision: Int) -> (String, UInt64) {
        var value = value
        var digits: [Character] = []
        var printed = false
        for _ in 0..<precision {
            let digit = value % 10
            printed = printed || digit != 0
            if printed { digits.append(Character(String(digit))) }
            value /= 10
        }
        return (digits.isEmpty ? "" : "." + String(digits.reversed()), value)
    }

    static func digitValue(_ scalar: Unicode.Scalar) -> UInt8? {
        ("0"..."9").contains(scalar) ? UInt8(scalar.value - 48) : nil
    }
}
