/// jobscan's own JSON document (`--format json`): the endpoint's view, what only the log can tell,
/// and the input report. Durations appear as nanoseconds (`*_ns`) and as seconds (`*_seconds`).
public enum JSONReport {
    /// 2: the fleet layer (`instances`, each with its own document).
    public static let schemaVersion = 2

    public static func render(_ fleet: FleetAnalysis) -> String {
        var w = JSONWriter(pretty: true)
        let offset = fleet.evaluatedAt.utcOffsetSeconds
        w.beginObject()
        w.int("schema_version", schemaVersion)
        w.string("evaluated_at", ServiceTime.text(fleet.evaluatedAt, offset: offset))
        w.string("verdict", fleet.verdict.rawValue)
        w.int("http_status", fleet.verdict.httpStatus)
        w.int("instance_count", fleet.instances.count)
        w.beginArray("instances")
        for analysis in fleet.instances {
            w.beginObject()
            writeInstance(analysis, to: &w)
            w.endObject()
        }
        w.endArray()
        w.beginArray("warnings")
        for warning in fleet.warnings { w.string(nil, warning) }
        w.endArray()
        InputReport.write(fleet.input, key: "input", offset: offset, to: &w)
        w.endObject()
        return w.output
    }

    /// One instance's document: the endpoint's view, what only the log can tell, and its input.
    static func writeInstance(_ analysis: Analysis, to w: inout JSONWriter) {
        let r = analysis.replay
        let offset = r.displayOffset
        w.string("name", analysis.instance.name)
        w.string("shape", analysis.instance.shape.rawValue)
        w.string("evaluated_at", ServiceTime.text(r.evaluatedAt, offset: offset))
        w.string("verdict", analysis.verdict.rawValue)
        w.int("http_status", analysis.verdict.httpStatus)
        w.string("last_line_time", ServiceTime.optional(r.lastLineTime, offset: offset))
        w.beginObject("summary")
        HealthReport.writeSummary(r.summary, to: &w)
        w.endObject()
        w.beginObject("jobs")
        for job in r.jobs { writeJob(job, critical: r.options.isCritical(job.jobName), offset: offset, to: &w) }
        w.endObject()
        w.int("process_epoch", r.epoch)
        w.int("restart_count", r.epoch)
        w.beginArray("restarts")
        for restart in r.restarts {
            w.beginObject()
            w.string("time", ServiceTime.text(restart.time, offset: offset))
            w.string("location", restart.location.description)
            w.int("epoch", restart.epoch)
            w.string("reason", restart.reason)
            w.endObject()
        }
        w.endArray()
        w.beginObject("lifetime")
        for totals in r.lifetime { writeLifetime(totals, offset: offset, to: &w) }
        w.endObject()
        writeCrossCheck(r.crossCheck, offset: offset, to: &w)
        HistoryReport.write(r.history, offset: offset, to: &w)
        CircuitBreakerReport.write(r.circuitBreakers, offset: offset, to: &w)
        w.beginArray("notes")
        for note in r.notes {
            w.beginObject()
            w.string("location", note.location.description)
            w.string("text", note.text)
            w.endObject()
        }
        w.endArray()
        w.beginObject("options")
        w.int("stall_threshold_ns", r.options.stallThreshold)
        w.int("retention_ns", r.options.retention)
        w.beginArray("critical_jobs")
        for name in r.options.criticalJobs.sorted(by: { $0.precedesJobName($1) }) { w.string(nil, name) }
        w.endArray()
        w.string("at", r.options.evaluateAt.map { ServiceTime.text($0, offset: offset) })
        w.endObject()
        InputReport.write(analysis.input, key: "input", offset: offset, to: &w)
    }

    private static func duration(_ key: String, _ ns: Int64?, to w: inout JSONWriter) {
        w.int(key + "_ns", ns)
        w.double(key + "_seconds", ns.map { GoDuration.seconds($0) })
    }

    private static func writeJob(_ job: JobStatus, critical: Bool, offset: Int32, to w: inout JSONWriter) {
        let completed = job.successCount + job.failureCount > 0
        w.beginObject(job.jobName)
        w.string("status", job.status.rawValue)
        w.bool("critical", critical)
        w.string("last_run_time", job.lastRunTime == .goZero ? nil : ServiceTime.text(job.lastRunTime, offset: offset))
        duration("last_duration", completed ? job.lastDuration : nil, to: &w)
        w.int("success_count", job.successCount)
        w.int("failure_count", job.failureCount)
        w.int("consecutive_failures", job.consecutiveFailures)
        w.string("last_error", job.lastError.isEmpty ? nil : job.lastError)
        duration("average_execution", completed ? job.averageExecution : nil, to: &w)
        duration("min_execution", completed ? job.minExecution : nil, to: &w)
        duration("max_execution", completed ? job.maxExecution : nil, to: &w)
        HealthReport.writeMetadata(job.metadata, to: &w)
        w.string("created_at", ServiceTime.text(job.createdAt, offset: offset))
        w.string("updated_at", ServiceTime.text(job.updatedAt, offset: offset))
        w.endObject()
    }

    private static func writeLifetime(_ t: LifetimeTotals, offset: Int32, to w: inout JSONWriter) {
        w.beginObject(t.jobName)
        w.int("runs", t.runs)
        w.int("successes", t.successes)
        w.int("failures", t.failures)
        w.int("timeouts", t.timeouts)
        w.int("panics", t.panics)
        w.int("stalls", t.stalls)
        w.int("processes_seen", t.processesSeen)
        w.string("first_seen", ServiceTime.text(t.firstSeen, offset: offset))
        w.string("last_seen", ServiceTime.text(t.lastSeen, offset: offset))
        w.string("last_success", ServiceTime.optional(t.lastSuccess, offset: offset))
        w.endObject()
    }

    /// One side of a cross-check disagreement: the figures a health-check line carries.
    private static func writeCheckSide(_ key: String, _ status: String, total: Int, running: Int, unhealthy: Int,
                                       stalled: Int, to w: inout JSONWriter) {
        w.beginObject(key)
        w.string("status", status)
        w.int("total_jobs", total)
        w.int("running_jobs", running)
        w.int("unhealthy_jobs", unhealthy)
        w.int("stalled_jobs", stalled)
        w.endObject()
    }

    private static func writeCrossCheck(_ c: CrossCheck, offset: Int32, to w: inout JSONWriter) {
        w.beginObject("cross_check")
        w.int("checked", c.checked)
        w.int("agreed", c.agreed)
        w.int("disagreed", c.checked - c.agreed)
        w.beginArray("disagreements")
        for d in c.disagreements {
            w.beginObject()
            w.string("time", ServiceTime.text(d.time, offset: offset))
            w.string("location", d.location.description)
            let logged = d.logged, replayed = d.replayedSummary
            writeCheckSide("logged", logged.overallStatus, total: logged.totalJobs, running: logged.runningJobs,
                           unhealthy: logged.unhealthyJobs, stalled: logged.stalledJobs, to: &w)
            writeCheckSide("replay", d.replayedVerdict.rawValue, total: replayed.totalJobs, running: replayed.runningJobs,
                           unhealthy: replayed.unhealthyJobs, stalled: replayed.stalledJobs, to: &w)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }
}
