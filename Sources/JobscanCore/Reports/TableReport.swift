/// The report for a person at a terminal: one row per job, then summary, verdict and input.
public enum TableReport {
    /// The whole report: with one instance its table as it always was; with several, a fleet
    /// summary first, then each instance's table; then warnings and the input. `width` bounds the
    /// LAST ERROR column.
    public static func render(_ fleet: FleetAnalysis, colour: Bool, width: ErrorColumnWidth = .standard) -> String {
        let style = TerminalStyle(enabled: colour)
        var out = ""
        if let single = fleet.single {
            out += instance(single, style: style, width: width)
        } else if fleet.instances.isEmpty {
            out += "no instance in the input\n"
            out += "verdict      \(style.verdict(.unknown)): nothing to judge\n"
        } else {
            out += fleetSummary(fleet, style: style)
            for analysis in fleet.instances {
                out += "\n" + style.bold("== \(TerminalText.neutralized(analysis.instance.name)) (\(analysis.instance.shape.rawValue))") + "\n"
                out += instance(analysis, style: style, width: width)
            }
            out += "\nfleet        \(style.verdict(fleet.verdict)) over \(fleet.instances.count) instances"
            out += fleet.verdict.httpStatus.map { " (worst: HTTP \($0))" } ?? ""
            out += " at \(ServiceTime.text(fleet.evaluatedAt, offset: fleet.evaluatedAt.utcOffsetSeconds))\n"
        }
        for warning in fleet.warnings { out += "warning      \(TerminalText.neutralized(warning))\n" }
        out += "\ninput\n" + InputReport.text(fleet.input)
        return out
    }

    /// One row per instance: verdict, jobs, last line, restarts.
    static func fleetSummary(_ fleet: FleetAnalysis, style: TerminalStyle) -> String {
        var rows: [[String]] = [["INSTANCE", "SHAPE", "VERDICT", "JOBS", "LAST LINE", "RESTARTS"]]
        for a in fleet.instances {
            let r = a.replay
            rows.append([TerminalText.neutralized(a.instance.name), a.instance.shape.rawValue, a.verdict.rawValue.uppercased(), String(r.summary.totalJobs),
                         r.lastLineTime.map { $0.rfc3339(fractionDigits: 3) } ?? "-", String(r.epoch)])
        }
        return grid(rows, numeric: [3, 5], style: style) { row, column, cell in
            column == 2 ? style.verdict(Verdict(rawValue: cell.lowercased()) ?? .unknown, text: cell) : cell
        }
    }

    /// One instance's job table, summary, verdict, restarts, cross-check and notes.
    static func instance(_ analysis: Analysis, style: TerminalStyle, width: ErrorColumnWidth = .standard) -> String {
        let r = analysis.replay
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
                shorten(job.lastError, to: .max),
            ])
        }
        let errorLimit = width.limit(otherColumns: (0..<10).map { c in rows.map { $0[c].count }.max() ?? 0 })
        for i in rows.indices.dropFirst() { rows[i][10] = shorten(rows[i][10], to: errorLimit) }
        var out = ""
        if r.jobs.isEmpty {
            out += "no jobs in the endpoint's view\n"
        } else {
            out += grid(rows, numeric: [4, 5, 6], style: style) { _, column, cell in
                column == 1 ? style.status(cell, JobState(rawValue: cell) ?? .pending) : cell
            }
            if r.jobs.contains(where: { r.options.isCritical($0.jobName) }) {
                out += "(* critical for the verdict)\n"
            }
        }
        let s = r.summary
        out += "\n"
        out += "summary      \(s.totalJobs) jobs: \(s.runningJobs) running, \(s.healthyJobs) healthy, \(s.unhealthyJobs) unhealthy, \(s.stalledJobs) stalled\n"
        if let status = analysis.verdict.httpStatus {
            out += "verdict      \(style.verdict(analysis.verdict)) (HTTP \(status)) at \(ServiceTime.text(r.evaluatedAt, offset: offset))\n"
        } else if let down = r.shutdownAt, r.eventsReplayed > 0 {
            out += "verdict      \(style.verdict(.unknown)): the service shut down at \(ServiceTime.text(down, offset: offset)) and had not started again\n"
        } else {
            out += "verdict      \(style.verdict(.unknown)): no job event \(r.options.evaluateAt == nil ? "read" : "up to --at")\n"
        }
        if let last = r.lastRestart {
            out += "restarts     \(r.epoch); the view above is since \(ServiceTime.text(last.time, offset: offset)) (\(TerminalText.neutralized("\(last.reason), \(last.location)")))\n"
        }
        if r.crossCheck.checked > 0 {
            let bad = r.crossCheck.checked - r.crossCheck.agreed
            out += "cross-check  \(r.crossCheck.checked) logged health check(s), \(bad == 0 ? "all agree" : style.warn("\(bad) disagree"))\n"
            for d in r.crossCheck.disagreements.prefix(5) {
                out += "             \(TerminalText.neutralized(d.location.description)) at \(ServiceTime.text(d.time, offset: offset)): logged \(TerminalText.neutralized(d.logged.overallStatus)), replay \(d.replayedVerdict.rawValue)"
                    + (d.differences.isEmpty ? "" : ": " + d.differences.joined(separator: ", ")) + "\n"
            }
        }
        for note in r.notes.prefix(5) { out += "note         \(TerminalText.neutralized("\(note.location): \(note.text)"))\n" }
        if r.eventsAfterCutoff > 0 { out += "after --at   \(r.eventsAfterCutoff) event(s) not replayed\n" }
        out += HistoryReport.table(r.history, offset: offset)
        out += CircuitBreakerReport.table(r.circuitBreakers)
        return out
    }

    /// Aligned columns, two spaces apart; `numeric` columns right-aligned; the header bold.
    static func grid(_ rows: [[String]], numeric: Set<Int>, style: TerminalStyle,
                     paint: (Int, Int, String) -> String) -> String {
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        var out = ""
        for (i, row) in rows.enumerated() {
            var line = ""
            for (c, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                var shown = numeric.contains(c) ? pad + cell : cell + (c == row.count - 1 ? "" : pad)
                if i == 0 {
                    shown = style.bold(shown)
                } else {
                    // Colour the cell itself, then pad: the escape codes take no room.
                    let painted = paint(i, c, cell)
                    shown = numeric.contains(c) ? pad + painted : painted + (c == row.count - 1 ? "" : pad)
                }
                line += shown
                if c < row.count - 1 { line += "  " }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    static func shorten(_ text: String, to limit: Int) -> String {
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

    func verdict(_ v: Verdict, text: String? = nil) -> String {
        let text = text ?? v.rawValue.uppercased()
        switch v {
        case .healthy: return wrap(text, "1;32")
        case .degraded: return wrap(text, "1;33")
        case .unhealthy: return wrap(text, "1;31")
        case .unknown: return wrap(text, "33")
        }
    }
}
