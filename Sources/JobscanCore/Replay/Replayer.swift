/// Feeds events, in file order, through the monitor's semantics: one `JobStatusBook` per process,
/// plus what the endpoint cannot tell (lifetime totals, runs, restarts, cross-checks, the verdict
/// through time, the circuit breakers).
public final class Replayer {
    public let options: ReplayOptions
    public private(set) var book = JobStatusBook()
    public private(set) var epoch = 0
    /// The first `recordLimit` restarts; `epoch` counts them all.
    public private(set) var restarts: [RestartRecord] = []
    public private(set) var lifetime: [JobName: LifetimeTotals] = [:]
    public private(set) var crossCheck = CrossCheck()
    public private(set) var notes: [ReplayNote] = []
    /// The latest time of the lines read (events and foreign lines with a time), up to `--at`:
    /// a trailing older line (another program, a clock step) does not move it back.
    public private(set) var lastLineTime: Instant?
    /// The UTC offset the service writes its times in, as learned from the log.
    public private(set) var displayOffset: Int32 = 0
    /// Events not replayed because they come after the evaluation instant.
    public private(set) var eventsAfterCutoff = 0
    /// Job monitor events replayed (up to the evaluation instant): none means no verdict.
    public private(set) var eventsReplayed = 0
    /// Events of jobs beyond `options.maxJobs` distinct names: counted, not replayed.
    public private(set) var eventsOfUntrackedJobs = 0
    /// The first of those events, for the warning.
    private var firstUntracked: (job: String, location: LineLocation)?
    /// The latest restart, kept even when the list is full: the endpoint's view begins there.
    public private(set) var lastRestart: RestartRecord?
    /// Set by `Server shutdown complete` until the next process starts: no endpoint answers then.
    public private(set) var shutdownAt: Instant?
    private var stopped = false
    private var epochHasEvents = false
    // Keyed by the name's bytes, like the book.
    private var openRuns: [JobName: OpenRunQueue] = [:]
    private var pendingPanics: [JobName: String] = [:]
    private var dayCache: (index: Int64, text: String)?
    private let runSink: RunRecordSink?
    private var history: HistoryRecorder
    private var circuitBreakers = CircuitBreakerBook()
    /// Lists that grow with the input keep only their first entries, so memory stays bounded.
    static let recordLimit = 100

    public init(options: ReplayOptions, runSink: RunRecordSink? = nil, historySink: HistoryRecordSink? = nil) {
        self.options = options
        self.runSink = runSink
        history = HistoryRecorder(options: options, sink: historySink)
    }

    /// Notes the time of a line that is not an event, for the default evaluation instant.
    public func observeLineTime(_ time: Instant) {
        if let at = options.evaluateAt, time > at { return }
        noteLineTime(time)
    }

