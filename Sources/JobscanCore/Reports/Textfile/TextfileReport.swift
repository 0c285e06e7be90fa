/// The replayed state as Prometheus metric families, for node_exporter's textfile collector.
///
/// Counters are lifetime totals across restarts (a scraper wants monotonic counts); state gauges
/// follow the health endpoint's since-restart view. `TextfileExposition` renders the families.
public enum TextfileReport {
    /// Error texts longer than this many UTF-8 bytes are cut (on a character boundary) and end in `…`.
    public static let errorLabelLimit = 1024

    /// The textfile's bytes: the families of `fleet`, rendered by swift-prometheus.
    public static func render(_ fleet: FleetAnalysis, options: TextfileOptions) -> [UInt8] {
        TextfileExposition.render(families(fleet, options: options))
    }

    /// Every family that has at least one series, in catalogue order. The service's metrics come
    /// once per instance, told apart by the instance label; jobscan's input figures once.
    public static func families(_ fleet: FleetAnalysis, options: TextfileOptions) -> [TextfileFamily] {
        let constant = options.constantLabels.map { ($0.name, $0.value) }
        var series: [String: [TextfileSeries]] = [:]
        func add(_ metric: TextfileMetric, _ labels: [(String, String)], _ value: TextfileValue) {
            series[metric.name, default: []].append(TextfileSeries(labels: labels + constant, value: value))
        }
        for analysis in fleet.instances {
            let instance = (options.instanceLabel, analysis.instance.name)
            instanceSeries(analysis) { metric, labels, value in add(metric, [instance] + labels, value) }
        }
        let input = fleet.input
        let C = TextfileCatalogue.self
        add(C.fleetHealthStatus, [], .gauge(Double(fleet.verdict.code)))
        add(C.instances, [], .gauge(Double(fleet.instances.count)))
        add(C.evaluationTime, [], .gauge(fleet.evaluatedAt.epochSeconds))
        add(C.inputFiles, [], .gauge(Double(input.files.count)))
        add(C.inputErrors, [], .gauge(Double(input.errors.count)))
        add(C.inputBytes, [], .count(input.bytes))
        add(C.inputLines, [], .count(input.lines))
        add(C.overlongLines, [], .count(input.overlongLines))
        add(C.foreignLines, [], .count(input.foreignLines))
        add(C.joinedRecords, [], .count(input.joinedRecords))
        for m in EventMessage.allCases { add(C.events, [("kind", m.key)], .count(input.events[m] ?? 0)) }
        for reason in DiagnosticReason.allCases.sorted() {
            add(C.diagnostics, [("reason", reason.rawValue)], .count(input.diagnostics[reason] ?? 0))
        }
        return TextfileCatalogue.all.compactMap { metric in
            guard let list = series[metric.name], !list.isEmpty else { return nil }
            return TextfileFamily(metric: metric, name: metric.fullName(options), series: list)
        }
    }

    /// One instance's series (without the instance and constant labels).
    static func instanceSeries(_ analysis: Analysis, _ add: (TextfileMetric, [(String, String)], TextfileValue) -> Void) {
        let r = analysis.replay
        let lifetime = r.lifetime
        let current = r.jobs
        let C = TextfileCatalogue.self
        for t in lifetime {
            add(C.runs, [("job_name", t.jobName), ("status", "success")], .count(t.successes))
            add(C.runs, [("job_name", t.jobName), ("status", "error")], .count(t.failures))
        }
        for t in lifetime {
            add(C.duration, [("job_name", t.jobName), ("status", "success")], .histogram(t.successDurations))
            add(C.duration, [("job_name", t.jobName), ("status", "failed")], .histogram(t.failureDurations))
        }
        add(C.active, [], .gauge(Double(r.summary.runningJobs)))
        add(C.stalled, [], .gauge(Double(r.summary.stalledJobs)))
        for t in lifetime { add(C.timeouts, [("job_name", t.jobName)], .count(t.timeouts)) }
        for t in lifetime {
            for (day, runs) in t.runsPerDay.sorted(by: { $0.key < $1.key }) {
                add(C.executionHistory, [("job_name", t.jobName), ("date", day)], .count(runs))
            }
        }
        for t in lifetime { add(C.lastSuccess, [("job_name", t.jobName)], .gauge(t.lastSuccess?.epochSeconds ?? 0)) }
        for t in lifetime { add(C.lastRun, [("job_name", t.jobName)], .gauge(t.lastRun?.epochSeconds ?? 0)) }
        for job in current { add(C.consecutiveFailures, [("job_name", job.jobName)], .gauge(Double(job.consecutiveFailures))) }
        for job in current {
            for state in JobState.allCases {
                add(C.status, [("job_name", job.jobName), ("status", state.rawValue)], .gauge(job.status == state ? 1 : 0))
            }
        }
        for t in lifetime { add(C.critical, [("job_name", t.jobName)], .gauge(r.options.isCritical(t.jobName) ? 1 : 0)) }
        // A success resets the count: a positive count means the last completion failed.
        for job in current where job.consecutiveFailures > 0 {
            let errorType = job.metadata["error_type"] ?? ErrorClass(classifying: job.lastError).rawValue
            add(C.lastError, [("job_name", job.jobName), ("error_type", errorType), ("error", truncated(job.lastError))], .gauge(1))
        }
        for t in lifetime { add(C.panics, [("job_name", t.jobName)], .count(t.panics)) }
        for t in lifetime { add(C.stalls, [("job_name", t.jobName)], .count(t.stalls)) }
        add(C.restarts, [], .count(r.epoch))
        add(C.healthStatus, [], .gauge(Double(analysis.verdict.code)))
        for verdict in Verdict.allCases {
            add(C.health, [("status", verdict.rawValue)], .gauge(verdict == analysis.verdict ? 1 : 0))
        }
        // The verdict through time and the external dependencies (TextfileHistoryFamilies).
        for (metric, values) in TextfileHistoryFamilies.series(r) {
            for value in values { add(metric, value.labels, value.value) }
        }
        add(C.healthChecks, [("result", "agreed")], .count(r.crossCheck.agreed))
        add(C.healthChecks, [("result", "disagreed")], .count(r.crossCheck.checked - r.crossCheck.agreed))
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
    /// A counter of seconds, which need not be whole.
    case seconds(Double)
}
