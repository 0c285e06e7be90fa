@testable import JobscanCore

/// A dictionary-backed CheckSubject: the test double for the replay result.
struct CheckDictionarySubject: CheckSubject {
    var jobNames: [String] = []
    var lifetimeJobNames: [String] = []
    var values: [CheckPath: CheckValue] = [:]

    func value(at path: CheckPath) -> CheckValue? { values[path] }

    mutating func setJob(
        _ name: String, status: String, successes: Int64, failures: Int64, consecutive: Int64,
        lastError: String = "", lastDuration: Int64 = 0, average: Int64 = 0, min: Int64 = 0, max: Int64 = 0,
        lastRunTime: String = "0001-01-01T00:00:00Z", errorType: String = "", timeout: String = "",
        panic: String = ""
    ) {
        if !jobNames.contains(name) { jobNames.append(name); jobNames.sort() }
        let fields: [String: CheckValue] = [
            "status": .string(status), "success_count": .int(successes), "failure_count": .int(failures),
            "consecutive_failures": .int(consecutive), "last_error": .string(lastError),
            "last_duration": .duration(lastDuration), "average_execution": .duration(average),
            "min_execution": .duration(min), "max_execution": .duration(max),
            "last_run_time": .string(lastRunTime), "error_type": .string(errorType),
            "timeout": .string(timeout), "panic": .string(panic),
        ]
        for (field, value) in fields { values[.job(name: name, field: field)] = value }
    }

    mutating func setLifetime(
        _ name: String, runs: Int64, successes: Int64, failures: Int64, timeouts: Int64 = 0, panics: Int64 = 0,
        stalls: Int64 = 0, restarts: Int64 = 0, firstSeen: String = "2026-11-25T20:45:40.325237343Z",
        lastSeen: String = "2026-11-25T20:45:43.076292947Z"
    ) {
        if !lifetimeJobNames.contains(name) { lifetimeJobNames.append(name); lifetimeJobNames.sort() }
        let fields: [String: CheckValue] = [
            "runs": .int(runs), "successes": .int(successes), "failures": .int(failures),
            "timeouts": .int(timeouts), "panics": .int(panics), "stalls": .int(stalls),
            "restarts_seen": .int(restarts), "first_seen": .string(firstSeen), "last_seen": .string(lastSeen),
        ]
        for (field, value) in fields { values[.lifetime(name: name, field: field)] = value }
    }

    /// Only the top-level, summary and input values, no jobs.
    static func empty(verdict: String = "healthy") -> CheckDictionarySubject {
        var subject = CheckDictionarySubject()
        subject.values[.root(field: "verdict")] = .string(verdict)
        subject.values[.root(field: "http_status")] = .int(verdict == "healthy" ? 200 : 503)
        for field in ["total_jobs", "running_jobs", "healthy_jobs", "unhealthy_jobs", "stalled_jobs"] {
            subject.values[.summary(field: field)] = .int(0)
        }
        for field in ["files", "bytes", "lines", "events", "foreign_lines", "diagnostics", "overlong_lines"] {
            subject.values[.input(field: field)] = .int(0)
        }
        return subject
    }

    /// Modelled on the critical_unhealthy fixture: btc_transaction_indexing failed four
    /// times in a row, swap_request_processing three; one job only seen before a restart.
    static func criticalUnhealthy() -> CheckDictionarySubject {
        var subject = empty(verdict: "unhealthy")
        subject.values[.root(field: "http_status")] = .int(503)
        subject.values[.summary(field: "total_jobs")] = .int(4)
        subject.values[.summary(field: "healthy_jobs")] = .int(2)
        subject.values[.summary(field: "unhealthy_jobs")] = .int(2)
        subject.values[.input(field: "files")] = .int(1)
        subject.values[.input(field: "bytes")] = .int(16076)
        subject.values[.input(field: "lines")] = .int(80)
        subject.values[.input(field: "events")] = .int(70)
        subject.values[.input(field: "foreign_lines")] = .int(2)
        subject.setJob(
            "btc_pending_transaction_processing", status: "success", successes: 6, failures: 0, consecutive: 0,
            lastDuration: 184_331_845, average: 169_382_561, min: 28_302_748, max: 299_688_169,
            lastRunTime: "2026-11-25T20:45:42.962255977Z")
        subject.setJob(
            "btc_transaction_indexing", status: "failed", successes: 2, failures: 4, consecutive: 4,
            lastError: "write tcp 10.0.0.4:40022->10.0.0.9:5432: write: broken pipe (network)",
            lastDuration: 133_559_106, average: 120_448_814, min: 10_371_955, max: 281_283_552,
            lastRunTime: "2026-11-25T20:45:42.94273347Z", errorType: "network")
        subject.setJob(
            "icy_transaction_indexing", status: "success", successes: 6, failures: 0, consecutive: 0,
            lastDuration: 275_349_258, average: 170_476_242, min: 48_316_806, max: 275_349_258,
            lastRunTime: "2026-11-25T20:45:42.942756765Z")
        subject.setJob(
            "swap_request_processing", status: "failed", successes: 4, failures: 3, consecutive: 3,
            lastError: "timeout", lastDuration: 19_412_213, average: 2_500_000_000, min: 19_412_213,
            max: 31_500_000_000, lastRunTime: "2026-11-25T20:45:42.942644398Z", errorType: "timeout",
            timeout: "50ms")
        subject.setLifetime("btc_pending_transaction_processing", runs: 6, successes: 6, failures: 0)
        subject.setLifetime("btc_transaction_indexing", runs: 6, successes: 2, failures: 4)
        subject.setLifetime("icy_transaction_indexing", runs: 6, successes: 6, failures: 0)
        subject.setLifetime("oracle_price_refresh", runs: 3, successes: 2, failures: 0, panics: 1, restarts: 1)
        subject.setLifetime("swap_request_processing", runs: 8, successes: 4, failures: 3, timeouts: 1, stalls: 1)
        return subject
    }
}

/// Parses and evaluates one expression, failing the test on a parse error.
func runCheck(_ text: String, _ subject: CheckDictionarySubject = .criticalUnhealthy(), name: String? = nil) throws
    -> CheckResult
{
    let rule = try CheckRule(name: name, parsing: text)
    return CheckEvaluator(subject: subject).evaluate(rule)
}

/// The error `text` fails to parse with, or nil if it parses.
func checkParseError(_ text: String) -> CheckExpressionError? {
    do {
        _ = try CheckExpression(text)
        return nil
    } catch {
        return error
    }
}
