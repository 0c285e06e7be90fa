/// A maximal run of non-healthy history records: when it began, why, how bad it got, how it ended.
public struct Incident: Sendable, Equatable {
    public var start: Instant
    /// Nil while the incident is still going at the evaluation instant.
    public var end: Instant?
    /// Its end, or the evaluation instant for an ongoing one.
    public var lastSeen: Instant
    /// The worst verdict over the incident (unhealthy over unknown over degraded).
    public var worst: Verdict
    /// The job that caused it and its error then (nil when no endpoint answered: unknown).
    public var firstCause: Cause?
    /// The line (or the stall threshold crossing) that began it.
    public var startedBy: HistoryTrigger?
    /// The line that ended it; nil while ongoing.
    public var endedBy: HistoryTrigger?

    /// The job behind an incident's first record.
    public struct Cause: Sendable, Equatable {
        public var job: String
        public var status: JobState
        /// The job's last error text then (empty for a stall after a success, or an empty error).
        public var error: String
    }

    public var ongoing: Bool { end == nil }

    /// `end − start`, or up to the evaluation instant while ongoing.
    public var duration: Int64 { SpanMath.span(from: start.nanoseconds, to: lastSeen.nanoseconds) }
}
