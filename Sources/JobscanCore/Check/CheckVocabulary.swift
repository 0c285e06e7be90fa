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

/// One field of the vocabulary: its name, its type and how an analysis gives its value, in one
/// entry, so that the parser's names, the type checker's types and the values cannot drift apart.
struct CheckFieldEntry<Source>: Sendable {
    let field: CheckField
    /// The value, or nil when the state has none (`http_status` without a verdict).
    let value: @Sendable (Source) -> CheckValue?

    init(_ name: String, _ type: CheckValueType, _ value: @escaping @Sendable (Source) -> CheckValue?) {
        field = CheckField(name, type)
        self.value = value
    }
}

/// A job's record with the offset its times are shown in.
struct CheckJobSource {
    let job: JobStatus
    let offset: Int32
}

/// A job's lifetime totals with the offset its times are shown in.
struct CheckLifetimeSource {
    let totals: LifetimeTotals
    let offset: Int32
}

/// The subject's vocabulary: every field of every scope, in the order messages list them, with
/// the value each takes in an analysis (`.time` fields are given as `.string`).
///
/// This is the one place to extend when the replay learns a new field; the parser
/// rejects any other name and the type checker takes the types from here.
public enum CheckVocabulary {
    static let rootEntries: [CheckFieldEntry<Verdict>] = [
        .init("verdict", .string) { .string($0.rawValue) },
        // No verdict, no endpoint answer: no status to compare (an assertion on it fails).
        .init("http_status", .int) { verdict -> CheckValue? in verdict.httpStatus.map { CheckValue.int(Int64($0)) } },
    ]

    static let summaryEntries: [CheckFieldEntry<JobsSummary>] = [
        .init("total_jobs", .int) { .int(Int64($0.totalJobs)) },
        .init("running_jobs", .int) { .int(Int64($0.runningJobs)) },
        .init("healthy_jobs", .int) { .int(Int64($0.healthyJobs)) },
        .init("unhealthy_jobs", .int) { .int(Int64($0.unhealthyJobs)) },
        .init("stalled_jobs", .int) { .int(Int64($0.stalledJobs)) },
    ]

    static let jobEntries: [CheckFieldEntry<CheckJobSource>] = [
        .init("status", .string) { .string($0.job.status.rawValue) },
        .init("success_count", .int) { .int(Int64($0.job.successCount)) },
        .init("failure_count", .int) { .int(Int64($0.job.failureCount)) },
        .init("consecutive_failures", .int) { .int(Int64($0.job.consecutiveFailures)) },
        .init("last_error", .string) { .string($0.job.lastError) },
        .init("last_duration", .duration) { .duration($0.job.lastDuration) },
        .init("average_execution", .duration) { .duration($0.job.averageExecution) },
        // Never completed: the service's Int64.max would pass every "<" test, so 0 stands in.
        .init("min_execution", .duration) { .duration($0.job.minExecution == .max ? 0 : $0.job.minExecution) },
        .init("max_execution", .duration) { .duration($0.job.maxExecution) },
        .init("last_run_time", .time) { .string(ServiceTime.text($0.job.lastRunTime, offset: $0.offset)) },
        .init("error_type", .string) { .string($0.job.metadata["error_type"] ?? "") },
        .init("timeout", .string) { .string($0.job.metadata["timeout"] ?? "") },
        .init("panic", .string) { .string($0.job.metadata["panic"] ?? "") },
    ]

    static let lifetimeEntries: [CheckFieldEntry<CheckLifetimeSource>] = [
        .init("runs", .int) { .int(Int64($0.totals.runs)) },
        .init("successes", .int) { .int(Int64($0.totals.successes)) },
        .init("failures", .int) { .int(Int64($0.totals.failures)) },
        .init("timeouts", .int) { .int(Int64($0.totals.timeouts)) },
        .init("panics", .int) { .int(Int64($0.totals.panics)) },
        .init("stalls", .int) { .int(Int64($0.totals.stalls)) },
        // Restarts the job lived through: the processes it was seen in, beyond the first.
        .init("restarts_seen", .int) { .int(Int64(max(0, $0.totals.processesSeen - 1))) },
        .init("first_seen", .time) { .string(ServiceTime.text($0.totals.firstSeen, offset: $0.offset)) },
        .init("last_seen", .time) { .string(ServiceTime.text($0.totals.lastSeen, offset: $0.offset)) },
    ]

    static let inputEntries: [CheckFieldEntry<InputSummary>] = [
        .init("files", .int) { .int(Int64($0.files.count)) },
        .init("bytes", .int) { .int(Int64($0.bytes)) },
        .init("lines", .int) { .int(Int64($0.lines)) },
        .init("events", .int) { .int(Int64($0.eventCount)) },
        .init("foreign_lines", .int) { .int(Int64($0.foreignLines)) },
        .init("diagnostics", .int) { .int(Int64($0.diagnosticCount)) },
        .init("overlong_lines", .int) { .int(Int64($0.overlongLines)) },
    ]

    static let historyEntries: [CheckFieldEntry<VerdictHistory>] = [
        .init("healthy_seconds", .number) { .number(GoDuration.seconds($0.timeInState.healthy)) },
        .init("degraded_seconds", .number) { .number(GoDuration.seconds($0.timeInState.degraded)) },
        .init("unhealthy_seconds", .number) { .number(GoDuration.seconds($0.timeInState.unhealthy)) },
        .init("unknown_seconds", .number) { .number(GoDuration.seconds($0.timeInState.unknown)) },
        // No span (no job event): nothing was ever unavailable, so 1 rather than no value.
        .init("availability", .number) { .number($0.timeInState.availability ?? 1) },
        .init("incidents", .int) { .int(Int64($0.incidentCount)) },
        .init("longest_incident", .duration) { .duration($0.longestIncident) },
        .init("mean_incident", .duration) { .duration($0.meanIncident ?? 0) },
    ]

    static let circuitBreakerEntries: [CheckFieldEntry<CircuitBreakerSummary>] = [
        .init("state", .string) { .string($0.state ?? "") },
        .init("trips", .int) { .int(Int64($0.trips)) },
        .init("changes", .int) { .int(Int64($0.changes)) },
        .init("time_open", .duration) { .duration($0.timeOpen) },
        .init("failures", .int) { .int(Int64($0.failures)) },
    ]

    public static let root: [CheckField] = rootEntries.map(\.field)
    public static let summary: [CheckField] = summaryEntries.map(\.field)
    public static let jobs: [CheckField] = jobEntries.map(\.field)
    public static let lifetime: [CheckField] = lifetimeEntries.map(\.field)
    public static let input: [CheckField] = inputEntries.map(\.field)
    public static let history: [CheckField] = historyEntries.map(\.field)
    public static let circuitBreakers: [CheckField] = circuitBreakerEntries.map(\.field)

    /// `instances.<name>.<path>`: a path of one instance of a fleet.
    public static let instancesRoot = "instances"

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

    /// The entry named `name` of a table.
    static func entry<Source>(_ name: String, in entries: [CheckFieldEntry<Source>]) -> CheckFieldEntry<Source>? {
        entries.first { $0.field.name == name }
    }
}
