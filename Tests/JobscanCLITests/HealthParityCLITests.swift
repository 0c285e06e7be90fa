import Foundation
import Testing

/// The acceptance line of the replay issue, run as a user would: `jobscan --format health
/// --stall-threshold T --retention R FILE` against each fixture's expected.json.
@Suite("CLI: --format health reproduces every fixture's expected.json")
struct HealthParityCLITests {
    static func nanos(_ value: Any?) -> Int64? {
        guard let text = value as? String else { return nil }
        // Go's zero time ("never") is out of Int64 nanoseconds' reach.
        if text.hasPrefix("0001-01-01T00:00:00") { return .min }
        // RFC 3339 with up to nine fraction digits and an offset.
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let dot = text.firstIndex(of: ".") ?? text.lastIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) else { return nil }
        var fraction = ""
        var rest = text[dot...]
        if rest.hasPrefix(".") {
            rest = rest.dropFirst()
            fraction = String(rest.prefix { $0.isNumber })
            rest = rest.dropFirst(fraction.count)
        }
        guard let date = formatter.date(from: String(text[..<dot]) + rest) else { return nil }
        let padded = (fraction + "000000000").prefix(9)
        return Int64(date.timeIntervalSince1970) * 1_000_000_000 + (Int64(padded) ?? 0)
    }

    @Test("statuses, counts, errors, metadata and durations exact; times within the log's precision",
          arguments: CLI.scenarios, [".log", ".log.gz"])
    func health(scenario: String, suffix: String) throws {
        let data = try Data(contentsOf: CLI.packageRoot.appendingPathComponent(CLI.fixture("\(scenario).expected.json")))
        let expected = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let result = try CLI.run(try CLI.settings(scenario) + ["--format", "health", CLI.fixture(scenario + suffix)])
        let body = try JSONSerialization.jsonObject(with: result.stdoutBytes) as! [String: Any]
        #expect(body["status"] as? String == expected["overall_status"] as? String)
        let http = ["healthy": 200, "degraded": 206, "unhealthy": 503][body["status"] as? String ?? ""]
        #expect(http == expected["http_status"] as? Int)
        #expect(result.status == ["healthy": 0, "degraded": 1, "unhealthy": 2][body["status"] as? String ?? ""])
        let jobs = body["jobs"] as! [String: [String: Any]]
        let want = expected["jobs"] as! [String: [String: Any]]
        #expect(Set(jobs.keys) == Set(want.keys))
        for (name, w) in want {
            let g = try #require(jobs[name])
            for key in ["status", "last_error", "next_run_time"] {
                #expect(g[key] as? String == w[key] as? String, "\(name).\(key)")
            }
            for key in ["last_duration_ms", "success_count", "failure_count", "consecutive_failures",
                        "average_execution_ms", "max_execution_ms", "min_execution_ms"] {
                #expect((g[key] as? NSNumber)?.int64Value == (w[key] as? NSNumber)?.int64Value, "\(name).\(key)")
            }
            let gm = (g["metadata"] as? [String: String] ?? [:]).filter { $0.key != "stack_trace" }
            let wm = (w["metadata"] as? [String: String] ?? [:]).filter { $0.key != "stack_trace" }
            #expect(gm == wm, "\(name).metadata")
            for key in ["last_run_time", "created_at", "updated_at"] {
                let gt = Self.nanos(g[key]), wt = Self.nanos(w[key])
                #expect(gt != nil && wt != nil && (gt == wt || abs(gt! - wt!) < 2_000_000), "\(name).\(key)")
            }
        }
        let summary = body["summary"] as! [String: Any], wantSummary = expected["summary"] as! [String: Any]
        for key in ["total_jobs", "running_jobs", "healthy_jobs", "unhealthy_jobs", "stalled_jobs"] {
            #expect(summary[key] as? Int == wantSummary[key] as? Int, "summary.\(key)")
        }
    }
}