    /// Applies one event.
    public func apply(_ event: JobEvent) {
        if stopped { eventsAfterCutoff += 1; return }
        if let at = options.evaluateAt, event.time > at {
            // Replay stops at the evaluation instant: "what would the endpoint have said then?"
            stopped = true
            eventsAfterCutoff += 1
            return
        }
        noteLineTime(event.time)
        if let job = event.jobName, lifetime[JobName(job)] == nil, lifetime.count >= options.maxJobs {
            // A new name past the limit: counted, not kept (its record would never be bounded).
            eventsOfUntrackedJobs += 1
            if firstUntracked == nil { firstUntracked = (job, event.location) }
            return
        }
        if event.message.isJobMonitorEvent { eventsReplayed += 1 }
        if event.encoding == .console { displayOffset = event.time.utcOffsetSeconds }
        let t = event.time
        switch event.payload {
        case .serverStarting:
            beginProcess(at: event, reason: "Starting server")
        case .serverShutdown:
            shutdownAt = t
            circuitBreakers.processStopped(at: t)
        case .registered(let job):
            if book[job] != nil || shutdownAt != nil {
                beginProcess(at: event, reason: shutdownAt != nil ? "\(job) registered after a shutdown" : "\(job) registered again")
            }
            book.register(job, at: t)
            touch(job, at: t)
        case .started(let job, let startTime):
            if event.encoding == .json { displayOffset = startTime.utcOffsetSeconds }
            book.start(job, at: t)
            if !openRuns[JobName(job), default: OpenRunQueue()].open(at: t), openRuns[JobName(job)]?.untracked == 1 {
                note(event, "\(job): more than \(OpenRunQueue.detailLimit) runs open at once; later ones are counted, not kept for the timeline")
            }
            pendingPanics[JobName(job)] = nil
            touch(job, at: t) { $0.runs += 1; $0.lastRun = t; $0.runsPerDay[self.day(t), default: 0] += 1 }
        case .completed(let job, let duration):
            book.complete(job, duration: duration, failure: nil, at: t)
            pendingPanics[JobName(job)] = nil
            let orphan = closeRun(job, end: t, duration: duration, outcome: .success, error: nil)
            touch(job, at: t) {
                $0.successes += 1; $0.lastSuccess = t; $0.lastRun = t
                $0.successDurations.observe(duration)
                if orphan { $0.runs += 1; $0.runsPerDay[self.day(t), default: 0] += 1 }
            }
        case .failed(let job, let duration, let error, _):
            // The panic value comes from the `Job panicked` line when it is in view.
            let failure = RunFailure(error: error, timeout: RunOutcome.timeoutText(of: error),
                                     panicValue: RunOutcome.panicText(of: error).map { pendingPanics[JobName(job)] ?? $0 })
            pendingPanics[JobName(job)] = nil
            book.complete(job, duration: duration, failure: failure, at: t)
            let orphan = closeRun(job, end: t, duration: duration, outcome: failure.outcome, error: error)
            touch(job, at: t) {
                $0.failures += 1; $0.lastRun = t
                if failure.timeout != nil { $0.timeouts += 1 }
                if failure.panicValue != nil { $0.panics += 1 }
                $0.failureDurations.observe(duration)
                if orphan { $0.runs += 1; $0.runsPerDay[self.day(t), default: 0] += 1 }
            }
        case .panicked(let job, let value):
            // Written outside the monitor's lock; it changes nothing by itself.
            // Bounded like the jobs: a panic line of a job never seen otherwise makes no record.
            if pendingPanics.count < options.maxJobs || pendingPanics[JobName(job)] != nil {
                pendingPanics[JobName(job)] = value
            }
        case .stalled(let job, let lastRunTime, _):
            if event.encoding == .json { displayOffset = lastRunTime.utcOffsetSeconds }
            book.markStalled(job, lastRunTime: lastRunTime, at: t)
            openRuns[JobName(job)]?.markNewestStallDetected()
            touch(job, at: t) { $0.stalls += 1 }
        case .unregisteredCompletion(let job):
            if book[job] != nil {
                // The service did not have the record: our cleanup inference missed it.
                book.remove(job)
                note(event, "\(job): the service had no record of this job; replay dropped its own")
            }
            if let stallDetected = openRuns[JobName(job)]?.oldestStallDetected {
                closeRun(job, end: t, duration: nil, outcome: stallDetected ? .stalled : .open,
                         error: "completed after its record was cleaned up")
            }
            touch(job, at: t)
        case .cleanup(let count):
            let removed = book.cleanUp(at: t, retention: options.retention)
            if removed.count != count {
                note(event, "cleanup removed \(count) job(s) in the service, \(removed.count) in replay (\(removed.joined(separator: ", ")))")
            }
        case .healthCheck(let record):
            let jobs = book.reported(at: t, stallThreshold: options.stallThreshold)
            let summary = JobsSummary(jobs)
            let verdict = HealthVerdict(summary: summary, jobs: jobs, criticalJobs: options.criticalJobs)
            crossCheck.compare(record, verdict: verdict, summary: summary, at: t, location: event.location)
        case .circuitBreakerChange(let service, let from, let to):
            circuitBreakers.change(service: service, from: from, to: to, at: t)
        case .externalAPIFailure(let failure):
            circuitBreakers.failure(failure, at: t)
        }
        history.observe(event, book: book, process: epoch, serviceDown: shutdownAt != nil, displayOffset: displayOffset)
    }

