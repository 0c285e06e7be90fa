/// A `Jobs health check completed` line whose figures differ from replay's at that instant.
public struct CrossCheckDisagreement: Sendable, Equatable {
    public var time: Instant
    public var location: LineLocation
    public var logged: HealthCheckRecord
    public var replayedVerdict: HealthVerdict
    public var replayedSummary: JobsSummary

    /// The summary figures that differ, logged first: `total_jobs 6 vs 5`.
    public var differences: [String] {
        let s = replayedSummary
        let figures = [("total_jobs", logged.totalJobs, s.totalJobs), ("running_jobs", logged.runningJobs, s.runningJobs),
                       ("unhealthy_jobs", logged.unhealthyJobs, s.unhealthyJobs), ("stalled_jobs", logged.stalledJobs, s.stalledJobs)]
        return figures.filter { $0.1 != $0.2 }.map { "\($0.0) \($0.1) vs \($0.2)" }
    }
}

/// The comparison of every logged health check with replay's own verdict at its time.
public struct CrossCheck: Sendable, Equatable {
    public var checked = 0
    public var agreed = 0
    /// The first disagreements (at most `limit`); `checked - agreed` counts them all.
    public var disagreements: [CrossCheckDisagreement] = []
    /// Every check's time and agreement, thinned evenly (the HTML report's ticks).
    public var ticks = HealthCheckTicks()
    static let limit = 100

    mutating func compare(_ logged: HealthCheckRecord, verdict: HealthVerdict, summary: JobsSummary,
                          at time: Instant, location: LineLocation) {
        checked += 1
        let agreedBefore = agreed
        defer { ticks.append(.init(time: time, agreed: agreed > agreedBefore)) }
        if logged.overallStatus == verdict.rawValue, logged.totalJobs == summary.totalJobs,
           logged.unhealthyJobs == summary.unhealthyJobs, logged.stalledJobs == summary.stalledJobs,
           logged.runningJobs == summary.runningJobs {
            agreed += 1
        } else if disagreements.count < Self.limit {
            disagreements.append(CrossCheckDisagreement(
                time: time, location: location, logged: logged, replayedVerdict: verdict, replayedSummary: summary))
        }
    }
}

/// A process boundary found in the log.
public struct RestartRecord: Sendable, Equatable {
    public var time: Instant
    public var location: LineLocation
    /// The epoch that begins here.
    public var epoch: Int
    /// `Starting server`, or the job registered a second time.
    public var reason: String
}

/// Something replay noticed that the monitor's own logs contradict or leave open.
public struct ReplayNote: Sendable, Equatable {
    public var location: LineLocation
    public var text: String
}
