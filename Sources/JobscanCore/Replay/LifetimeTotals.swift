/// Per-job figures across every process in the log: what the endpoint forgets at a restart.
public struct LifetimeTotals: Sendable, Equatable {
    public var jobName: String
    public var runs = 0
    public var successes = 0
    public var failures = 0
    public var timeouts = 0
    public var panics = 0
    public var stalls = 0
    /// How many processes (epochs) the job appeared in.
    public var processesSeen = 0
    public var firstSeen: Instant
    public var lastSeen: Instant
    /// Time of the latest successful completion and of the latest start or completion.
    public var lastSuccess: Instant?
    public var lastRun: Instant?
    /// Logged completion durations, as the service's `background_job_duration_seconds` histogram.
    public var successDurations = DurationHistogram()
    public var failureDurations = DurationHistogram()
    /// Runs per day (YYYY-MM-DD in the log's offset), as `job_execution_history_total`.
    public var runsPerDay: [String: Int] = [:]
    var lastEpoch = -1

    init(jobName: String, at time: Instant) {
        self.jobName = jobName
        firstSeen = time
        lastSeen = time
    }
}

/// Cumulative buckets of durations (seconds: 1 5 10 30 60 300 600 1800), as the service's histogram.
public struct DurationHistogram: Sendable, Equatable {
    public static let bucketBounds: [Double] = [1, 5, 10, 30, 60, 300, 600, 1800]
    /// Non-cumulative counts per bucket; the last slot is +Inf.
    public private(set) var bucketCounts = [Int](repeating: 0, count: bucketBounds.count + 1)
    public private(set) var count = 0
    /// Exact: three runs near Int64.max nanoseconds already exceed Int64.
    public private(set) var sum: Int128 = 0

    public init() {}

    mutating func observe(_ nanoseconds: Int64) {
        let seconds = Double(nanoseconds) / 1e9
        let slot = Self.bucketBounds.firstIndex { seconds <= $0 } ?? Self.bucketBounds.count
        bucketCounts[slot] += 1
        count += 1
        sum += Int128(nanoseconds)
    }
}