    /// The state at the evaluation instant (`--at`, else `instant`, else the last line's time);
    /// closes the runs still open into the run sink.
    public func finish(at instant: Instant? = nil) -> ReplayResult {
        let at = options.evaluateAt ?? instant ?? lastLineTime ?? Instant(nanoseconds: 0)
        let evaluatedAt = at.inOffset(displayOffset)
        for job in openRuns.keys.sorted() {
            for (run, overlapping) in openRuns[job]?.detailed ?? [] {
                let job = job.text
                let stalled = run.stallDetected || at.nanoseconds(since: run.start) > options.stallThreshold
                emit(RunRecord(job: job, start: run.start, end: nil, duration: nil, outcome: stalled ? .stalled : .open,
                               error: nil, epoch: epoch, overlapping: overlapping, stallDetected: run.stallDetected))
            }
        }
        openRuns = [:]
        if let first = firstUntracked {
            // First, so that the table (which shows a few notes) cannot hide it.
            notes.insert(ReplayNote(location: first.location, text: Self.untrackedJobsText(eventsOfUntrackedJobs, limit: options.maxJobs, first: first.job)), at: 0)
        }
        let jobs = book.reported(at: at, stallThreshold: options.stallThreshold)
        let summary = JobsSummary(jobs)
        return ReplayResult(
            evaluatedAt: evaluatedAt, jobs: jobs, summary: summary,
            verdict: HealthVerdict(summary: summary, jobs: jobs, criticalJobs: options.criticalJobs),
            epoch: epoch, restarts: restarts, lastRestart: lastRestart, lifetime: lifetime.sorted { $0.key < $1.key }.map(\.value),
            crossCheck: crossCheck, notes: notes, displayOffset: displayOffset,
            eventsAfterCutoff: eventsAfterCutoff, eventsReplayed: eventsReplayed, lastLineTime: lastLineTime?.inOffset(displayOffset),
            eventsOfUntrackedJobs: eventsOfUntrackedJobs, options: options, shutdownAt: shutdownAt,
            history: history.finish(at: at, displayOffset: displayOffset), circuitBreakers: circuitBreakers.finish(at: at))
    }

    /// The warning about jobs beyond `--max-jobs`, for the notes and stderr.
    public static func untrackedJobsText(_ events: Int, limit: Int, first: String) -> String {
        "more than \(limit) jobs (--max-jobs): \(events) event(s) of further jobs were counted, not replayed; the first names \(first)"
    }

    // MARK: -

    private func noteLineTime(_ time: Instant) {
        if let latest = lastLineTime, latest >= time { return }
        lastLineTime = time
    }

    private func beginProcess(at event: JobEvent, reason: String) {
        shutdownAt = nil
        circuitBreakers.processStarted(at: event.time)
        guard epochHasEvents else { return }
        // The old process's runs never complete: close them as abandoned.
        for job in openRuns.keys.sorted() {
            for (run, overlapping) in openRuns[job]?.detailed ?? [] {
                let job = job.text
                emit(RunRecord(job: job, start: run.start, end: nil, duration: nil,
                               outcome: run.stallDetected ? .stalled : .open, error: "process restarted",
                               epoch: epoch, overlapping: overlapping, stallDetected: run.stallDetected))
            }
        }
        openRuns = [:]
        pendingPanics = [:]
        epoch += 1
        epochHasEvents = false
        book = JobStatusBook()
        if restarts.count < Self.recordLimit {
            restarts.append(RestartRecord(time: event.time, location: event.location, epoch: epoch, reason: reason))
        }
        lastRestart = RestartRecord(time: event.time, location: event.location, epoch: epoch, reason: reason)
    }

