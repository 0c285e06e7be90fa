import Foundation
import JobscanCore
import Testing

@Suite("CLI: jobscan as a user runs it")
struct CommandLineTests {
    @Test("stdin, '-' and a file name give the same report")
    func standardInput() throws {
        let log = try Data(contentsOf: CLI.packageRoot.appendingPathComponent(CLI.fixture("noise.log")))
        let byFile = try CLI.run(["--format", "health", CLI.fixture("noise.log")])
        let byStdin = try CLI.run(["--format", "health"], stdin: log)
        let byDash = try CLI.run(["--format", "health", "-"], stdin: log)
        #expect(byFile.status == 1)
        #expect(byStdin.stdout == byFile.stdout)
        #expect(byDash.stdout == byFile.stdout)
        #expect(byStdin.status == 1 && byDash.status == 1)
    }

    @Test("exit status follows the Nagios convention", arguments: [
        ("all_success.log", Int32(0)), ("noncritical_degraded.log", 1), ("critical_unhealthy.log", 2),
    ])
    func exitStatus(file: String, status: Int32) throws {
        let result = try CLI.run(["--stall-threshold", "1.5s", CLI.fixture(file)])
        #expect(result.status == status)
        #expect(try CLI.run(["--exit-zero", "--stall-threshold", "1.5s", CLI.fixture(file)]).status == 0)
    }

    @Test("no job event read is unknown: exit 3")
    func nothingRead() throws {
        let result = try CLI.run(["Samples/bad/empty.log"])
        #expect(result.status == 3)
        #expect(result.stdout.contains("UNKNOWN: no job event read"))
        #expect(try CLI.run(["--exit-zero", "Samples/bad/empty.log"]).status == 3)
    }

    @Test("a missing file is a one-line error and exit 3; the other files are still read")
    func missingFile() throws {
        let result = try CLI.run(["--format", "json", "no/such.log", CLI.fixture("all_success.log")])
        #expect(result.status == 3)
        #expect(result.stderr == "jobscan: no/such.log: cannot open: No such file or directory\n")
        let json = try JSONSerialization.jsonObject(with: result.stdoutBytes) as! [String: Any]
        #expect(json["verdict"] as? String == "healthy")
    }

    /// How the built-in inflater words a deflate block of an unknown type (the offset is the same).
    static let invalidBlock = GzipInflaterKind.builtIn == .zlib ? "invalid block type" : "invalid deflate block"

    @Test("corrupt and truncated gzip: one line naming the file and byte offset, exit 3", arguments: [
        ("Samples/bad/corrupt.log.gz", "jobscan: Samples/bad/corrupt.log.gz: corrupt gzip data at byte 835: \(invalidBlock)\n"),
        ("Samples/bad/truncated.log.gz", "jobscan: Samples/bad/truncated.log.gz: truncated gzip data: input ends at byte 830 inside a member\n"),
    ])
    func damagedGzip(path: String, message: String) throws {
        let result = try CLI.run(["--format", "json", path])
        #expect(result.status == 3)
        #expect(result.stderr == message)
        let json = try JSONSerialization.jsonObject(with: result.stdoutBytes) as! [String: Any]
        let input = json["input"] as! [String: Any]
        #expect((input["events"] as! Int) > 0)
    }

