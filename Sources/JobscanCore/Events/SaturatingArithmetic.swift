/// Arithmetic on times, durations and counts that clamps at Int64's ends instead of trapping:
/// every such value can come from a log line, and a hostile line must not crash the replay.
extension Int64 {
    /// `self + other`, clamped to Int64's range.
    @inline(__always)
    public func addingSaturated(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }

    /// `self - other`, clamped to Int64's range.
    @inline(__always)
    public func subtractingSaturated(_ other: Int64) -> Int64 {
        let (difference, overflow) = subtractingReportingOverflow(other)
        guard overflow else { return difference }
        return other < 0 ? .max : .min
    }

    /// `self * other`, clamped to Int64's range.
    @inline(__always)
    public func multipliedSaturated(by other: Int64) -> Int64 {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        guard overflow else { return product }
        return (self < 0) == (other < 0) ? .max : .min
    }
}

extension Instant {
    /// Nanoseconds from `earlier` to this instant, clamped to Int64's range (a start in 1677 and a
    /// line in 2262 are further apart than Int64 nanoseconds reach).
    @inline(__always)
    public func nanoseconds(since earlier: Instant) -> Int64 {
        nanoseconds.subtractingSaturated(earlier.nanoseconds)
    }

    /// This instant moved by `delta` nanoseconds, clamped to Int64's range; the offset is kept.
    @inline(__always)
    public func advanced(by delta: Int64) -> Instant {
        Instant(nanoseconds: nanoseconds.addingSaturated(delta), utcOffsetSeconds: utcOffsetSeconds)
    }
}