    /// Closes the oldest open run of `job`; returns true when there was none (the start is out of view).
    @discardableResult
    private func closeRun(_ job: String, end: Instant, duration: Int64?, outcome: RunOutcome, error: String?) -> Bool {
        let key = JobName(job)
        let closed = openRuns[key]?.closeOldest()
        if openRuns[key]?.isEmpty == true { openRuns[key] = nil }
        switch closed {
        case nil:
            emit(RunRecord(job: job, start: nil, end: end, duration: duration, outcome: outcome, error: error,
                           epoch: epoch, overlapping: false, stallDetected: false))
            return true
        case .untracked:
            // Its start was counted but not kept (beyond the detail limit): not an orphan.
            emit(RunRecord(job: job, start: nil, end: end, duration: duration, outcome: outcome,
                           error: error.flatMap { $0.isEmpty ? nil : $0 }, epoch: epoch,
                           overlapping: true, stallDetected: false))
            return false
        case .run(let run, let overlapping):
            emit(RunRecord(job: job, start: run.start, end: end, duration: duration, outcome: outcome,
                           error: error.flatMap { $0.isEmpty ? nil : $0 }, epoch: epoch,
                           overlapping: overlapping, stallDetected: run.stallDetected))
            return false
        }
    }

    private func emit(_ run: RunRecord) {
        guard let runSink else { return }
        var shown = run
        shown.start = run.start?.inOffset(displayOffset)
        shown.end = run.end?.inOffset(displayOffset)
        runSink.record(shown)
    }

    private func touch(_ job: String, at time: Instant, _ update: (inout LifetimeTotals) -> Void = { _ in }) {
        epochHasEvents = true
        let epoch = self.epoch
        // In place through the dictionary's modify accessor: no copy of the totals per event.
        func apply(_ totals: inout LifetimeTotals) {
            if totals.lastEpoch != epoch {
                totals.lastEpoch = epoch
                totals.processesSeen += 1
            }
            totals.lastSeen = time
            update(&totals)
        }
        apply(&lifetime[JobName(job), default: LifetimeTotals(jobName: job, at: time)])
    }

    private func note(_ event: JobEvent, _ text: String) {
        if notes.count < Self.recordLimit { notes.append(ReplayNote(location: event.location, text: text)) }
    }

    /// The calendar day (YYYY-MM-DD, in the service's offset) of `t`; formatted once per day.
    private func day(_ t: Instant) -> String {
        let (index, _) = t.nanoseconds.floorDivided(by: 1_000_000_000).0.addingSaturated(Int64(displayOffset)).floorDivided(by: 86_400)
        if let cached = dayCache, cached.index == index { return cached.text }
        let text = String(t.inOffset(displayOffset).rfc3339(fractionDigits: 0).prefix(10))
        dayCache = (index, text)
        return text
    }
}

/// Replay's answer: the endpoint's view at the evaluation instant, and what only the log can tell.
public struct ReplayResult: Sendable {
    public var evaluatedAt: Instant
    /// The since-restart view, as reported at `evaluatedAt`, sorted by name.
    public var jobs: [JobStatus]
    public var summary: JobsSummary
    public var verdict: HealthVerdict
    public var epoch: Int
    /// The first restarts (at most 100); `epoch` is their total.
    public var restarts: [RestartRecord]
    public var lastRestart: RestartRecord?
    public var lifetime: [LifetimeTotals]
    public var crossCheck: CrossCheck
    public var notes: [ReplayNote]
    public var displayOffset: Int32
    public var eventsAfterCutoff: Int
    public var eventsReplayed: Int
    /// The time of the last line replayed (nil when no line had one).
    public var lastLineTime: Instant?
    /// Events of jobs beyond `--max-jobs`, counted and not replayed (a note says so too).
    public var eventsOfUntrackedJobs: Int
    public var options: ReplayOptions
    /// The service had shut down at this time and not started again by `evaluatedAt`.
    public var shutdownAt: Instant?
    /// The verdict through time, up to `evaluatedAt`.
    public var history: VerdictHistory
    /// The circuit breakers and failed external calls, by service name.
    public var circuitBreakers: [CircuitBreakerSummary]
}
