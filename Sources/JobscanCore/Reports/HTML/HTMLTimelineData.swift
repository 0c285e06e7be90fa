/// The drawing data of one instance in the HTML report's embedded JSON: its runs (or their bins),
/// history intervals, logged health checks, restarts, circuit-breaker intervals and incidents.
/// Times are integer microseconds since 1970 (exact in a JavaScript number), durations nanoseconds.
enum HTMLTimelineData {
    static func write(_ analysis: Analysis, collector: HTMLTimelineCollector, to w: inout JSONWriter) {
        let r = analysis.replay
        // Lanes in name order: every job the runs or the endpoint name.
        let names = Array(Set(collector.jobs).union(r.jobs.map(\.jobName))).sorted()
        let lane = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($0.element, $0.offset) })
        let laneOf = collector.jobs.map { lane[$0] ?? 0 }
        w.beginObject()
        w.string("name", analysis.instance.name)
        w.int("from_us", (r.history.from ?? firstTime(collector) ?? r.evaluatedAt).microseconds)
        w.int("to_us", r.evaluatedAt.microseconds)
        w.int("stall_threshold_ns", r.options.stallThreshold)
        w.beginArray("jobs")
        for name in names { w.string(nil, name) }
        w.endArray()
        w.int("run_count", collector.runCount)
        w.bool("runs_complete", collector.runs != nil)
        let listed = collector.runs ?? collector.notable.kept
        w.int("runs_not_listed", collector.runCount - listed.count)
        w.beginArray("runs")
        for run in listed { writeRun(run, lane: laneOf[run.job], to: &w) }
        w.endArray()
        if collector.runs == nil { writeBins(collector.bins, laneOf: laneOf, to: &w) }
        w.int("history_count", collector.historyCount)
        w.beginArray("history")
        for interval in collector.intervals {
            w.beginArray()
            w.int(nil, microseconds(interval.from))
            w.int(nil, microseconds(interval.to))
            w.string(nil, interval.verdict.rawValue)
            w.string(nil, interval.causes.map(causeText).joined(separator: "; "))
            w.int(nil, interval.merged)
            w.endArray()
        }
        w.endArray()
        writeChecks(r.crossCheck, to: &w)
        w.beginArray("restarts")
        for restart in r.restarts {
            w.beginArray()
            w.int(nil, restart.time.microseconds)
            w.int(nil, restart.epoch)
            w.string(nil, restart.reason)
            w.endArray()
        }
        w.endArray()
        writeBreakers(r.circuitBreakers, to: &w)
        w.beginArray("incidents")
        for incident in r.history.incidents.kept {
            w.beginArray()
            w.int(nil, incident.start.microseconds)
            w.int(nil, incident.end?.microseconds)
            w.string(nil, incident.worst.rawValue)
            w.string(nil, incident.firstCause.map { "\($0.job) \($0.status.rawValue)" + ($0.error.isEmpty ? "" : ": \($0.error)") })
            w.endArray()
        }
        w.endArray()
        w.endObject()
    }

    private static func writeRun(_ run: HTMLTimelineCollector.Run, lane: Int, to w: inout JSONWriter) {
        w.beginArray()
        w.int(nil, lane)
        w.int(nil, run.start.map(microseconds))
        w.int(nil, run.end.map(microseconds))
        w.int(nil, run.duration)
        w.int(nil, RunBins.index(of: run.outcome))
        w.string(nil, run.error)
        w.int(nil, run.epoch)
        w.int(nil, (run.overlapping ? 1 : 0) | (run.stallDetected ? 2 : 0))
        w.endArray()
    }

    private static func writeBins(_ bins: RunBins, laneOf: [Int], to w: inout JSONWriter) {
        w.beginObject("bins")
        w.int("origin_us", bins.origin.map(microseconds))
        w.int("width_us", bins.width / 1000)
        w.beginArray("cells")
        for (key, counts) in bins.cells.sorted(by: { ($0.key.job, $0.key.bucket) < ($1.key.job, $1.key.bucket) }) {
            w.beginArray()
            w.int(nil, laneOf[key.job])
            w.int(nil, key.bucket)
            for n in counts { w.int(nil, n) }
            w.endArray()
        }
        w.endArray()
        w.endObject()
    }

    private static func writeChecks(_ c: CrossCheck, to w: inout JSONWriter) {
        w.beginObject("checks")
        w.int("count", c.checked)
        w.int("disagreed", c.checked - c.agreed)
        w.int("stride", c.ticks.stride)
        w.beginArray("ticks")
        for tick in c.ticks.kept {
            w.beginArray()
            w.int(nil, tick.time.microseconds)
            w.int(nil, tick.agreed ? 1 : 0)
            w.endArray()
        }
        w.endArray()
        w.endObject()
    }

    private static func writeBreakers(_ breakers: [CircuitBreakerSummary], to w: inout JSONWriter) {
        w.beginArray("breakers")
        for b in breakers {
            w.beginObject()
            w.string("service", b.service)
            w.int("intervals_not_listed", b.intervals.count - b.intervals.kept.count)
            w.beginArray("intervals")
            for interval in b.intervalsWithCurrent {
                w.beginArray()
                w.string(nil, interval.state)
                w.int(nil, interval.from.microseconds)
                w.int(nil, interval.to?.microseconds)
                w.endArray()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
    }

    private static func causeText(_ cause: HistoryCause) -> String {
        var text = "\(cause.job) \(cause.status.rawValue)"
        if cause.consecutiveFailures > 0 { text += " ×\(cause.consecutiveFailures)" }
        return cause.critical ? text + " (critical)" : text
    }

    private static func firstTime(_ collector: HTMLTimelineCollector) -> Instant? {
        let first = collector.runs?.first.flatMap { $0.start ?? $0.end } ?? collector.bins.origin
        return first.map { Instant(nanoseconds: $0) }
    }

    static func microseconds(_ ns: Int64) -> Int64 { RunBins.floorDivide(ns, 1000) }
}

extension Instant {
    /// Whole microseconds since 1970, rounded down.
    var microseconds: Int64 { HTMLTimelineData.microseconds(nanoseconds) }
}
