import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Hostile inputs and environments against the built binary: option values at Int64's ends,
/// control characters, full disks and closed descriptors.
@Suite("Hardening: the binary against hostile inputs")
struct HardeningCLITests {
    @Test("--max-line-bytes at Int64.max is a usage error (exit 64), not a trap")
    func hugeLineLimit() throws {
        let result = try CLI.run(["--max-line-bytes", "9223372036854775807", CLI.fixture("noise.log")])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--max-line-bytes"))
        let ok = try CLI.run(["--max-line-bytes", "1073741824", "--stall-threshold", "1.5s", CLI.fixture("noise.log")])
        #expect(ok.status == 1)
    }

    // MARK: terminal injection

    /// A log whose job names, logged status and a field value hold escape sequences, CR and an
    /// LF (as JSON escapes and raw bytes), one of them spelling a forged verdict row.
    static func hostileLog() throws -> String {
        let esc = "\u{1B}"
        let forged = #"evil\rverdict      HEALTHY (HTTP 200)\n"# + esc + "[2J" + esc + "]0;pwned\u{07}"
        let lines = [
            #"{"level":"info","ts":1795639521.1,"msg":"Job started","job_name":"\#(forged)","start_time":"2026-11-25T20:45:21Z"}"#,
            #"{"level":"error","ts":1795639521.2,"msg":"Job failed","job_name":"\#(forged)","duration":"1s","error":"bad\u001b[31m\r\nverdict HEALTHY","consecutive_failures":"1"}"#,
            #"{"level":"info","ts":1795639521.3,"msg":"Jobs health check completed","overall_status":"healthy\u001b[1A\rverdict      HEALTHY","duration":"3ms","total_jobs":"1","unhealthy_jobs":"0","stalled_jobs":"0","running_jobs":"0"}"#,
            #"{"level":"info","ts":1795639521.4,"msg":"Job completed successfully","job_name":"x\#(esc)[2K","duration":"\#(esc)[31mnot a duration"}"#,
        ]
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobscan-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("app\u{1B}[31m.log").path
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    private static func controlBytes(_ text: String) -> [UInt8] {
        text.utf8.filter { ($0 < 0x20 && $0 != 0x0A) || $0 == 0x7F }
    }

    @Test("the table and stderr carry no control character from the log, and no forged row")
    func tableAndStderr() throws {
        let path = try Self.hostileLog()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let result = try CLI.run(["--color", "never", path])
        #expect(Self.controlBytes(result.stdout).isEmpty, "\(result.stdout.debugDescription)")
        #expect(Self.controlBytes(result.stderr).isEmpty, "\(result.stderr.debugDescription)")
        let verdictRows = result.stdout.split(separator: "\n").filter { $0.hasPrefix("verdict") }
        #expect(verdictRows.count == 1)
        #expect(verdictRows.first?.contains("HEALTHY") == false)
        #expect(result.stdout.contains(#"evil\rverdict"#), "the name is shown, escaped")
        // Other formats report malformed events on stderr.
        let health = try CLI.run(["--format", "health", path])
        #expect(health.stderr.contains("warning:"), "the bad duration is reported")
        #expect(Self.controlBytes(health.stderr).isEmpty, "\(health.stderr.debugDescription)")
    }

    @Test("the check text report carries no control character from the log")
    func checkText() throws {
        let path = try Self.hostileLog()
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let result = try CLI.run(["--expect", "jobs.*.status == \"success\"", "--expect", "jobs.*.last_error == \"\"", path],
                                 subcommand: "check")
        #expect(result.status == 1)
        #expect(Self.controlBytes(result.stdout).isEmpty, "\(result.stdout.debugDescription)")
        #expect(Self.controlBytes(result.stderr).isEmpty, "\(result.stderr.debugDescription)")
        #expect(result.stdout.split(separator: "\n").count == 3)
    }

    @Test("JSON, textfile and JUnit escape the same log by their own rules")
    func machineFormats() throws {
        let path = try Self.hostileLog()
        let dir = (path as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let json = try CLI.run(["--format", "json", path])
        #expect(Self.controlBytes(json.stdout).isEmpty)
        let document = try JSONSerialization.jsonObject(with: json.stdoutBytes) as? [String: Any]
        let jobs = (document?["instances"] as? [[String: Any]])?.first?["jobs"] as? [String: Any]
        #expect(jobs?.keys.contains { $0.hasPrefix("evil\rverdict") } == true)
        let prom = dir + "/jobs.prom"
        _ = try CLI.run(["--textfile", prom, path])
        // The exposition format escapes only \\, " and LF in label values: no line may be forged.
        let text = try String(contentsOfFile: prom, encoding: .utf8)
        for line in text.split(separator: "\n") {
            #expect(line.hasPrefix("#") || line.hasPrefix("icy_backend_") || line.hasPrefix("jobscan_"), "\(line.debugDescription)")
        }
        let junit = dir + "/junit.xml"
        _ = try CLI.run(["--expect", "jobs.*.status == \"success\"", "--junit", junit, path], subcommand: "check")
        let xml = try Data(contentsOf: URL(fileURLWithPath: junit))
        #expect(Self.controlBytes(String(decoding: xml, as: UTF8.self)).isEmpty)
        _ = try XMLDocument(data: xml)
    }

    // MARK: lost writes and closed descriptors

    /// Runs `script` with `sh -c` from the package root, `$JOBSCAN` naming the binary; stderr
    /// goes to a file (unless the script closes it) and comes back with the status.
    static func shell(_ script: String) throws -> (status: Int32, stderr: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobscan-sh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let errURL = dir.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = CLI.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["JOBSCAN"] = CLI.binary.path
        process.environment = env
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try err.close()
        return (process.terminationStatus, try String(contentsOf: errURL, encoding: .utf8))
    }

    static let log = "Samples/fixtures/noise.log"

    @Test("stdout on a full disk, or closed: one line and exit 3", arguments: [
        ("exec >/dev/full; \"$JOBSCAN\" \(log)", "standard output: cannot write: No space left on device"),
        ("exec >&-; \"$JOBSCAN\" \(log)", "standard output: cannot write: Bad file descriptor"),
        ("exec >/dev/full; \"$JOBSCAN\" --format json \(log)", "standard output: cannot write: No space left on device"),
        ("exec >/dev/full; \"$JOBSCAN\" check --expect 'verdict == \"healthy\"' \(log)", "standard output: cannot write: No space left on device"),
    ])
    func lostStandardOutput(_ script: String, _ message: String) throws {
        let result = try Self.shell(script)
        #expect(result.status == 3)
        #expect(result.stderr == "jobscan: \(message)\n")
    }

    @Test("--timeline and --junit to /dev/full: one line and exit 3", arguments: [
        "\"$JOBSCAN\" --timeline /dev/full \(log) >/dev/null",
        "\"$JOBSCAN\" check --expect 'verdict == \"degraded\"' --junit /dev/full \(log) >/dev/null",
    ])
    func lostFiles(_ script: String) throws {
        let result = try Self.shell(script)
        #expect(result.status == 3)
        #expect(result.stderr == "jobscan: /dev/full: cannot write: No space left on device\n")
    }

    @Test("with stderr closed, an output file never receives the error messages")
    func closedStandardError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobscan-fd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let timeline = dir.appendingPathComponent("runs.ndjson").path
        let result = try Self.shell("exec 2>&-; \"$JOBSCAN\" --timeline '\(timeline)' no/such.log \(Self.log) >/dev/null")
        #expect(result.status == 3, "the unreadable input")
        let text = try String(contentsOfFile: timeline, encoding: .utf8)
        #expect(!text.isEmpty)
        for line in text.split(separator: "\n") {
            #expect(line.hasPrefix("{\"instance\":"), "\(line)")
        }
    }

    // MARK: small miscounts

    @Test("an empty or comments-only rules file is a usage error (exit 2)", arguments: ["", "# nothing\n\n   # at all\n"])
    func emptyRules(_ text: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobscan-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let rules = dir.appendingPathComponent("ci.rules").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: rules))
        let result = try CLI.run(["--rules", rules, Self.log], subcommand: "check")
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(rules):1:1: expected at least one rule"))
        #expect(result.stdout.isEmpty)
    }

    // MARK: cardinality

    @Test("--max-jobs: events of further jobs are counted, with a warning on stderr and in the table")
    func maxJobs() throws {
        let lines = (0..<50).map { #"{"level":"info","ts":1795639521.\#($0),"msg":"Job started","job_name":"job_\#($0)","start_time":"2026-11-25T20:45:21Z"}"# }
        let result = try CLI.run(["--max-jobs", "10", "-"], stdin: Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(result.stderr.contains("warning: instance <stdin>: <stdin>:11: more than 10 jobs (--max-jobs): 40 event(s) of further jobs were counted, not replayed; the first names job_10"))
        #expect(result.stdout.contains("more than 10 jobs (--max-jobs)"))
        #expect(result.stdout.contains("10 jobs: 10 running"))
        let bad = try CLI.run(["--max-jobs", "0", "-"])
        #expect(bad.status == 64)
    }
}
