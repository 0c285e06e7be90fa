/// One job's record, field for field the service's `JobStatus` (durations in Int64 nanoseconds).
public struct JobStatus: Sendable, Equatable {
    public var jobName: String
    /// The stored status; `reported(at:threshold:)` applies the read-time stall rule.
    public var status: JobState
    public var lastRunTime: Instant
    public var lastDuration: Int64 = 0
    public var successCount = 0
    public var failureCount = 0
    public var consecutiveFailures = 0
    /// Empty when the last completion succeeded (the service then omits `last_error`).
    public var lastError = ""
    public var averageExecution: Int64 = 0
    public var maxExecution: Int64 = 0
    /// Int64.max until the first completion, as in the service.
    public var minExecution: Int64 = .max
    /// `error_type`, `timeout`, `panic`, `stack_trace` (the last only as a marker: the log has no stack).
    public var metadata: [String: String] = [:]
    public var createdAt: Instant
    public var updatedAt: Instant

    public init(jobName: String, createdAt: Instant) {
        self.jobName = jobName
        self.status = .pending
        self.lastRunTime = .goZero
        self.createdAt = createdAt
        self.updatedAt = createdAt
    }

    /// The record as a read at `instant` returns it: a stored `running` older than the threshold reads `stalled`.
    public func reported(at instant: Instant, stallThreshold: Int64) -> JobStatus {
        guard status == .running, instant.nanoseconds(since: lastRunTime) > stallThreshold else { return self }
        var copy = self
        copy.status = .stalled
        return copy
    }

    /// Applies one completion exactly as the service's `CompleteJob` does.
    mutating func complete(duration: Int64, failure: RunFailure?, at time: Instant) {
        let n = Int64(successCount + failureCount)
        // Int64 arithmetic with truncating division, as Go's time.Duration math.
        averageExecution = n == 0 ? duration : (averageExecution &* n &+ duration) / (n + 1)
        lastDuration = duration
        if duration < minExecution { minExecution = duration }
        if duration > maxExecution { maxExecution = duration }
        updatedAt = time
        if let failure {
            status = .failed
            failureCount += 1
            consecutiveFailures += 1
            lastError = failure.error
            metadata["error_type"] = ErrorClass(classifying: failure.error).rawValue
            if let timeout = failure.timeout {
                metadata["timeout"] = timeout
            }
            if let panicValue = failure.panicValue {
                metadata["panic"] = panicValue
                metadata["stack_trace"] = Self.stackTraceMarker
            }
        } else {
            status = .success
            successCount += 1
            consecutiveFailures = 0
            lastError = ""
        }
    }

    /// Stands in for the Go stack dump, which the log does not carry.
    public static let stackTraceMarker = "(not in the log)"
}
