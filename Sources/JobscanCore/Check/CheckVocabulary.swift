/// The parts of the replayed state a path can start in.
public enum CheckScope: String, Sendable, Hashable, CaseIterable {
    /// `verdict`, `http_status`: fields without a prefix.
    case root
    case summary
    /// `jobs.<name>.<field>`: the state since the last restart.
    case jobs
    /// `lifetime.<name>.<field>`: totals across all restarts.
    case lifetime
    case input
    /// `history.<field>`: the verdict through time.
    case history
    /// `circuit_breakers.<service>.<field>`: a circuit breaker and its service's failed calls.
    case circuitBreakers = "circuit_breakers"

    /// Whether paths in this scope name a job, or a service for circuit breakers (`jobs.<name>.field`).
    public var hasJobs: Bool { self == .jobs || self == .lifetime || self == .circuitBreakers }

    /// How the scope is written in messages ("jobs.<name>").
    var pattern: String {
        switch self {
        case .root: "the top level"
        case .summary: "summary"
        case .jobs: "jobs.<name>"
        case .lifetime: "lifetime.<name>"
        case .input: "input"
        case .history: "history"
        case .circuitBreakers: "circuit_breakers.<service>"
        }
    }
}

/// One field a path can end in, with the type its values have.
public struct CheckField: Sendable, Equatable, Hashable {
    public let name: String
    public let type: CheckValueType

    public init(_ name: String, _ type: CheckValueType) {
        self.name = name
        self.type = type
    }
}

/// The subject's vocabulary: every field of every scope, in the order messages list them.
///
/// This is the one place to extend when the replay learns a new field; the parser
/// rejects any other name and the type checker takes the types from here.
public enum CheckVocabulary {
    public static let root: [CheckField] = [
        CheckField("verdict", .string),
        CheckField("http_status", .int),
    ]

    public static let summary: [CheckField] = [
        CheckField("total_jobs", .int),
        CheckField("running_jobs", .int),
        CheckField("healthy_jobs", .int),
        CheckField("unhealthy_jobs", .int),
        CheckField("stalled_jobs", .int),
    ]

    public static let jobs: [CheckField] = [
        CheckField("status", .string),
        CheckField("success_count", .int),
        CheckField("failure_count", .int),
        CheckField("consecutive_failures", .int),
        CheckField("last_error", .string),
        CheckField("last_duration", .duration),
        CheckField("average_execution", .duration),
        CheckField("min_execution", .duration),
        CheckField("max_execution", .duration),
        CheckField("last_run_time", .time),
        CheckField("error_type", .string),
        CheckField("timeout", .string),
        CheckField("panic", .string),
    ]

    public static let lifetime: [CheckField] = [
        CheckField("runs", .int),
        CheckField("successes", .int),
        CheckField("failures", .int),
        CheckField("timeouts", .int),
        CheckField("panics", .int),
        CheckField("stalls", .int),
        CheckField("restarts_seen", .int),
        CheckField("first_seen", .time),
        CheckField("last_seen", .time),
    ]

    public static let input: [CheckField] = [
        CheckField("files", .int),
        CheckField("bytes", .int),
        CheckField("lines", .int),
        CheckField("events", .int),
        CheckField("foreign_lines", .int),
        CheckField("diagnostics", .int),
        CheckField("overlong_lines", .int),
    ]

    public static let history: [CheckField] = [
        CheckField("healthy_seconds", .number),
        CheckField("degraded_seconds", .number),
        CheckField("unhealthy_seconds", .number),
        CheckField("unknown_seconds", .number),
        CheckField("availability", .number),
        CheckField("incidents", .int),
        CheckField("longest_incident", .duration),
        CheckField("mean_incident", .duration),
    ]

    public static let circuitBreakers: [CheckField] = [
        CheckField("state", .string),
        CheckField("trips", .int),
        CheckField("changes", .int),
        CheckField("time_open", .duration),
        CheckField("failures", .int),
    ]

    /// The roots a path can start with, in the order messages list them.
    public static let roots: [String] =
        root.map(\.name) + CheckScope.allCases.filter { $0 != .root }.map(\.rawValue)

    /// The functions the language knows.
    public static let functions: [String] = CheckFunction.allCases.map(\.rawValue)

    /// The fields of a scope.
    public static func fields(of scope: CheckScope) -> [CheckField] {
        switch scope {
        case .root: root
        case .summary: summary
        case .jobs: jobs
        case .lifetime: lifetime
        case .input: input
        case .history: history
        case .circuitBreakers: circuitBreakers
        }
    }

    /// The field named `name` in `scope`, or nil.
    public static func field(_ name: String, in scope: CheckScope) -> CheckField? {
        fields(of: scope).first { $0.name == name }
    }
}
