/// The report for a person at a terminal: one row per job, then summary, verdict and input.
public enum TableReport {
    public static func render(_ analysis: Analysis, colour: Bool) -> String {
        let r = analysis.replay
        let style = TerminalStyle(enabled: colour)
        let offset = r.displayOffset
        var rows: [[String]] = [["JOB", "STATUS", "LAST RUN", "LAST", "OK", "FAILED", "CONSEC", "AVG", "MIN", "MAX", "LAST ERROR"]]
        for job in r.jobs {
            let completed = job.successCount + job.failureCount > 0
            rows.append([
                TerminalText.neutralized(job.jobName) + (r.options.isCritical(job.jobName) ? " *" : ""),
                job.status.rawValue,
                job.lastRunTime == .goZero ? "-" : job.lastRunTime.inOffset(offset).rfc3339(fractionDigits: 3),
                completed ? DurationText.short(job.lastDuration) : "-",
                String(job.successCount), String(job.failureCount), String(job.consecutiveFailures),
                completed ? DurationText.short(job.averageExecution) : "-",
                completed ? DurationText.short(job.minExecution) : "-",
                completed ? DurationText.short(job.maxExecution) : "-",
                shorten(job.lastError, to: 48),
            ])
        }
        var out = ""
        if r.jobs.isEmpty {
            out += "no jobs in the endpoint's view\n"
        } else {
            let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
            for (i, row) in rows.enumerated() {
                var line = ""
                for (c, cell) in row.enumerated() {
                    let numeric = (4...6).contains(c)
                    let pad = String(repeating: " ", count: widths[c] - cell.count)
                    var shown = numeric ? pad + cell : cell + (c == row.count - 1 ? "" : pad)
                    if i == 0 { shown = style.bold(shown) }
                    else if c == 1 { shown = style.status(shown, JobState(rawValue: cell) ?? .pending) }
                    line += shown
                    if c < row.count - 1 { line += "  " }
                }
                while line.hasSuffix(" ") { line.removeLast() }
                out += line + "\n"
            }
            if r.jobs.contains(where: { r.options.isCritical($0.jobName) }) {
                out += "(* critical for the verdict)\n"
            }
        }
        let s = r.summary
        out += "\n"
        out += "summary      \(s.totalJobs) jobs: \(s.runningJobs) running, \(s.healthyJobs) healthy, \(s.unhealthyJobs) unhealthy, \(s.stalledJobs) stalled\n"
        if !analysis.hasVerdict {
            out += "verdict      \(style.warn("UNKNOWN")): no job event \(r.options.evaluateAt == nil ? "read" : "up to --at")\n"
        } else {
            out += "verdict      \(style.verdict(r.verdict)) (HTTP \(r.verdict.httpStatus)) at \(ServiceTime.text(r.evaluatedAt, offset: offset))\n"
        }
        if let last = r.lastRestart {
            out += "restarts     \(r.epoch); the view above is since \(ServiceTime.text(last.time, offset: offset)) (\(TerminalText.neutralized("\(last.reason), \(last.location)")))\n"
        }
        if r.crossCheck.checked > 0 {
            let bad = r.crossCheck.checked - r.crossCheck.agreed
            out += "cross-check  \(r.crossCheck.checked) logged health check(s), \(bad == 0 ? "all agree" : style.warn("\(bad) disagree"))\n"
            for d in r.crossCheck.disagreements.prefix(5) {
                out += "             \(TerminalText.neutralized(d.location.description)) at \(ServiceTime.text(d.time, offset: offset)): logged \(TerminalText.neutralized(d.logged.overallStatus)), replay \(d.replayedVerdict.rawValue)\n"
            }
        }
        for note in r.notes.prefix(5) { out += "note         \(TerminalText.neutralized("\(note.location): \(note.text)"))\n" }
        if r.eventsAfterCutoff > 0 { out += "after --at   \(r.eventsAfterCutoff) event(s) not replayed\n" }
        out += "\ninput\n" + InputReport.text(analysis.input)
        return out
    }

    private static func shorten(_ text: String, to limit: Int) -> String {
        // One line: control characters (tabs, newlines, escapes) would break the table.
        let flat = TerminalText.flattened(text)
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }
}

/// ANSI styling, on only for a terminal without NO_COLOR.
public struct TerminalStyle: Sendable {
    public var enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    func bold(_ s: String) -> String { wrap(s, "1") }
    func warn(_ s: String) -> String { wrap(s, "33") }

    func status(_ s: String, _ state: JobState) -> String {
        switch state {
        case .success: return wrap(s, "32")
        case .failed, .stalled: return wrap(s, "31")
        case .running: return wrap(s, "36")
        case .pending: return s
        }
    }

    func verdict(_ v: HealthVerdict) -> String {
        let text = v.rawValue.uppercased()
        switch v {
        case .healthy: return wrap(text, "1;32")
        case .degraded: return wrap(text, "1;33")
        case .unhealthy: return wrap(text, "1;31")
        }
    }
}
