/// The verdict every output reports: the endpoint's healthy, degraded or unhealthy, or unknown
/// when nothing could be judged (no job event up to the evaluation instant). Derived once per
/// instance, and for a fleet as the worst over its instances; the history's records carry it too.
public enum Verdict: String, Sendable, CaseIterable, Comparable {
    case healthy, degraded, unhealthy, unknown

    public init(_ health: HealthVerdict?) {
        switch health {
        case .healthy?: self = .healthy
        case .degraded?: self = .degraded
        case .unhealthy?: self = .unhealthy
        case nil: self = .unknown
        }
    }

    /// The endpoint's HTTP status; none for unknown (no endpoint answered).
    public var httpStatus: Int? {
        switch self {
        case .healthy: return 200
        case .degraded: return 206
        case .unhealthy: return 503
        case .unknown: return nil
        }
    }

    /// Nagios plugin convention: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
    public var exitCode: Int32 {
        switch self {
        case .healthy: return 0
        case .degraded: return 1
        case .unhealthy: return 2
        case .unknown: return 3
        }
    }

    /// How bad, for the worst over a fleet or an incident: unhealthy over unknown over degraded
    /// (a 503 says something is wrong; no answer at all is worse than a 206), then healthy.
    var severity: Int {
        switch self {
        case .healthy: return 0
        case .degraded: return 1
        case .unknown: return 2
        case .unhealthy: return 3
        }
    }

    public static func < (a: Verdict, b: Verdict) -> Bool { a.severity < b.severity }

    /// The worst verdict of `verdicts`; unknown when there is none.
    public static func worst<S: Sequence>(_ verdicts: S) -> Verdict where S.Element == Verdict {
        verdicts.max() ?? .unknown
    }

}
