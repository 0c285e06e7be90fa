/// The replayed state as Prometheus metric families, for node_exporter's textfile collector.
///
/// Counters are lifetime totals across restarts (a scraper wants monotonic counts); state gauges
/// follow the health endpoint's since-restart view. `TextfileExposition` renders the families.
public enum TextfileReport {
    /// Error texts longer than this many UTF-8 bytes are cut (on a character boundary) and end in `…`.
    public static let errorLabelLimit = 1024

    /// The textfile's bytes: the families of `analysis`, rendered by swift-prometheus.
    public static func render(_ analysis: Analysis, options: TextfileOptions) -> [UInt8] {
        TextfileExposition.render(families(analysis, options: options))
    }

    /// Every family that has at least one series, in catalogue order, series in a stable order.
    public static func families(_ analysis: Analysis, options: TextfileOptions) -> [TextfileFamily] {
        let r = analysis.replay
        let input = analysis.input
        let constant = options.constantLabels.map { ($0.name, $0.value) }
        var out: [TextfileFamily] = []

        func family(_ metric: TextfileMetric, _ series: [TextfileSeries]) {
            guard !series.isEmpty else { return }
            out.append(TextfileFamily(metric: metric, name: metric.fullName(options), series: series))
        }
        func series(_ labels: [(String, String)], _ value: TextfileValue) -> TextfileSeries {
            TextfileSeries(labels: labels + constant, value: value)
        }
        func perJob(_ jobs: [LifetimeTotals], _ value: (LifetimeTotals) -> TextfileValue) -> [TextfileSeries] {
            jobs.map { series([("job_name", $0.jobName)], value($0)) }
        }

        let lifetime = r.lifetime
        let current = r.jobs
        let C = TextfileCatalogue.self

        family(C.runs, lifetime.flatMap { t in
            [series([("job_name", t.jobName), ("status", "success")], .count(t.successes)),
             series([("job_name", t.jobName), ("status", "error")], .count(t.failures))]
        })
        family(C.duration, lifetime.flatMap { t in
            [series([("job_name", t.jobName), ("status", "success")], .histogram(t.successDurations)),
             series([("job_name", t.jobName), ("status", "failed")], .histogram(t.failureDurations))]
        })
        family(C.active, [series([], .gauge(Double(r.summary.runningJobs)))])
        family(C.stalled, [series([], .gauge(Double(r.summary.stalledJobs)))])
        family(C.timeouts, perJob(lifetime) { .count($0.timeouts) })
        family(C.executionHistory, lifetime.flatMap { t in
            t.runsPerDay.sorted { $0.key < $1.key }.map { day, runs in
                series([("job_name", t.jobName), ("date", day)], .count(runs))
            }
        })

        family(C.lastSuccess, perJob(lifetime) { .gauge($0.lastSuccess?.epochSeconds ?? 0) })
        family(C.lastRun, perJob(lifetime) { .gauge($0.lastRun?.epochSeconds ?? 0) })
        family(C.consecutiveFailures, current.map { job in
            series([("job_name", job.jobName)], .gauge(Double(job.consecutiveFailures)))
        })
        family(C.status, current.flatMap { job in
            JobState.allCases.map { state in
                series([("job_name", job.jobName), ("status", state.rawValue)], .gauge(job.status == state ? 1 : 0))
            }
        })
        family(C.critical, perJob(lifetime) { .gauge(r.options.isCritical($0.jobName) ? 1 : 0) })
        family(C.lastError, current.compactMap { job in
            // A success resets the count: a positive count means the last completion failed.
            guard job.consecutiveFailures > 0 else { return nil }
            let errorType = job.metadata["error_type"] ?? ErrorClass(classifying: job.lastError).rawValue
            return series([("job_name", job.jobName), ("error_type", errorType), ("error", truncated(job.lastError))], .gauge(1))
        })
        family(C.panics, perJob(lifetime) { .count($0.panics) })
        family(C.stalls, perJob(lifetime) { .count($0.stalls) })
        // Every restart: `restarts` keeps only the first ones.
        family(C.restarts, [series([], .count(r.epoch))])

        let verdict = Verdict(analysis)
        family(C.healthStatus, [series([], .gauge(Double(verdict.code)))])
        family(C.health, Verdict.allNames.map { name in
            series([("status", name)], .gauge(name == verdict.name ? 1 : 0))
        })

        family(C.evaluationTime, [series([], .gauge(r.evaluatedAt.epochSeconds))])
        family(C.inputFiles, [series([], .gauge(Double(input.files.count)))])
        family(C.inputErrors, [series([], .gauge(Double(input.errors.count)))])
        family(C.inputBytes, [series([], .count(input.bytes))])
        family(C.inputLines, [series([], .count(input.lines))])
        family(C.overlongLines, [series([], .count(input.overlongLines))])
        family(C.foreignLines, [series([], .count(input.foreignLines))])
        family(C.events, EventMessage.allCases.map { m in series([("kind", m.key)], .count(input.events[m] ?? 0)) })
        family(C.diagnostics, DiagnosticReason.allCases.sorted().map { reason in
            series([("reason", reason.rawValue)], .count(input.diagnostics[reason] ?? 0))
        })
        family(C.healthChecks, [
            series([("result", "agreed")], .count(r.crossCheck.agreed)),
            series([("result", "disagreed")], .count(r.crossCheck.checked - r.crossCheck.agreed)),
        ])
        return out
    }

    /// The verdict, or unknown (3, as the exit status) when no job event was read.
    struct Verdict {
        static let allNames = HealthVerdict.allCases.map(\.rawValue) + ["unknown"]
        var name: String
        var code: Int32

        init(_ analysis: Analysis) {
            if !analysis.hasVerdict {
                (name, code) = ("unknown", 3)
            } else {
                (name, code) = (analysis.replay.verdict.rawValue, analysis.replay.verdict.exitCode)
            }
        }
    }

    static func truncated(_ text: String) -> String {
        guard text.utf8.count > errorLabelLimit else { return text }
        var out = ""
        var bytes = 0
        for ch in text {
            let n = ch.utf8.count
            if bytes + n > errorLabelLimit - 3 { break }  // room for "…" (3 bytes)
            out.append(ch)
            bytes += n
        }
        return out + "…"
    }
}

/// One metric family: its full name, its catalogue entry and its series.
public struct TextfileFamily: Sendable {
    public var metric: TextfileMetric
    public var name: String
    public var series: [TextfileSeries]
}

/// One series: its labels (jobscan's, then the constant ones) and its value.
public struct TextfileSeries: Sendable {
    public var labels: [(String, String)]
    public var value: TextfileValue
}

/// The value of one series, by metric kind.
public enum TextfileValue: Sendable, Equatable {
    /// A counter's value.
    case count(Int)
    /// A gauge's value.
    case gauge(Double)
    /// Bucket counts, count and sum of a duration histogram.
    case histogram(DurationHistogram)
}
