/// Nanoseconds the endpoint spent in each verdict; they add up to the history's span.
public struct TimeInState: Sendable, Equatable {
    public private(set) var healthy: Int64 = 0
    public private(set) var degraded: Int64 = 0
    public private(set) var unhealthy: Int64 = 0
    public private(set) var unknown: Int64 = 0

    public init() {}

    public subscript(verdict: Verdict) -> Int64 {
        switch verdict {
        case .healthy: return healthy
        case .degraded: return degraded
        case .unhealthy: return unhealthy
        case .unknown: return unknown
        }
    }

    mutating func add(_ nanoseconds: Int64, to verdict: Verdict) {
        switch verdict {
        case .healthy: healthy = SpanMath.add(healthy, nanoseconds)
        case .degraded: degraded = SpanMath.add(degraded, nanoseconds)
        case .unhealthy: unhealthy = SpanMath.add(unhealthy, nanoseconds)
        case .unknown: unknown = SpanMath.add(unknown, nanoseconds)
        }
    }

    /// All four, saturated.
    public var total: Int64 { Verdict.allCases.reduce(0) { SpanMath.add($0, self[$1]) } }

    /// The share of the time that was healthy; nil over an empty span.
    public var availability: Double? {
        let total = total
        return total > 0 ? Double(healthy) / Double(total) : nil
    }
}
