/// The verdict of `GET /api/v1/health/jobs`, with its HTTP status and the Nagios exit code.
public enum HealthVerdict: String, Sendable, CaseIterable, Comparable {
    case healthy, degraded, unhealthy

    /// The critical jobs of DESIGN.md §1, the default of `--critical-jobs`.
    public static let defaultCriticalJobs = ["btc_transaction_indexing", "icy_transaction_indexing", "swap_request_processing"]

    /// The service's rule: any stall is unhealthy; failures are unhealthy when a critical job has
    /// failed more than twice in a row, degraded otherwise.
    public init<S: Sequence>(summary: JobsSummary, jobs: S, criticalJobs: Set<String>) where S.Element == JobStatus {
        if summary.stalledJobs > 0 {
            self = .unhealthy
        } else if summary.unhealthyJobs > 0 {
            // By bytes, as the service compares names.
            let critical = jobs.contains { job in
                job.status == .failed && job.consecutiveFailures > 2 && criticalJobs.contains { $0.isSameJobName(as: job.jobName) }
            }
            self = critical ? .unhealthy : .degraded
        } else {
            self = .healthy
        }
    }

    public var httpStatus: Int {
        switch self {
        case .healthy: return 200
        case .degraded: return 206
        case .unhealthy: return 503
        }
    }

    /// Nagios plugin convention: 0 OK, 1 WARNING, 2 CRITICAL.
    public var exitCode: Int32 {
        switch self {
        case .healthy: return 0
        case .degraded: return 1
        case .unhealthy: return 2
        }
    }

    public static func < (a: HealthVerdict, b: HealthVerdict) -> Bool { a.exitCode < b.exitCode }
}
