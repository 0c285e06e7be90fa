/// The service's `GetJobsSummary()`: counts over the reported statuses.
public struct JobsSummary: Sendable, Equatable {
    public var totalJobs = 0
    public var runningJobs = 0
    public var healthyJobs = 0
    public var unhealthyJobs = 0
    public var stalledJobs = 0

    public init() {}

    /// Counts as the service does; a pending job counts only in the total.
    public init<S: Sequence>(_ jobs: S) where S.Element == JobStatus {
        for job in jobs {
            totalJobs += 1
            switch job.status {
            case .running: runningJobs += 1
            case .success:
                if job.consecutiveFailures == 0 { healthyJobs += 1 } else { unhealthyJobs += 1 }
            case .failed: unhealthyJobs += 1
            case .stalled: stalledJobs += 1
            case .pending: break
            }
        }
    }
}
