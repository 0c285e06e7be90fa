/// The body of the service's `GET /api/v1/health/jobs`, key for key and unit for unit:
/// the `*_ms` fields hold nanoseconds, exactly as the service writes them.
public enum HealthReport {
    public static func render(_ result: ReplayResult) -> String {
        let offset = result.displayOffset
        var w = JSONWriter(pretty: false)
        w.beginObject()
        w.string("status", result.verdict.rawValue)
        w.string("timestamp", ServiceTime.text(result.evaluatedAt, offset: offset))
        w.beginObject("jobs")
        for job in result.jobs {
            writeJobStatus(job, key: job.jobName, offset: offset, to: &w)
        }
        w.endObject()
        w.beginObject("summary")
        writeSummary(result.summary, to: &w)
        w.string("last_update_time", ServiceTime.text(result.evaluatedAt, offset: offset))
        w.endObject()
        // The time the endpoint spent answering; replay answers instantly.
        w.int("duration_ms", 0)
        w.endObject()
        return w.output + "\n"
    }

    /// One `JobStatus` as Go's encoding/json marshals the service's struct (field order, omitempty).
    static func writeJobStatus(_ job: JobStatus, key: String?, offset: Int32, to w: inout JSONWriter) {
        w.beginObject(key)
        w.string("job_name", job.jobName)
        w.string("status", job.status.rawValue)
        w.string("last_run_time", ServiceTime.text(job.lastRunTime, offset: offset))
        w.int("last_duration_ms", job.lastDuration)
        w.string("next_run_time", ServiceTime.text(.goZero, offset: offset))
        w.int("success_count", job.successCount)
        w.int("failure_count", job.failureCount)
        w.int("consecutive_failures", job.consecutiveFailures)
        if !job.lastError.isEmpty { w.string("last_error", job.lastError) }
        w.int("average_execution_ms", job.averageExecution)
        w.int("max_execution_ms", job.maxExecution)
        w.int("min_execution_ms", job.minExecution)
        if !job.metadata.isEmpty { writeMetadata(job.metadata, to: &w) }
        w.string("created_at", ServiceTime.text(job.createdAt, offset: offset))
        w.string("updated_at", ServiceTime.text(job.updatedAt, offset: offset))
        w.endObject()
    }

    /// Metadata as Go marshals a map: keys sorted.
    static func writeMetadata(_ metadata: [String: String], to w: inout JSONWriter) {
        w.beginObject("metadata")
        for (k, v) in metadata.sorted(by: { $0.key < $1.key }) { w.string(k, v) }
        w.endObject()
    }

    static func writeSummary(_ s: JobsSummary, to w: inout JSONWriter) {
        w.int("total_jobs", s.totalJobs)
        w.int("running_jobs", s.runningJobs)
        w.int("healthy_jobs", s.healthyJobs)
        w.int("unhealthy_jobs", s.unhealthyJobs)
        w.int("stalled_jobs", s.stalledJobs)
    }
}
