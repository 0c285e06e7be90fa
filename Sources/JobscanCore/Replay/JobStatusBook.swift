/// The service's in-memory map of job records for one process, with its transitions.
public struct JobStatusBook: Sendable {
    public private(set) var jobs: [String: JobStatus] = [:]

    public init() {}

    public subscript(name: String) -> JobStatus? { jobs[name] }

    /// `RegisterJob`: creates a pending record unless one exists.
    mutating func register(_ name: String, at time: Instant) {
        if jobs[name] == nil { jobs[name] = JobStatus(jobName: name, createdAt: time) }
    }

    /// `StartJob`: running since `time`; creates the record silently if needed.
    mutating func start(_ name: String, at time: Instant) {
        // In place through the dictionary's modify accessor: no copy of the record per event.
        Self.update(&jobs[name, default: JobStatus(jobName: name, createdAt: time)]) {
            $0.status = .running
            $0.lastRunTime = time
            $0.updatedAt = time
        }
    }

    private static func update(_ job: inout JobStatus, _ body: (inout JobStatus) -> Void) {
        body(&job)
    }

    /// `CompleteJob`. A completion for a job not in the book means the log began after its
    /// start (or lost it): the record is created from what this line says, with no start invented.
    mutating func complete(_ name: String, duration: Int64, failure: RunFailure?, at time: Instant) {
        jobs[name, default: JobStatus(jobName: name, createdAt: time)].complete(duration: duration, failure: failure, at: time)
    }

    /// A logged stall detection: stored status stalled until the next start or completion.
    mutating func markStalled(_ name: String, lastRunTime: Instant, at time: Instant) {
        Self.update(&jobs[name, default: JobStatus(jobName: name, createdAt: time)]) {
            if $0.lastRunTime == .goZero { $0.lastRunTime = lastRunTime }
            $0.status = .stalled
            $0.updatedAt = time
        }
    }

    /// The hourly cleanup: removes records idle for longer than `retention` and not running.
    /// Returns the names removed, sorted.
    mutating func cleanUp(at time: Instant, retention: Int64) -> [String] {
        let cutoff = time.nanoseconds.subtractingSaturated(retention)
        let removed = jobs.values.filter { $0.updatedAt.nanoseconds < cutoff && $0.status != .running }.map(\.jobName).sorted()
        for name in removed { jobs[name] = nil }
        return removed
    }

    /// Drops one record (the service said it does not have it).
    mutating func remove(_ name: String) {
        jobs[name] = nil
    }

    /// Every record as a read at `instant` returns it, sorted by name.
    public func reported(at instant: Instant, stallThreshold: Int64) -> [JobStatus] {
        jobs.values.map { $0.reported(at: instant, stallThreshold: stallThreshold) }.sorted { $0.jobName < $1.jobName }
    }
}
