/// Builds the verdict as a function of time while replay applies events, for one replay world.
///
/// It keeps, per job in the endpoint's view, only what the verdict reads (stored status, last run
/// time, consecutive failures), and running counts of stalled, unhealthy and critically failing
/// jobs, so an event costs the update of the jobs it touched, not a re-evaluation of all of them.
/// A running job's read-time stall instant (`last_run_time + threshold + 1 ns`) waits in a heap,
/// one entry per job: a new start leaves the entry in place, and when it comes due for a job that
/// has started since, it moves to the job's current instant.
///
/// Times follow the running maximum of the event times: `--at T` replays the events up to the
/// first one later than T, so an event whose time is earlier than one before it takes effect at
/// that earlier event's time. A record is settled when time moves past its instant, after every
/// event of that instant, so no record is empty, except the last one when the very last instant
/// changes the verdict (the record then says what `--at` says at the evaluation instant itself).
struct HistoryRecorder {
    private let threshold: Int64
    private let criticalJobs: Set<String>
    private let sink: HistoryRecordSink?
    private(set) var summary = VerdictHistory()

    private var started = false
    /// The latest event time seen, monitor lines or not (`--at` stops at the first event past it).
    private var clock: Int64 = .min
    private var process = 0
    private var down = false
    private var displayOffset: Int32 = 0
    private var jobs: [JobName: Watched] = [:]
    private var schedule = StallSchedule()
    private var causes: [JobName: HistoryCause] = [:]
    private var stalledJobs = 0
    private var unhealthyJobs = 0
    private var criticallyFailing = 0
    /// Something the verdict reads changed since the last settled instant.
    private var dirty = false
    /// The latest change's origin, for the record it opens.
    private var trigger: HistoryTrigger?
    private var open: OpenRecord?
    private var incident: Incident?

    /// What the verdict needs of one job.
    private struct Watched {
        var stored: JobState
        var lastRunTime: Int64
        var consecutiveFailures: Int
        var lastError: String
        var critical: Bool
        var readStalled = false
        /// While running and not yet stalled: `last_run_time + threshold + 1 ns`.
        var stallInstant: Int64?
        /// The earliest instant this job has waiting in the schedule, if any.
        var scheduled: Int64?

        /// The job's part in the verdict, as the endpoint reads it now.
        var contribution: Contribution {
            let reported: JobState = stored == .running && readStalled ? .stalled : stored
            let stalled = reported == .stalled
            // The service's summary: failed, or a success that still counts failures, is unhealthy.
            let unhealthy = reported == .failed || (reported == .success && consecutiveFailures != 0)
            return Contribution(
                cause: stalled || unhealthy ? reported : nil, consecutiveFailures: consecutiveFailures, critical: critical,
                stalled: stalled, unhealthy: unhealthy,
                criticallyFailing: critical && reported == .failed && consecutiveFailures > 2)
        }
    }

    /// A job's part in the verdict: plain values, so comparing two costs nothing.
    private struct Contribution: Equatable {
        /// The reported status when the job is a cause (failed or stalled), else nil.
        var cause: JobState?
        var consecutiveFailures = 0
        var critical = false
        var stalled = false
        var unhealthy = false
        var criticallyFailing = false
    }

    private struct OpenRecord {
        var from: Int64
        var verdict: Verdict
        var causes: [HistoryCause]
    }

    init(options: ReplayOptions, sink: HistoryRecordSink?) {
        threshold = options.stallThreshold
        criticalJobs = options.criticalJobs
        self.sink = sink
    }

