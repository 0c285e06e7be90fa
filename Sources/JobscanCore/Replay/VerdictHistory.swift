/// The verdict through time for one replay world, summed up: its span, the time in each verdict
/// and the incidents (the records themselves go to a `HistoryRecordSink` as they close).
public struct VerdictHistory: Sendable {
    /// The first job-monitor event; nil when there was none (no history).
    public var from: Instant?
    /// The evaluation instant (the end of the last record).
    public var to: Instant?
    /// Records written.
    public var records = 0
    public var timeInState = TimeInState()
    /// The first and latest incidents, in time order, the ongoing one last; `incidentCount` counts all.
    public var incidents = FirstAndLatest<Incident>(limit: VerdictHistory.incidentLimit)
    /// The longest incident, the ongoing one included up to the evaluation instant.
    public var longestIncident: Int64 = 0
    /// The sum of incident durations, for the mean.
    public var incidentTime: Int64 = 0
    /// The verdict of the last record (at the evaluation instant).
    public var finalVerdict: Verdict?

    /// How many incidents are kept at each end of the list.
    public static let incidentLimit = 50

    public init() {}

    public var incidentCount: Int { incidents.count }

    /// `to − from`, which the time in each verdict adds up to.
    public var span: Int64 {
        guard let from, let to else { return 0 }
        return SpanMath.span(from: from.nanoseconds, to: to.nanoseconds)
    }

    /// Mean incident duration (truncated); nil without incidents.
    public var meanIncident: Int64? { incidentCount > 0 ? incidentTime / Int64(incidentCount) : nil }
}
