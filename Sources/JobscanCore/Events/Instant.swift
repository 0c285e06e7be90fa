/// A point in time as Unix nanoseconds, with the UTC offset the log wrote it in (for display only).
public struct Instant: Sendable, Hashable, Comparable {
    /// Nanoseconds since 1970-01-01T00:00:00Z.
    public var nanoseconds: Int64
    /// The offset east of UTC in seconds that the writer used; does not affect comparisons.
    public var utcOffsetSeconds: Int32

    public init(nanoseconds: Int64, utcOffsetSeconds: Int32 = 0) {
        self.nanoseconds = nanoseconds
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// Go's zero `time.Time` (0001-01-01T00:00:00Z), which the service writes for times never set.
    /// Year 1 is out of Int64 nanoseconds' reach, so the smallest value stands for it.
    public static let goZero = Instant(nanoseconds: .min)

    public static func < (a: Instant, b: Instant) -> Bool { a.nanoseconds < b.nanoseconds }
    public static func == (a: Instant, b: Instant) -> Bool { a.nanoseconds == b.nanoseconds }
    public func hash(into hasher: inout Hasher) { hasher.combine(nanoseconds) }

    /// The same instant shown in another offset.
    public func inOffset(_ seconds: Int32) -> Instant {
        Instant(nanoseconds: nanoseconds, utcOffsetSeconds: seconds)
    }

    /// Seconds since the epoch as a Double (Prometheus, JSON).
    public var epochSeconds: Double { Double(nanoseconds) / 1e9 }
}

extension Instant {
    /// RFC 3339 with nanoseconds, trailing zeros dropped, as Go's `time.RFC3339Nano` writes it.
    public var rfc3339Nano: String { format(fractionDigits: nil) }

    /// RFC 3339 with exactly `digits` fraction digits (0 for none), for tables.
    public func rfc3339(fractionDigits digits: Int) -> String { format(fractionDigits: digits) }

    private func format(fractionDigits: Int?) -> String {
        if nanoseconds == Instant.goZero.nanoseconds { return "0001-01-01T00:00:00Z" }
        // Seconds first, then the offset: near Int64's ends the nanoseconds cannot take the offset.
        let (utcSeconds, nanos) = nanoseconds.floorDivided(by: 1_000_000_000)
        let secs = utcSeconds + Int64(utcOffsetSeconds)
        let (days, secOfDay) = secs.floorDivided(by: 86_400)
        let (y, m, d) = CivilDate.fromDays(days)
        var out = ""
        out.reserveCapacity(36)
        out += pad(y, 4); out += "-"; out += pad(m, 2); out += "-"; out += pad(d, 2)
        out += "T"
        out += pad(secOfDay / 3600, 2); out += ":"; out += pad(secOfDay / 60 % 60, 2); out += ":"; out += pad(secOfDay % 60, 2)
        var frac = pad(nanos, 9)
        if let digits = fractionDigits {
            frac = String(frac.prefix(digits))
        } else {
            while frac.hasSuffix("0") { frac.removeLast() }
        }
        if !frac.isEmpty { out += "."; out += frac }
        if utcOffsetSeconds == 0 {
            out += "Z"
        } else {
            let off = Int64(utcOffsetSeconds)
            out += off < 0 ? "-" : "+"
            out += pad(off.magnitude / 3600, 2); out += ":"; out += pad(off.magnitude / 60 % 60, 2)
        }
        return out
    }

    private func pad<T: BinaryInteger>(_ value: T, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), after H. Hinnant.
enum CivilDate {
    static func fromDays(_ z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func toDays(year y0: Int64, month m: Int64, day d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension Int64 {
    /// Division rounding toward negative infinity, with a non-negative remainder.
    func floorDivided(by d: Int64) -> (Int64, Int64) {
        var q = self / d
        var r = self % d
        if r < 0 { q -= 1; r += d }
        return (q, r)
    }
}
