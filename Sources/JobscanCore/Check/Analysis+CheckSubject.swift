/// The replayed state as the check language sees it: field names are the service's own.
extension Analysis: CheckSubject {
    public var jobNames: [String] { replay.jobs.map(\.jobName) }

    public var lifetimeJobNames: [String] { replay.lifetime.map(\.jobName) }

    public func value(at path: CheckPath) -> CheckValue? {
        let offset = replay.displayOffset
        switch path {
        case .root(let field):
            switch field {
            case "verdict": return .string(hasVerdict ? replay.verdict.rawValue : "unknown")
            case "http_status": return .int(Int64(replay.verdict.httpStatus))
            default: return nil
            }
        case .summary(let field):
            let s = replay.summary
            switch field {
            case "total_jobs": return .int(Int64(s.totalJobs))
            case "running_jobs": return .int(Int64(s.runningJobs))
            case "healthy_jobs": return .int(Int64(s.healthyJobs))
            case "unhealthy_jobs": return .int(Int64(s.unhealthyJobs))
            case "stalled_jobs": return .int(Int64(s.stalledJobs))
            default: return nil
            }
        case .job(let name, let field):
            guard let job = replay.jobs.first(where: { $0.jobName.isSameJobName(as: name) }) else { return nil }
            switch field {
            case "status": return .string(job.status.rawValue)
            case "success_count": return .int(Int64(job.successCount))
            case "failure_count": return .int(Int64(job.failureCount))
            case "consecutive_failures": return .int(Int64(job.consecutiveFailures))
            case "last_error": return .string(job.lastError)
            case "last_duration": return .duration(job.lastDuration)
            case "average_execution": return .duration(job.averageExecution)
            // Never completed: the service's Int64.max would pass every "<" test, so 0 stands in.
            case "min_execution": return .duration(job.minExecution == .max ? 0 : job.minExecution)
            case "max_execution": return .duration(job.maxExecution)
            case "last_run_time": return .string(ServiceTime.text(job.lastRunTime, offset: offset))
            case "error_type", "timeout", "panic": return .string(job.metadata[field] ?? "")
            default: return nil
            }
        case .lifetime(let name, let field):
            guard let t = replay.lifetime.first(where: { $0.jobName.isSameJobName(as: name) }) else { return nil }
            switch field {
            case "runs": return .int(Int64(t.runs))
            case "successes": return .int(Int64(t.successes))
            case "failures": return .int(Int64(t.failures))
            case "timeouts": return .int(Int64(t.timeouts))
            case "panics": return .int(Int64(t.panics))
            case "stalls": return .int(Int64(t.stalls))
            // Restarts the job lived through: the processes it was seen in, beyond the first.
            case "restarts_seen": return .int(Int64(max(0, t.processesSeen - 1)))
            case "first_seen": return .string(ServiceTime.text(t.firstSeen, offset: offset))
            case "last_seen": return .string(ServiceTime.text(t.lastSeen, offset: offset))
            default: return nil
            }
        case .input(let field):
            switch field {
            case "files": return .int(Int64(input.files.count))
            case "bytes": return .int(Int64(input.bytes))
            case "lines": return .int(Int64(input.lines))
            case "events": return .int(Int64(input.eventCount))
            case "foreign_lines": return .int(Int64(input.foreignLines))
            case "diagnostics": return .int(Int64(input.diagnosticCount))
            case "overlong_lines": return .int(Int64(input.overlongLines))
            default: return nil
            }
        }
    }
}
