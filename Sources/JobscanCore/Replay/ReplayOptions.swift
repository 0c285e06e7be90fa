/// The knobs of replay: the monitor's own settings and the evaluation instant.
public struct ReplayOptions: Sendable {
    /// Evaluate as of this instant: later events are not replayed. Nil: the last line's time.
    public var evaluateAt: Instant?
    /// A run longer than this (strictly) is stalled; the service's default is 5m.
    public var stallThreshold: Int64 = 5 * GoDuration.minute
    /// The cleanup pass removes records not updated for this long; default 24h.
    public var retention: Int64 = 24 * GoDuration.hour
    public var criticalJobs: Set<String> = Set(HealthVerdict.defaultCriticalJobs)
    /// Whether the user named the critical jobs: then a name the log never mentions is worth a warning.
    public var criticalJobsNamed = false
    /// The most distinct job names replay keeps (`--max-jobs`): events of further jobs are
    /// counted, not kept, so a log with a name per line cannot grow memory and the textfile.
    public var maxJobs = ReplayOptions.defaultMaxJobs
    /// The default of `maxJobs`: far above the service's handful of jobs.
    public static let defaultMaxJobs = 1000

    public init() {}

    /// `--critical-jobs`: names separated by commas, spaces around them ignored.
    public static func criticalJobs(parsing text: String) -> Set<String> {
        Set(text.split(separator: ",").map { part in
            String(part.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        }.filter { !$0.isEmpty })
    }
}
