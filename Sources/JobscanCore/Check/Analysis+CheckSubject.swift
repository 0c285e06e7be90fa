/// The replayed state as the check language sees it: field names are the service's own.
extension Analysis: CheckSubject {
    public var jobNames: [String] { replay.jobs.map(\.jobName) }

    public var lifetimeJobNames: [String] { replay.lifetime.map(\.jobName) }

    public var circuitBreakerNames: [String] { replay.circuitBreakers.map(\.service) }

    public func value(at path: CheckPath) -> CheckValue? {
        let offset = replay.displayOffset
        switch path {
        case .root(let field):
            switch field {
            case "verdict": return .string(verdict.rawValue)
            // No verdict, no endpoint answer: no status to compare (an assertion on it fails).
            case "http_status": return verdict.httpStatus.map { .int(Int64($0)) }
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
            guard let job = replay.jobs.first(where: { $0.jobName == name }) else { return nil }
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
            guard let t = replay.lifetime.first(where: { $0.jobName == name }) else { return nil }
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
        case .history(let field):
            let h = replay.history
            switch field {
            case "healthy_seconds": return .number(GoDuration.seconds(h.timeInState.healthy))
            case "degraded_seconds": return .number(GoDuration.seconds(h.timeInState.degraded))
            case "unhealthy_seconds": return .number(GoDuration.seconds(h.timeInState.unhealthy))
            case "unknown_seconds": return .number(GoDuration.seconds(h.timeInState.unknown))
            // No span (no job event): nothing was ever unavailable, so 1 rather than no value.
            case "availability": return .number(h.timeInState.availability ?? 1)
            case "incidents": return .int(Int64(h.incidentCount))
            case "longest_incident": return .duration(h.longestIncident)
            case "mean_incident": return .duration(h.meanIncident ?? 0)
            default: return nil
            }
        case .circuitBreaker(let name, let field):
            guard let b = replay.circuitBreakers.first(where: { $0.service == name }) else { return nil }
            switch field {
            case "state": return .string(b.state ?? "")
            case "trips": return .int(Int64(b.trips))
            case "changes": return .int(Int64(b.changes))
            case "time_open": return .duration(b.timeOpen)
            case "failures": return .int(Int64(b.failures))
            default: return nil
            }
        case .input(let field):
            return input.checkValue(field)
        }
    }
}

/// A fleet as the check language sees it: `verdict` and `http_status` are the fleet's (the worst
/// over its instances); the other paths read the instance when there is exactly one.
extension FleetAnalysis: CheckSubject {
    public var jobNames: [String] { single?.jobNames ?? [] }

    public var lifetimeJobNames: [String] { single?.lifetimeJobNames ?? [] }

    public func value(at path: CheckPath) -> CheckValue? {
        switch path {
        case .root(let field):
            switch field {
            case "verdict": return .string(verdict.rawValue)
            case "http_status": return verdict.httpStatus.map { .int(Int64($0)) }
            default: return nil
            }
        case .input(let field):
            return input.checkValue(field)
        default:
            return single?.value(at: path)
        }
    }
}

extension InputSummary {
    /// The `input.*` fields.
    func checkValue(_ field: String) -> CheckValue? {
        switch field {
        case "files": return .int(Int64(files.count))
        case "bytes": return .int(Int64(bytes))
        case "lines": return .int(Int64(lines))
        case "events": return .int(Int64(eventCount))
        case "foreign_lines": return .int(Int64(foreignLines))
        case "diagnostics": return .int(Int64(diagnosticCount))
        case "overlong_lines": return .int(Int64(overlongLines))
        default: return nil
        }
    }
}
