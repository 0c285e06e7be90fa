/// One instance's runs and history records as the HTML report draws them, collected while the
/// world replays, within bounds: every run while there are at most `runLimit`, beyond that the
/// runs counted in `RunBins` plus the first and latest runs that did not succeed; the history
/// records merged pairwise (worst verdict) whenever there are more than `historyLimit`.
/// `@unchecked Sendable`: one world (one thread at a time) records into it; read after replay.
public final class HTMLTimelineCollector: RunRecordSink, HistoryRecordSink, @unchecked Sendable {
    static let runLimit = 20_000
    static let notableLimit = 5_000
    static let historyLimit = 20_000
    /// Longer error texts are cut here (the job table keeps each job's last error in full).
    static let errorLimit = 300

    /// A run with its job numbered and its error cut.
    struct Run {
        var job: Int
        var start: Int64?
        var end: Int64?
        var duration: Int64?
        var outcome: RunOutcome
        var error: String?
        var epoch: Int
        var overlapping: Bool
        var stallDetected: Bool
    }

    /// A history record, or several neighbours merged into one (`merged` counts them).
    struct Interval {
        var from: Int64
        var to: Int64
        var verdict: Verdict
        var causes: [HistoryCause]
        var merged: Int
    }

    private(set) var jobs: [String] = []
    private var jobNumbers: [String: Int] = [:]
    /// Every run, until there are more than `runLimit`; then nil.
    private(set) var runs: [Run]? = []
    private(set) var runCount = 0
    private(set) var bins = RunBins()
    /// The runs that did not succeed, for when `runs` is gone.
    private(set) var notable = FirstAndLatest<Run>(limit: HTMLTimelineCollector.notableLimit)
    private(set) var intervals: [Interval] = []
    private(set) var historyCount = 0

    public init() {}

    public func record(_ run: RunRecord) {
        let job: Int
        if let known = jobNumbers[run.job] {
            job = known
        } else {
            job = jobs.count
            jobs.append(run.job)
            jobNumbers[run.job] = job
        }
        let error = run.error.map { $0.count > Self.errorLimit ? String($0.prefix(Self.errorLimit)) + "…" : $0 }
        let drawn = Run(job: job, start: run.start?.nanoseconds, end: run.end?.nanoseconds, duration: run.duration,
                        outcome: run.outcome, error: error, epoch: run.epoch, overlapping: run.overlapping,
                        stallDetected: run.stallDetected)
        runCount += 1
        if let time = drawn.start ?? drawn.end { bins.count(job: job, at: time, outcome: run.outcome) }
        if run.outcome != .success { notable.append(drawn) }
        if runs != nil {
            runs!.append(drawn)
            if runs!.count > Self.runLimit { runs = nil }
        }
    }

    public func record(_ record: HistoryRecord) {
        historyCount += 1
        intervals.append(Interval(from: record.from.nanoseconds, to: record.to.nanoseconds, verdict: record.verdict,
                                  causes: record.causes, merged: 1))
        if intervals.count > Self.historyLimit { halveIntervals() }
    }

    /// Merges each pair of neighbouring intervals into one that shows the worse verdict and its causes.
    private func halveIntervals() {
        var merged: [Interval] = []
        merged.reserveCapacity(intervals.count / 2 + 1)
        var i = 0
        while i < intervals.count {
            var a = intervals[i]
            if i + 1 < intervals.count {
                let b = intervals[i + 1]
                if b.verdict > a.verdict { a.verdict = b.verdict; a.causes = b.causes }
                a.to = b.to
                a.merged += b.merged
            }
            merged.append(a)
            i += 2
        }
        intervals = merged
    }
}
