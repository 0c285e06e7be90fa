/// The verdict through time in the table and the JSON document: time in each verdict,
/// availability and the incidents.
public enum HistoryReport {
    /// Incidents the table lists (the latest ones).
    public static let tableIncidents = 5

    /// The table's `history` and `incidents` lines; empty without a history.
    public static func table(_ history: VerdictHistory, offset: Int32) -> String {
        guard let from = history.from else { return "" }
        let t = history.timeInState
        var parts = Verdict.allCases.map { "\($0.rawValue) \(DurationText.short(t[$0]))" }
        if let availability = t.availability { parts[0] += " (\(percent(availability)))" }
        var out = "history      \(DurationText.short(history.span)) from \(time(from, offset)): \(parts.joined(separator: ", "))\n"
        guard history.incidentCount > 0 else { return out + "incidents    none\n" }
        let mean = history.meanIncident.map { DurationText.short($0) } ?? "-"
        out += "incidents    \(history.incidentCount), longest \(DurationText.short(history.longestIncident)), mean \(mean)"
        let shown = history.incidents.kept.suffix(tableIncidents)
        out += shown.count < history.incidentCount ? "; the latest \(shown.count):\n" : ":\n"
        for incident in shown.reversed() { out += "             " + line(incident, offset: offset) + "\n" }
        return out
    }

    private static func line(_ incident: Incident, offset: Int32) -> String {
        var text = "\(time(incident.start, offset))  \(DurationText.short(incident.duration))  \(incident.worst.rawValue)"
        if let cause = incident.firstCause {
            text += "  \(TableReport.shorten(cause.job, to: 40)) \(cause.status.rawValue)"
            if !cause.error.isEmpty { text += ": " + TableReport.shorten(cause.error, to: 40) }
        } else if let startedBy = incident.startedBy {
            text += "  " + describe(startedBy)
        }
        text += incident.endedBy.map { "; ended by " + describe($0) } ?? "; ongoing"
        return text
    }

    private static func describe(_ trigger: HistoryTrigger) -> String {
        switch trigger {
        case .event(let message, let job, let location):
            return message.key + (job.map { " " + TableReport.shorten($0, to: 40) } ?? "") + " (\(TerminalText.neutralized(location.description)))"
        case .readTimeStall(let job):
            return "\(TableReport.shorten(job, to: 40)) past the stall threshold"
        }
    }

    private static func time(_ instant: Instant, _ offset: Int32) -> String {
        instant.inOffset(offset).rfc3339(fractionDigits: 3)
    }

    private static func percent(_ share: Double) -> String {
        let tenths = (share * 1000).rounded()
        return "\(Int(tenths) / 10).\(Int(tenths) % 10)%"
    }

    // MARK: JSON

    /// The `history` object of the JSON document.
    public static func write(_ history: VerdictHistory, offset: Int32, to w: inout JSONWriter) {
        w.beginObject("history")
        w.string("from", ServiceTime.optional(history.from, offset: offset))
        w.string("to", ServiceTime.optional(history.to, offset: offset))
        duration("span", history.span, to: &w)
        w.int("records", history.records)
        for verdict in Verdict.allCases { duration(verdict.rawValue, history.timeInState[verdict], to: &w) }
        w.double("availability", history.timeInState.availability)
        w.int("incident_count", history.incidentCount)
        duration("longest_incident", history.incidentCount > 0 ? history.longestIncident : nil, to: &w)
        duration("mean_incident", history.meanIncident, to: &w)
        // The list keeps the first and the latest incidents; those between are only counted.
        w.int("incidents_not_listed", history.incidentCount - history.incidents.kept.count)
        w.beginArray("incidents")
        for incident in history.incidents.kept { writeIncident(incident, offset: offset, to: &w) }
        w.endArray()
        w.endObject()
    }

    private static func writeIncident(_ incident: Incident, offset: Int32, to w: inout JSONWriter) {
        w.beginObject()
        w.string("start", ServiceTime.text(incident.start, offset: offset))
        w.string("end", ServiceTime.optional(incident.end, offset: offset))
        w.bool("ongoing", incident.ongoing)
        duration("duration", incident.duration, to: &w)
        w.string("worst_verdict", incident.worst.rawValue)
        if let cause = incident.firstCause {
            w.beginObject("first_cause")
            w.string("job", cause.job)
            w.string("status", cause.status.rawValue)
            w.string("error", cause.error.isEmpty ? nil : cause.error)
            w.endObject()
        } else {
            w.string("first_cause", nil)
        }
        writeTrigger("started_by", incident.startedBy, to: &w)
        writeTrigger("ended_by", incident.endedBy, to: &w)
        w.endObject()
    }

    private static func writeTrigger(_ key: String, _ trigger: HistoryTrigger?, to w: inout JSONWriter) {
        guard let trigger else { return w.string(key, nil) }
        w.beginObject(key)
        switch trigger {
        case .event(let message, let job, let location):
            w.string("event", message.key)
            w.string("job", job)
            w.string("location", location.description)
        case .readTimeStall(let job):
            // No line marks it: the job's run went past the threshold.
            w.string("event", "read_time_stall")
            w.string("job", job)
            w.string("location", nil)
        }
        w.endObject()
    }

    static func duration(_ key: String, _ ns: Int64?, to w: inout JSONWriter) {
        w.int(key + "_ns", ns)
        w.double(key + "_seconds", ns.map { GoDuration.seconds($0) })
    }
}
