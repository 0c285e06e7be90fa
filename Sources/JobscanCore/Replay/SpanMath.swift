/// Nanosecond arithmetic on times and durations that saturates instead of trapping: the inputs
/// are log times, which can be anything.
enum SpanMath {
    static func add(_ a: Int64, _ b: Int64) -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? .max : .min) : sum
    }

    /// `to − from`, saturated.
    static func span(from: Int64, to: Int64) -> Int64 {
        let (difference, overflow) = to.subtractingReportingOverflow(from)
        return overflow ? (to > from ? .max : .min) : difference
    }
}
