/// What the endpoint answered over an interval: the service's verdict, or unknown while no
/// process was serving (after `Server shutdown complete`, before the next start).
public enum HistoryVerdict: String, Sendable, CaseIterable, Comparable {
    case healthy, degraded, unhealthy, unknown

    public init(_ verdict: HealthVerdict) {
        switch verdict {
        case .healthy: self = .healthy
        case .degraded: self = .degraded
        case .unhealthy: self = .unhealthy
        }
    }

    /// The HTTP status of the answer; nil when nothing answered.
    public var httpStatus: Int? {
        switch self {
        case .healthy: return 200
        case .degraded: return 206
        case .unhealthy: return 503
        case .unknown: return nil
        }
    }

    /// How bad it is, for an incident's worst verdict: unhealthy over unknown over degraded
    /// (a 503 is an answer that something is wrong; no answer at all is worse than a 206).
    var severity: Int {
        switch self {
        case .healthy: return 0
        case .degraded: return 1
        case .unknown: return 2
        case .unhealthy: return 3
        }
    }

    public static func < (a: HistoryVerdict, b: HistoryVerdict) -> Bool { a.severity < b.severity }
}
