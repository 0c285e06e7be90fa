/// The circuit breakers and failed external calls in the table and the JSON document.
public enum CircuitBreakerReport {
    /// One `circuit` line per service; empty when no line named one.
    public static func table(_ breakers: [CircuitBreakerSummary]) -> String {
        var out = ""
        for (i, b) in breakers.enumerated() {
            var text = "\(TerminalText.neutralized(b.service)) \(TerminalText.neutralized(b.state ?? "(no process)")): \(b.trips) trip\(b.trips == 1 ? "" : "s"), open \(DurationText.short(b.timeOpen))"
            text += ", \(b.failures) failed call\(b.failures == 1 ? "" : "s")"
            if b.failures > 0 {
                text += " (" + counts(b.failuresByOperation) + "; " + counts(b.failuresByErrorType) + ")"
            }
            out += (i == 0 ? "circuit      " : "             ") + text + "\n"
        }
        return out
    }

    private static func counts(_ counts: [String: Int]) -> String {
        counts.sorted { $0.key < $1.key }.map { "\(TableReport.shorten($0.key.isEmpty ? "-" : $0.key, to: 32)) \($0.value)" }
            .joined(separator: ", ")
    }

    /// The `circuit_breakers` object of the JSON document, by service.
    public static func write(_ breakers: [CircuitBreakerSummary], offset: Int32, to w: inout JSONWriter) {
        w.beginObject("circuit_breakers")
        for b in breakers {
            w.beginObject(b.service)
            w.string("state", b.state)
            w.string("state_since", ServiceTime.optional(b.stateSince, offset: offset))
            w.string("first_seen", ServiceTime.text(b.firstSeen, offset: offset))
            w.int("changes", b.changes)
            w.int("trips", b.trips)
            HistoryReport.duration("time_open", b.timeOpen, to: &w)
            w.beginObject("time_in_state_ns")
            for (state, ns) in b.timeInState.sorted(by: { $0.key < $1.key }) { w.int(state, ns) }
            w.endObject()
            w.int("intervals_not_listed", b.intervals.count - b.intervals.kept.count)
            w.beginArray("intervals")
            for interval in b.intervalsWithCurrent {
                w.beginObject()
                w.string("state", interval.state)
                w.string("from", ServiceTime.text(interval.from, offset: offset))
                w.string("to", ServiceTime.optional(interval.to, offset: offset))
                w.endObject()
            }
            w.endArray()
            w.int("failures", b.failures)
            HistoryReport.duration("failure_time", b.failureTime, to: &w)
            writeCounts("failures_by_operation", b.failuresByOperation, to: &w)
            writeCounts("failures_by_error_type", b.failuresByErrorType, to: &w)
            w.endObject()
        }
        w.endObject()
    }

    private static func writeCounts(_ key: String, _ counts: [String: Int], to w: inout JSONWriter) {
        w.beginObject(key)
        for (name, n) in counts.sorted(by: { $0.key < $1.key }) { w.int(name, n) }
        w.endObject()
    }
}
