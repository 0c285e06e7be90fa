/// Parsers for the time texts of the logs: RFC 3339 fields, zap's console ISO 8601 time, epoch `ts`.
public enum TimeText {
    /// Which layout a time text must follow.
    public enum Layout: Sendable {
        /// `2026-11-25T20:45:21Z`, `2026-11-25T20:45:21.5+07:00` (RFC 3339, colon in the offset).
        case rfc3339
        /// `2026-11-25T20:45:21.806+0000` or `…Z` (zap's ISO8601TimeEncoder, no colon in the offset).
        case zapConsole
    }

    /// Parses RFC 3339 (`Z` or `±hh:mm`, optional fraction up to 9 digits).
    public static func parseRFC3339(_ bytes: UnsafeRawBufferPointer) -> Instant? {
        parse(bytes, layout: .rfc3339)
    }

    /// Parses zap's console time (`±hhmm` offset or `Z`, fraction optional).
    public static func parseZapConsole(_ bytes: UnsafeRawBufferPointer) -> Instant? {
        parse(bytes, layout: .zapConsole)
    }

    /// Convenience for Strings (command-line options, tests).
    public static func parseRFC3339(_ text: String) -> Instant? {
        var text = text
        return text.withUTF8 { parseRFC3339(UnsafeRawBufferPointer($0)) }
    }

    static func parse(_ b: UnsafeRawBufferPointer, layout: Layout) -> Instant? {
        // Fixed part: YYYY-MM-DDTHH:MM:SS (19 bytes).
        guard b.count >= 20 else { return nil }
        guard let year = digits(b, 0, 4), b[4] == UInt8(ascii: "-"),
              let month = digits(b, 5, 2), b[7] == UInt8(ascii: "-"),
              let day = digits(b, 8, 2), b[10] == UInt8(ascii: "T"),
              let hour = digits(b, 11, 2), b[13] == UInt8(ascii: ":"),
              let minute = digits(b, 14, 2), b[16] == UInt8(ascii: ":"),
              let second = digits(b, 17, 2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year: year, month: month),
              hour <= 23, minute <= 59, second <= 59
        else { return nil }
        var i = 19
        var nanos: Int64 = 0
        if b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            var scale: Int64 = 100_000_000
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                guard i - start < 9 else { return nil }
                nanos += Int64(b[i] - 48) * scale
                scale /= 10
                i += 1
            }
            guard i > start else { return nil }
        }
        guard i < b.count else { return nil }
        var offset: Int64 = 0
        if b[i] == UInt8(ascii: "Z") {
            i += 1
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign: Int64 = b[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let oh = digits(b, i, 2) else { return nil }
            i += 2
            switch layout {
            case .rfc3339:
                guard i < b.count, b[i] == UInt8(ascii: ":") else { return nil }
                i += 1
            case .zapConsole:
                break
            }
            guard let om = digits(b, i, 2), oh <= 23, om <= 59 else { return nil }
            i += 2
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let days = CivilDate.toDays(year: year, month: month, day: day)
        let local = days * 86_400 + hour * 3600 + minute * 60 + second
        let utc = local - offset
        // Int64 nanoseconds reach 1677-09-21 to 2262-04-11; Go's zero time stands for "never set".
        let (scaled, overflow) = utc.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow, scaled.addingReportingOverflow(nanos).overflow == false else {
            return utc == -62_135_596_800 && nanos == 0 ? .goZero : nil
        }
        return Instant(nanoseconds: scaled + nanos, utcOffsetSeconds: Int32(offset))
    }

    /// Parses zap's epoch `ts`: a plain decimal (`1795639521.8066852`), exact to the nanosecond
    /// of its digits; digits past the ninth fraction digit are truncated.
    public static func parseEpochSeconds(_ b: UnsafeRawBufferPointer) -> Instant? {
        var i = 0
        var seconds: Int64 = 0
        guard b.count > 0 else { return nil }
        while i < b.count, b[i] >= 48, b[i] <= 57 {
            guard seconds < 100_000_000_000 else { return nil }
            seconds = seconds * 10 + Int64(b[i] - 48)
            i += 1
        }
        guard i > 0 else { return nil }
        var nanos: Int64 = 0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            var scale: Int64 = 100_000_000
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                nanos += Int64(b[i] - 48) * scale
                scale /= 10
                i += 1
            }
            guard i > start else { return nil }
        }
        guard i == b.count else { return nil }
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow, !scaled.addingReportingOverflow(nanos).overflow else { return nil }
        return Instant(nanoseconds: scaled + nanos)
    }

    @inline(__always)
    private static func digits(_ b: UnsafeRawBufferPointer, _ at: Int, _ n: Int) -> Int64? {
        guard at + n <= b.count else { return nil }
        var v: Int64 = 0
        for k in at..<(at + n) {
            let c = b[k]
            guard c >= 48, c <= 57 else { return nil }
            v = v * 10 + Int64(c - 48)
        }
        return v
    }
}
