/// The service's in-memory map of job records for one process, with its transitions.
public struct JobStatusBook: Sendable {
    /// Keyed by the name's bytes, as the service's map is.
    public private(set) var jobs: [JobName: JobStatus] = [:]

    public init() {}

    public subscript(name: String) -> JobStatus? { jobs[JobName(name)] }

    /// `RegisterJob`: creates a pending record unless one exists.
    mutating func register(_ name: String, at time: Instant) {
        let key = JobName(name)
        if jobs[key] == nil { jobs[key] = JobStatus(jobName: name, createdAt: time) }
    }

    /// `StartJob`: running since `time`; creates the record silently if needed.
    mutating func start(_ name: String, at time: Instant) {
        // In place through the dictionary's modify accessor: no copy of the record per event.
        Self.update(&jobs[JobName(name), default: JobStatus(jobName: name, createdAt: time)]) {
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
        jobs[JobName(name), default: JobStatus(jobName: name, createdAt: time)].complete(duration: duration, failure: failure, at: time)
    }

    /// A logged stall detection: stored status stalled until the next start or completion.
    mutating func markStalled(_ name: String, lastRunTime: Instant, at time: Instant) {
        Self.update(&jobs[JobName(name), default: JobStatus(jobName: name, createdAt: time)]) {
            if $0.lastRunTime == .goZero { $0.lastRunTime = lastRunTime }
            $0.status = .stalled
            $0.updatedAt = time
        }
    }

    /// The hourly cleanup: removes records idle for longer than `retention` and not running.
    /// Returns the names removed, in byte order.
    mutating func cleanUp(at time: Instant, retention: Int64) -> [String] {
        let cutoff = time.nanoseconds.subtractingSaturated(retention)
        let removed = jobs.filter { $0.value.updatedAt.nanoseconds < cutoff && $0.value.status != .running }.keys.sorted()
        for name in removed { jobs[name] = nil }
        return removed.map(\.text)
    }

    /// Drops one record (the service said it does not have it).
    mutating func remove(_ name: String) {
        jobs[JobName(name)] = nil
    }

    /// Every record as a read at `instant` returns it, in byte order of the names.
    public func reported(at instant: Instant, stallThreshold: Int64) -> [JobStatus] {
        jobs.values.map { $0.reported(at: instant, stallThreshold: stallThreshold) }.sorted { $0.jobName.precedesJobName($1.jobName) }
    }
}
