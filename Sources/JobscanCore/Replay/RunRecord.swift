/// One run of a job as the timeline shows it.
public struct RunRecord: Sendable, Equatable {
    public var job: String
    /// Nil when the log began after the run had started: no start is invented.
    public var start: Instant?
    /// Nil for a run still going (or abandoned by a restart).
    public var end: Instant?
    /// The duration the service logged at completion (from the job's latest start).
    public var duration: Int64?
    public var outcome: RunOutcome
    public var error: String?
    /// Which process (0 = the first in view) the run belongs to.
    public var epoch: Int
    /// Another run of the same job was going at the same time; the service cannot pair such
    /// starts and completions, and jobscan pairs them oldest-first.
    public var overlapping: Bool
    /// A `Job detected as stalled` line named this run.
    public var stallDetected: Bool
}

/// Receives each run as soon as it is closed (and the open ones at the end).
public protocol RunRecordSink: AnyObject {
    func record(_ run: RunRecord)
}