    /// Takes in one event that replay has just applied; `book` is the state after it.
    mutating func observe(_ event: JobEvent, book: JobStatusBook, process: Int, serviceDown: Bool, displayOffset: Int32) {
        self.displayOffset = displayOffset
        let time = event.time.nanoseconds
        // The history begins with the monitor's first line: before it nothing can be judged.
        guard started || event.message.isJobMonitorEvent else {
            clock = max(clock, time)
            return
        }
        var changed = false
        if !started {
            started = true
            clock = max(clock, time)
            summary.from = Instant(nanoseconds: clock)
            self.process = process
            changed = true
            for (name, status) in book.jobs { update(name, status) }
        } else {
            advance(to: max(time, clock))
        }
        if process != self.process {
            // A new process: the endpoint's view starts empty, then holds what this line added.
            self.process = process
            for name in Array(jobs.keys) { changed = update(name, nil) || changed }
            schedule.removeAll()
            for (name, status) in book.jobs { changed = update(name, status) || changed }
        } else {
            switch event.payload {
            case .registered(let job), .started(let job, _), .completed(let job, _), .failed(let job, _, _, _),
                 .stalled(let job, _, _), .unregisteredCompletion(let job):
                changed = update(JobName(job), book[job]) || changed
            case .cleanup:
                for name in jobs.keys.filter({ book[$0.text] == nil }) { changed = update(name, nil) || changed }
            case .panicked, .healthCheck, .serverStarting, .serverShutdown, .circuitBreakerChange, .externalAPIFailure:
                break
            }
        }
        if serviceDown != down {
            down = serviceDown
            changed = true
        }
        if changed {
            dirty = true
            trigger = .event(event.message, job: event.jobName, location: event.location)
        }
    }

    /// Ends the last record at the evaluation instant and returns the summary.
    mutating func finish(at evaluation: Instant, displayOffset: Int32) -> VerdictHistory {
        self.displayOffset = displayOffset
        guard started else { return summary }
        advance(to: max(evaluation.nanoseconds, clock))
        settle()
        if let open {
            close(open, at: clock)
            summary.finalVerdict = open.verdict
            self.open = nil
        }
        if var incident {
            incident.lastSeen = Instant(nanoseconds: clock)
            record(incident)
            self.incident = nil
        }
        summary.to = Instant(nanoseconds: clock)
        return summary
    }

    // MARK: - Time

    /// Moves time forward to `target`: settles the instant being left, then every read-time stall
    /// before `target` at its own instant; stalls at `target` itself count with its events.
    private mutating func advance(to target: Int64) {
        guard target > clock else { return }
        settle()
        while let next = schedule.next, next.instant <= target {
            let instant = next.instant
            while let entry = schedule.next, entry.instant == instant {
                schedule.pop()
                guard var job = jobs[entry.job] else { continue }
                if job.scheduled == instant { job.scheduled = nil }
                guard let due = job.stallInstant, due <= instant else {
                    // Started again since (or done): wait for the current instant instead.
                    if let due = job.stallInstant, job.scheduled == nil {
                        schedule.push(.init(instant: due, job: entry.job))
                        job.scheduled = due
                    }
                    jobs[entry.job] = job
                    continue
                }
                let before = job.contribution
                job.readStalled = true
                job.stallInstant = nil
                jobs[entry.job] = job
                if apply(entry.job, from: before, to: job.contribution) {
                    dirty = true
                    trigger = .readTimeStall(job: entry.job.text)
                }
            }
            if instant < target {
                clock = instant
                settle()
            }
        }
        clock = target
    }

    /// Opens a record at `clock` if the verdict or its causes differ from the open record's.
    private mutating func settle() {
        guard dirty else { return }
        dirty = false
        let verdict = currentVerdict
        let list = verdict == .unknown ? [] : causes.values.sorted { $0.job < $1.job }
        if let open {
            if open.verdict == verdict && open.causes == list { return }
            close(open, at: clock)
        }
        open = OpenRecord(from: clock, verdict: verdict, causes: list)
        track(verdict, causes: list, at: clock)
    }

    private var currentVerdict: Verdict {
        if down { return .unknown }
        if stalledJobs > 0 { return .unhealthy }
        if unhealthyJobs > 0 { return criticallyFailing > 0 ? .unhealthy : .degraded }
        return .healthy
    }

    private mutating func close(_ open: OpenRecord, at end: Int64) {
        let record = HistoryRecord(
            from: Instant(nanoseconds: open.from, utcOffsetSeconds: displayOffset),
            to: Instant(nanoseconds: end, utcOffsetSeconds: displayOffset),
            verdict: open.verdict, causes: open.causes)
        summary.records += 1
        summary.timeInState.add(record.duration, to: open.verdict)
        sink?.record(record)
    }

