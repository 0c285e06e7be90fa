/// One metric family of the textfile: its name (without prefix), type, own labels and HELP text.
public struct TextfileMetric: Sendable, Equatable {
    /// The Prometheus metric type.
    public enum Kind: String, Sendable { case counter, gauge, histogram }
    /// The service's names (`--metrics-prefix`) or jobscan's own (`jobscan_`).
    public enum Namespace: Sendable { case service, jobscan }

    public var namespace: Namespace
    public var name: String
    public var kind: Kind
    /// The labels jobscan sets; every series also carries the `--label` constant labels.
    public var labels: [String]
    public var help: String
    /// Whether the metric comes once per instance, with the instance label first (else once for
    /// the whole input).
    public var perInstance = true

    /// The full metric name under `options`.
    public func fullName(_ options: TextfileOptions) -> String {
        switch namespace {
        case .service: return options.serviceName(name)
        case .jobscan: return TextfileOptions.jobscanPrefix + "_" + name
        }
    }
}

/// Every metric of the textfile, in file order. The README's metric table documents the same list.
public enum TextfileCatalogue {
    // The service's own metrics (DESIGN.md §3), with the same names, labels and buckets.
    public static let runs = TextfileMetric(
        namespace: .service, name: "background_job_runs_total", kind: .counter, labels: ["job_name", "status"],
        help: "Completed runs by outcome (status success or error), counted over the whole log across restarts.")
    public static let duration = TextfileMetric(
        namespace: .service, name: "background_job_duration_seconds", kind: .histogram, labels: ["job_name", "status"],
        help: "Logged run durations by outcome (status success or failed), over the whole log across restarts.")
    public static let active = TextfileMetric(
        namespace: .service, name: "background_jobs_active", kind: .gauge, labels: [],
        help: "Jobs reported running at the evaluation time (the health endpoint's view since the last restart).")
    public static let stalled = TextfileMetric(
        namespace: .service, name: "background_jobs_stalled", kind: .gauge, labels: [],
        help: "Jobs reported stalled at the evaluation time (the health endpoint's view since the last restart).")
    public static let timeouts = TextfileMetric(
        namespace: .service, name: "job_timeouts_total", kind: .counter, labels: ["job_name"],
        help: "Failed runs whose error is a run timeout (job timeout after ...), across restarts.")
    public static let executionHistory = TextfileMetric(
        namespace: .service, name: "job_execution_history_total", kind: .counter, labels: ["job_name", "date"],
        help: "Runs per day (date YYYY-MM-DD in the service's UTC offset), across restarts.")

    // Per job: what a textfile reader needs and the service never exported.
    public static let lastSuccess = TextfileMetric(
        namespace: .service, name: "background_job_last_success_timestamp_seconds", kind: .gauge, labels: ["job_name"],
        help: "Unix time of the job's latest successful completion in the log, across restarts; 0 if none.")
    public static let lastRun = TextfileMetric(
        namespace: .service, name: "background_job_last_run_timestamp_seconds", kind: .gauge, labels: ["job_name"],
        help: "Unix time of the job's latest start or completion in the log, across restarts; 0 if none.")
    public static let consecutiveFailures = TextfileMetric(
        namespace: .service, name: "background_job_consecutive_failures", kind: .gauge, labels: ["job_name"],
        help: "Failures in a row as the health endpoint reports them (since the last restart).")
    public static let status = TextfileMetric(
        namespace: .service, name: "background_job_status", kind: .gauge, labels: ["job_name", "status"],
        help: "The job's reported status as a state set: 1 on the current one of pending, running, success, failed, stalled (since the last restart).")
    public static let critical = TextfileMetric(
        namespace: .service, name: "background_job_critical", kind: .gauge, labels: ["job_name"],
        help: "1 if the job's repeated failure makes the verdict unhealthy (--critical-jobs), else 0.")
    public static let lastError = TextfileMetric(
        namespace: .service, name: "background_job_last_error_info", kind: .gauge, labels: ["job_name", "error_type", "error"],
        help: "1 for each job whose last completion failed (since the last restart), with the error text and its class.")
    public static let panics = TextfileMetric(
        namespace: .service, name: "background_job_panics_total", kind: .counter, labels: ["job_name"],
        help: "Failed runs that panicked, across restarts.")
    public static let stalls = TextfileMetric(
        namespace: .service, name: "background_job_stalls_total", kind: .counter, labels: ["job_name"],
        help: "Stalls logged by the service's detection pass (Job detected as stalled), across restarts.")
    public static let restarts = TextfileMetric(
        namespace: .service, name: "restarts_total", kind: .counter, labels: [],
        help: "Service process restarts seen in the instance's log (Starting server, or a job registered again).")

