/// Go duration literals of the check language (`30s`, `2m3.004s`, `12.5µs`), in integer
/// nanoseconds: the lexer's view of their units and digits, with `GoDuration` doing the arithmetic.
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
    /// text is not one or its value does not fit in an Int64. Parsed by `GoDuration`, the
    /// parser of the logs' own durations, so a literal means exactly what Go means by it.
    public static func parse(_ text: String) -> Int64? {
        // Stricter than Go in shape only: no '+', and digits on both sides of every point.
        let scalars = Array(text.unicodeScalars)
        guard scalars.first != "+" else { return nil }
        for (i, scalar) in scalars.enumerated() where scalar == "." {
            guard i > 0, digitValue(scalars[i - 1]) != nil, i + 1 < scalars.count, digitValue(scalars[i + 1]) != nil else {
                return nil
            }
        }
        return try? GoDuration.parse(text)
    }

    /// The length of a unit spelled as Go spells it, or nil.
    public static func unitNanoseconds(_ unit: String) -> UInt64? {
        units.first { $0.name == unit }?.nanoseconds
    }

    /// Go's `Duration.String()` spelling, for messages.
    public static func format(_ nanoseconds: Int64) -> String {
        GoDuration.format(nanoseconds)
    }

    static func digitValue(_ scalar: Unicode.Scalar) -> UInt8? {
        ("0"..."9").contains(scalar) ? UInt8(scalar.value - 48) : nil
    }
}