    // MARK: - Incidents

    private mutating func track(_ verdict: Verdict, causes list: [HistoryCause], at time: Int64) {
        let instant = Instant(nanoseconds: time)
        if verdict == .healthy {
            guard var incident else { return }
            incident.end = instant
            incident.lastSeen = instant
            incident.endedBy = trigger
            record(incident)
            self.incident = nil
        } else if var incident {
            if verdict > incident.worst { incident.worst = verdict }
            self.incident = incident
        } else {
            incident = Incident(start: instant, end: nil, lastSeen: instant, worst: verdict,
                                firstCause: firstCause(list), startedBy: trigger, endedBy: nil)
        }
    }

    /// The job whose line began the incident when it is among the causes, else the first by name.
    private func firstCause(_ list: [HistoryCause]) -> Incident.Cause? {
        var job: String?
        switch trigger {
        case .event(_, let name?, _), .readTimeStall(let name):
            job = name
        default:
            break
        }
        guard let cause = list.first(where: { $0.job == job }) ?? list.first else { return nil }
        return Incident.Cause(job: cause.job, status: cause.status, error: jobs[JobName(cause.job)]?.lastError ?? "")
    }

    private mutating func record(_ incident: Incident) {
        summary.incidents.append(incident)
        summary.longestIncident = max(summary.longestIncident, incident.duration)
        summary.incidentTime = SpanMath.add(summary.incidentTime, incident.duration)
    }

    // MARK: - Jobs

    /// Replaces what the verdict knows of `name` (nil: the job left the endpoint's view);
    /// returns whether its part in the verdict changed.
    @discardableResult
    private mutating func update(_ name: JobName, _ status: JobStatus?) -> Bool {
        guard let status else {
            guard let old = jobs.removeValue(forKey: name) else { return false }
            return apply(name, from: old.contribution, to: Contribution())
        }
        let clock = clock, threshold = threshold, criticalJobs = criticalJobs
        // One lookup: the record is changed in place through the dictionary's modify accessor.
        let (before, after, stallInstant) = Self.modify(&jobs[name]) { slot -> (Contribution, Contribution, Int64?) in
            let before = slot?.contribution ?? Contribution()
            var job = Watched(stored: status.status, lastRunTime: status.lastRunTime.nanoseconds,
                              consecutiveFailures: status.consecutiveFailures, lastError: status.lastError,
                              critical: slot?.critical ?? criticalJobs.contains { $0.isSameJobName(as: name.text) }, scheduled: slot?.scheduled)
            var push: Int64?
            if job.stored == .running {
                // Stalled when now − last_run_time > threshold: from last_run_time + threshold + 1 ns on.
                let instant = SpanMath.add(SpanMath.add(job.lastRunTime, threshold), 1)
                if instant <= clock {
                    job.readStalled = true
                } else {
                    job.stallInstant = instant
                    // An entry already waiting that early moves on when due; an earlier instant
                    // (a start logged with an older time) needs one of its own.
                    if job.scheduled.map({ instant < $0 }) ?? true {
                        job.scheduled = instant
                        push = instant
                    }
                }
            }
            slot = job
            return (before, job.contribution, push)
        }
        if let stallInstant { schedule.push(.init(instant: stallInstant, job: name)) }
        return apply(name, from: before, to: after)
    }

    private static func modify<R>(_ slot: inout Watched?, _ body: (inout Watched?) -> R) -> R {
        body(&slot)
    }

    /// Moves the counts from one contribution of `name` to another; true if they differ.
    private mutating func apply(_ name: JobName, from before: Contribution, to after: Contribution) -> Bool {
        guard before != after else { return false }
        stalledJobs += (after.stalled ? 1 : 0) - (before.stalled ? 1 : 0)
        unhealthyJobs += (after.unhealthy ? 1 : 0) - (before.unhealthy ? 1 : 0)
        criticallyFailing += (after.criticallyFailing ? 1 : 0) - (before.criticallyFailing ? 1 : 0)
        causes[name] = after.cause.map {
            HistoryCause(job: name.text, status: $0, consecutiveFailures: after.consecutiveFailures, critical: after.critical)
        }
        return true
    }
}