    @Test("malformed job events are diagnostics with file and line; the run goes on")
    func diagnostics() throws {
        let result = try CLI.run(["--format", "json", "Samples/bad/malformed.log"])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: result.stdoutBytes) as! [String: Any]
        let input = json["input"] as! [String: Any]
        #expect(input["diagnostics_by_reason"] as? [String: Int] == [
            "missing_field": 1, "invalid_duration": 1, "invalid_time": 1, "invalid_integer": 1, "malformed_json": 2,
        ])
        #expect(input["foreign_lines"] as? Int == 2)
        #expect(result.stderr.contains("jobscan: warning: Samples/bad/malformed.log:3: \"Job failed\": missing field job_name\n"))
        let crlf = try CLI.run(["--format", "json", "Samples/bad/crlf.log"])
        let crlfInput = (try JSONSerialization.jsonObject(with: crlf.stdoutBytes) as! [String: Any])["input"] as! [String: Any]
        #expect(crlfInput["diagnostics_by_reason"] as? [String: Int] == input["diagnostics_by_reason"] as? [String: Int])
        #expect(crlfInput["events"] as? Int == input["events"] as? Int)
    }

    @Test("--max-line-bytes skips and counts long lines")
    func maxLineBytes() throws {
        let result = try CLI.run(["--format", "json", "--max-line-bytes", "200", CLI.fixture("error_classification.log")])
        let input = (try JSONSerialization.jsonObject(with: result.stdoutBytes) as! [String: Any])["input"] as! [String: Any]
        #expect((input["overlong_lines"] as! Int) > 0)
        let full = try CLI.run(["--format", "json", CLI.fixture("error_classification.log")])
        let fullInput = (try JSONSerialization.jsonObject(with: full.stdoutBytes) as! [String: Any])["input"] as! [String: Any]
        #expect(fullInput["overlong_lines"] as? Int == 0)
        #expect(input["lines"] as? Int == fullInput["lines"] as? Int)
    }

    @Test("--timeline - writes NDJSON, one record per run")
    func timeline() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobscan-timeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("runs.ndjson").path
        let result = try CLI.run(["--stall-threshold", "1.5s", "--timeline", path, CLI.fixture("restart.log")])
        #expect(result.status == 0)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 20)  // 20 "Job started" lines in restart.log
        let records = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(Set(records.compactMap { $0["epoch"] as? Int }) == [0, 1])
        #expect(records.contains { $0["error"] as? String == "process restarted" })
    }

    @Test("--history PATH writes one NDJSON record per interval, the same as --history -, and --at cuts it")
    func history() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobscan-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("history.ndjson").path
        let result = try CLI.run(["--stall-threshold", "1.5s", "--format", "json", "--history", path, CLI.fixture("restart.log")])
        #expect(result.status == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let records = try text.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let json = try JSONSerialization.jsonObject(with: result.stdoutBytes) as! [String: Any]
        let history = (json["instances"] as! [[String: Any]])[0]["history"] as! [String: Any]
        #expect(records.count == history["records"] as? Int)
        #expect(records.first?["from"] as? String == history["from"] as? String)
        #expect(records.last?["to"] as? String == json["evaluated_at"] as? String)
        #expect(records.allSatisfy { Set($0.keys) == ["instance", "from", "to", "verdict", "http_status", "causes"] })
        #expect(records.allSatisfy { $0["instance"] as? String == CLI.fixture("restart.log") })
        let stdout = try CLI.run(["--stall-threshold", "1.5s", "--history", "-", CLI.fixture("restart.log")])
        #expect(stdout.stdout == text)
        let cut = try CLI.run(["--stall-threshold", "1.5s", "--at", "2026-11-25T20:46:06.2Z", "--history", "-",
                               CLI.fixture("restart.log")])
        let lines = cut.stdout.split(separator: "\n").filter { $0.hasPrefix("{") }
        // healthy, then btc_pending_transaction_processing failed, then btc_transaction_indexing too.
        #expect(lines.count == 3)
        #expect(lines.last?.contains(#""to":"2026-11-25T20:46:06.2Z""#) == true)
        let unwritable = try CLI.run(["--history", "/nonexistent/dir/h.ndjson", CLI.fixture("noise.log")])
        #expect(unwritable.status == 3)
        #expect(unwritable.stderr == "jobscan: /nonexistent/dir/h.ndjson: cannot write: No such file or directory\n")
    }

    @Test("bad options are usage errors with a message", arguments: [
        ["--stall-threshold", "5 minutes"], ["--at", "yesterday"], ["--format", "xml"], ["--max-line-bytes", "0"],
    ])
    func usageErrors(arguments: [String]) throws {
        let result = try CLI.run(arguments + [CLI.fixture("noise.log")])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: "))
    }

    @Test("--version prints the version and the gzip inflater built in, for both commands")
    func version() throws {
        let expected = "0.1.0 (gzip: \(GzipInflaterKind.builtIn))\n"
        #if ISAL
        #expect(expected == "0.1.0 (gzip: ISA-L)\n")
        #else
        #expect(expected == "0.1.0 (gzip: zlib)\n")
        #endif
        #expect(try CLI.run(["--version"]).stdout == expected)
        #expect(try CLI.run(["--version"], subcommand: "check").stdout == expected)
    }

    @Test("--help explains inputs, formats and exit codes")
    func help() throws {
        let result = try CLI.run(["--help"])
        #expect(result.status == 0)
        for phrase in ["standard input", "--format", "--at", "--stall-threshold", "Exit status", "--timeline", "--history"] {
            #expect(result.stdout.contains(phrase), "\(phrase)")
        }
    }

    @Test("colour only when asked or on a terminal without NO_COLOR")
    func colour() throws {
        let plain = try CLI.run(["--stall-threshold", "1.5s", CLI.fixture("noise.log")])
        #expect(!plain.stdout.contains("\u{1B}["))
        let forced = try CLI.run(["--color", "always", CLI.fixture("noise.log")])
        #expect(forced.stdout.contains("\u{1B}["))
    }

    @Test("an output that cannot be written is one line and exit 3, not a verdict's status")
    func unwritableOutput() throws {
        let result = try CLI.run(["--timeline", "/nonexistent/dir/runs.ndjson", CLI.fixture("noise.log")])
        #expect(result.status == 3)
        #expect(result.stderr == "jobscan: /nonexistent/dir/runs.ndjson: cannot write: No such file or directory\n")
        let check = try CLI.run(["--expect", "verdict == \"healthy\"", "--junit", "/nonexistent/dir/j.xml", CLI.fixture("all_success.log")],
                                subcommand: "check")
        #expect(check.status == 3)
        #expect(check.stderr == "jobscan: /nonexistent/dir/j.xml: cannot write: No such file or directory\n")
    }
}

@Suite("CLI: --at before the first event")
struct EvaluationBeforeLogTests {
    @Test("no job event up to --at is unknown, exit 3, not healthy")
    func atBeforeLog() throws {
        let result = try CLI.run(["--at", "2020-01-01T00:00:00Z", CLI.fixture("noise.log")])
        #expect(result.status == 3)
        #expect(result.stdout.contains("UNKNOWN: no job event up to --at"))
        let json = try CLI.run(["--format", "json", "--at", "2020-01-01T00:00:00Z", CLI.fixture("noise.log")])
        #expect((try JSONSerialization.jsonObject(with: json.stdoutBytes) as! [String: Any])["verdict"] as? String == "unknown")
    }
}

@Suite("CLI: a log without the job monitor's lines")
struct NoMonitorLinesTests {
    @Test("server starts and circuit-breaker lines alone give no verdict: exit 3")
    func onlyOtherEvents() throws {
        let log = """
            {"level":"info","ts":1795639535.995892,"caller":"logger/logger.go:76","msg":"Starting server","port":"8080"}
            {"level":"info","ts":1795639570.0816858,"caller":"logger/logger.go:76","msg":"Circuit breaker state change","service":"btc_rpc","from":"closed","to":"open"}

            """
        let result = try CLI.run([], stdin: Data(log.utf8))
        #expect(result.status == 3)
        #expect(result.stdout.contains("UNKNOWN: no job event read"))
    }
}
