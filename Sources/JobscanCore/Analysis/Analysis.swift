/// What one instance is called and how its lines were stored.
public struct InstanceIdentity: Sendable, Hashable {
    /// The instance's name: a pod and container, a container id, a host and unit, or a log file.
    public var name: String
    public var shape: LogShape

    public init(name: String, shape: LogShape) {
        self.name = name
        self.shape = shape
    }
}

/// Everything jobscan learned about one instance: its share of the input and its replayed state.
public struct Analysis: Sendable {
    public var instance: InstanceIdentity
    /// This instance's view of the input: its lines, events and diagnostics, file by file.
    public var input: InputSummary
    public var replay: ReplayResult
    /// The verdict, derived once: no job event up to the evaluation instant is unknown.
    public var verdict: Verdict

    public init(instance: InstanceIdentity, input: InputSummary, replay: ReplayResult) {
        self.instance = instance
        self.input = input
        self.replay = replay
        // After `Server shutdown complete` and before the next start, no endpoint answers either.
        verdict = replay.eventsReplayed > 0 && replay.shutdownAt == nil ? Verdict(replay.verdict) : .unknown
    }

    /// Whether there is a verdict at all (reported as unknown, exit status 3, when not).
    public var hasVerdict: Bool { verdict != .unknown }
}

/// Everything jobscan learned from its inputs: each instance's analysis, the whole input, and the
/// fleet's verdict (the worst over the instances).
public struct FleetAnalysis: Sendable {
    /// The instances, sorted by name.
    public var instances: [Analysis]
    /// Every input as read: files, bytes, lines, and the figures that belong to no instance.
    public var input: InputSummary
    /// The one evaluation instant of every instance: `--at`, or the latest time in the whole input.
    public var evaluatedAt: Instant
    public var verdict: Verdict
    /// Things the user should know that are not errors (rotated files that overlap, a critical
    /// job the log never names), one line each.
    public var warnings: [String]
    /// The names of every instance read, also those `selecting` leaves out.
    public var allInstanceNames: [String]

    public init(instances: [Analysis], input: InputSummary, evaluatedAt: Instant, warnings: [String]) {
        self.instances = instances
        self.input = input
        self.evaluatedAt = evaluatedAt
        self.warnings = warnings
        verdict = Verdict.worst(instances.map(\.verdict))
        allInstanceNames = instances.map(\.instance.name)
    }

    /// Only the instances whose name contains `pattern` (`--instance`); the fleet verdict is theirs.
    public func selecting(_ pattern: String) -> FleetAnalysis {
        var copy = self
        copy.instances = instances.filter { $0.instance.name.contains(pattern) }
        copy.verdict = Verdict.worst(copy.instances.map(\.verdict))
        return copy
    }

    public var errors: [InputError] { input.errors }

    /// The instance, when there is exactly one.
    public var single: Analysis? { instances.count == 1 ? instances[0] : nil }
}
