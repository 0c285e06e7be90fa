/// One job behind a non-healthy verdict: failed or stalled as the endpoint reports it then.
public struct HistoryCause: Sendable, Equatable {
    public var job: String
    /// `failed` or `stalled` (a read-time stall included).
    public var status: JobState
    public var consecutiveFailures: Int
    public var critical: Bool

    public init(job: String, status: JobState, consecutiveFailures: Int, critical: Bool) {
        self.job = job
        self.status = status
        self.consecutiveFailures = consecutiveFailures
        self.critical = critical
    }
}

/// The endpoint's answer over `[from, to)`: its verdict and the jobs causing it.
public struct HistoryRecord: Sendable, Equatable {
    public var from: Instant
    public var to: Instant
    public var verdict: Verdict
    /// Sorted by job name; empty when healthy or unknown.
    public var causes: [HistoryCause]
    /// The service instance, in a fleet; nil for a single replay world.
    public var instance: String?

    public init(from: Instant, to: Instant, verdict: Verdict, causes: [HistoryCause], instance: String? = nil) {
        self.from = from
        self.to = to
        self.verdict = verdict
        self.causes = causes
        self.instance = instance
    }

    /// `to − from` in nanoseconds.
    public var duration: Int64 { SpanMath.span(from: from.nanoseconds, to: to.nanoseconds) }
}

/// What made the verdict change at an instant: a log line, or a running job crossing the stall
/// threshold (which no line marks).
public enum HistoryTrigger: Sendable, Equatable {
    case event(EventMessage, job: String?, location: LineLocation)
    case readTimeStall(job: String)
}

/// Receives each history record as soon as it is closed (the last one at the evaluation instant).
public protocol HistoryRecordSink: AnyObject {
    func record(_ record: HistoryRecord)
}
