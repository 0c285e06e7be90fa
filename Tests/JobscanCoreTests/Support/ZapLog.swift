@testable import JobscanCore

/// zap production JSON lines built by hand, for logs that the fixtures do not have (extreme times,
/// hostile names, many jobs). Field values are written as given, so they may hold JSON escapes.
enum ZapLog {
    /// One line: `{"level":…,"ts":…,"msg":…,<fields>}`; `ts` is written raw (a number, or a quoted string).
    static func line(_ msg: String, ts: String, level: String = "info", _ fields: [(String, String)] = []) -> String {
        var out = "{\"level\":\"\(level)\",\"ts\":\(ts),\"caller\":\"logger/logger.go:76\",\"msg\":\"\(msg)\""
        for (key, value) in fields { out += ",\"\(key)\":\"\(value)\"" }
        return out + "}"
    }

    static func registered(_ job: String, ts: String) -> String {
        line("Job registered for monitoring", ts: ts, [("job_name", job)])
    }

    static func started(_ job: String, ts: String, startTime: String = "2026-11-25T20:45:21Z") -> String {
        line("Job started", ts: ts, [("job_name", job), ("start_time", startTime)])
    }

    static func completed(_ job: String, ts: String, duration: String) -> String {
        line("Job completed successfully", ts: ts, [("job_name", job), ("duration", duration)])
    }

    static func failed(_ job: String, ts: String, duration: String, error: String, consecutive: Int = 1) -> String {
        line("Job failed", ts: ts, level: "error",
             [("job_name", job), ("duration", duration), ("error", error), ("consecutive_failures", String(consecutive))])
    }

    static func cleanup(ts: String, count: Int) -> String {
        line("Cleaned up old job statuses", ts: ts, [("cleaned_count", String(count))])
    }

    static func foreign(ts: String) -> String {
        line("HTTP request", ts: ts, [("path", "/api/v1/health")])
    }

    /// The analysis of `lines` (joined with newlines), read from memory with the real pipeline.
    static func analyze(_ lines: [String], configure: (inout Analyzer.Options) -> Void = { _ in }) throws -> Analysis {
        let dir = try TemporaryDirectory()
        let path = try dir.write("app.log", lines.joined(separator: "\n") + "\n")
        return JobscanCoreTests.analyze([path], configure: configure).0
    }
}