    // The overall verdict of GET /api/v1/health/jobs.
    public static let healthStatus = TextfileMetric(
        namespace: .service, name: "jobs_health_status", kind: .gauge, labels: [],
        help: "Verdict of /api/v1/health/jobs at the evaluation time: 0 healthy, 1 degraded, 2 unhealthy, 3 unknown (no job event read, or the service had shut down).")
    public static let health = TextfileMetric(
        namespace: .service, name: "jobs_health", kind: .gauge, labels: ["status"],
        help: "The verdict as a state set: 1 on the current one of healthy, degraded, unhealthy, unknown.")

    // jobscan's own figures, once for the whole input.
    public static let fleetHealthStatus = TextfileMetric(
        namespace: .jobscan, name: "fleet_health_status", kind: .gauge, labels: [],
        help: "The worst verdict over the instances read (unhealthy over unknown over degraded over healthy): 0 healthy, 1 degraded, 2 unhealthy, 3 unknown.", perInstance: false)
    public static let instances = TextfileMetric(
        namespace: .jobscan, name: "instances", kind: .gauge, labels: [],
        help: "Instances (service processes: pods, containers, hosts, log families) found in the input.", perInstance: false)
    public static let evaluationTime = TextfileMetric(
        namespace: .jobscan, name: "evaluation_timestamp_seconds", kind: .gauge, labels: [],
        help: "Unix time the state is evaluated at: --at, else the time of the last line read.", perInstance: false)
    public static let inputFiles = TextfileMetric(
        namespace: .jobscan, name: "input_files", kind: .gauge, labels: [],
        help: "Inputs read (files or standard input).", perInstance: false)
    public static let inputErrors = TextfileMetric(
        namespace: .jobscan, name: "input_errors", kind: .gauge, labels: [],
        help: "Inputs that could not be read in full; the figures cover what was read before the error.", perInstance: false)
    public static let inputBytes = TextfileMetric(
        namespace: .jobscan, name: "input_bytes_total", kind: .counter, labels: [],
        help: "Bytes of log text read (after gzip decompression).", perInstance: false)
    public static let inputLines = TextfileMetric(
        namespace: .jobscan, name: "input_lines_total", kind: .counter, labels: [],
        help: "Lines read.", perInstance: false)
    public static let overlongLines = TextfileMetric(
        namespace: .jobscan, name: "input_overlong_lines_total", kind: .counter, labels: [],
        help: "Lines skipped for being longer than --max-line-bytes.", perInstance: false)
    public static let foreignLines = TextfileMetric(
        namespace: .jobscan, name: "foreign_lines_total", kind: .counter, labels: [],
        help: "Lines that are not job-monitor events (other messages, other software).", perInstance: false)
    public static let joinedRecords = TextfileMetric(
        namespace: .jobscan, name: "joined_records_total", kind: .counter, labels: [],
        help: "Partial records of a container log shape (Docker, CRI, journald) joined into the line they continue.", perInstance: false)
    public static let events = TextfileMetric(
        namespace: .jobscan, name: "events_total", kind: .counter, labels: ["kind"],
        help: "Job-monitor events read, by kind.", perInstance: false)
    public static let diagnostics = TextfileMetric(
        namespace: .jobscan, name: "diagnostics_total", kind: .counter, labels: ["reason"],
        help: "Lines with a monitor message that could not be read as an event, by reason.", perInstance: false)
    public static let healthChecks = TextfileMetric(
        namespace: .jobscan, name: "health_checks_total", kind: .counter, labels: ["result"],
        help: "Logged health checks (Jobs health check completed) compared with replay at their time: agreed or disagreed.")

    public static let all: [TextfileMetric] = [
        runs, duration, active, stalled, timeouts, executionHistory,
        lastSuccess, lastRun, consecutiveFailures, status, critical, lastError, panics, stalls, restarts,
        healthStatus, health, healthSeconds, incidents, healthChecks,
        circuitBreakerState, circuitBreakerTrips, circuitBreakerStateSeconds, externalAPIFailures,
        fleetHealthStatus, instances,
        evaluationTime, inputFiles, inputErrors, inputBytes, inputLines, overlongLines, foreignLines, joinedRecords,
        events, diagnostics,
    ]
}
