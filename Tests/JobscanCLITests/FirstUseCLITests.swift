import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Issue 12: the command line as a demanding first-time user finds it.
@Suite("CLI: subcommands, help and usage")
struct SubcommandTests {
    @Test("jobscan help, help check, check --help, --help: each a help screen, exit 0")
    func help() throws {
        let root = try CLI.run(["help"])
        #expect(root.status == 0)
        #expect(root.stdout.contains("USAGE: jobscan [report] [<file> ...]"))
        #expect(root.stdout.contains("jobscan check --expect <expr>"))
        #expect(root.stdout.contains("SUBCOMMANDS:"))
        #expect(root.stdout.contains("report (default)"))
        #expect(try CLI.run(["--help"]).stdout == root.stdout)
        let check = try CLI.run(["help", "check"])
        #expect(check.status == 0)
        #expect(check.stdout.contains("USAGE: jobscan check ") && check.stdout.contains("--expect <expr>"))
        #expect(try CLI.run(["check", "--help"]).stdout == check.stdout)
        let report = try CLI.run(["help", "report"])
        #expect(report.stdout.contains("USAGE: jobscan report "))
        for phrase in ["--format", "--at", "--stall-threshold", "--timeline", "--history", "--wide", "Exit status", "./check"] {
            #expect(report.stdout.contains(phrase), "\(phrase)")
        }
        #expect(!report.stdout.contains("--rules <file>") && !report.stdout.contains("--junit <path>"))
    }

    @Test("jobscan FILE is jobscan report FILE")
    func defaultSubcommand() throws {
        let plain = try CLI.run(["--stall-threshold", "1.5s", CLI.fixture("noise.log")])
        let explicit = try CLI.run(["--stall-threshold", "1.5s", CLI.fixture("noise.log")], subcommand: "report")
        #expect(plain.status == 1 && explicit.status == 1)
        #expect(plain.stdout == explicit.stdout)
        #expect(plain.stdout.hasPrefix("JOB "))
    }

    @Test("a log file named check reads as ./check or after --")
    func fileNamedCheck() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobscan-named-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent(CLI.fixture("noise.log")),
                                         to: dir.appendingPathComponent("check"))
        let dotted = try CLI.run(["--format", "health", "./check"], in: dir)
        let dashed = try CLI.run(["--format", "health", "--", "check"], in: dir)
        let reference = try CLI.run(["--format", "health", CLI.fixture("noise.log")])
        #expect(dotted.status == 1 && dashed.status == 1)
        #expect(dotted.stdout == reference.stdout && dashed.stdout == reference.stdout)
    }

    @Test("usage errors: check's exit 2, the report's 64; both print the subcommand's usage")
    func usageErrors() throws {
        let check = try CLI.run(["--stall-threshold", "soon", "--expect", "verdict == \"healthy\""], subcommand: "check")
        #expect(check.status == 2)
        #expect(check.stderr.contains("Usage: jobscan check "))
        let report = try CLI.run(["--stall-threshold", "soon"])
        #expect(report.status == 64)
        #expect(report.stderr.contains("Usage: jobscan report "))
    }
}

@Suite("CLI: shell completions")
struct CompletionTests {
    static func script(_ shell: String) throws -> URL {
        let result = try CLI.run(["--generate-completion-script", shell])
        #expect(result.status == 0)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jobscan-completion-\(UUID().uuidString).\(shell)")
        try Data(result.stdout.utf8).write(to: url)
        return url
    }

    /// What bash's completion function offers for the words after `jobscan` (the last is completed).
    static func bashCompletions(_ script: URL, _ words: [String]) throws -> [String] {
        let program = """
            source "$1"; shift
            COMP_WORDS=(jobscan "$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            _jobscan jobscan "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try Program.run("/bin/bash", ["-c", program, "bash", script.path] + words)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init).sorted()
    }

    @Test("bash: files for file arguments, the subcommands, each command's own options")
    func bash() throws {
        let script = try Self.script("bash")
        defer { try? FileManager.default.removeItem(at: script) }
        #expect(try Self.bashCompletions(script, ["Samples/fix"]) == ["Samples/fixtures"])
        #expect(try Self.bashCompletions(script, ["check", "Samples/fix"]) == ["Samples/fixtures"])
        #expect(try Self.bashCompletions(script, ["Samples/fixtures/noise.log", "Samples/fixtures/noise.lo"])
                    == ["Samples/fixtures/noise.log", "Samples/fixtures/noise.log.gz"])
        let first = try Self.bashCompletions(script, [""])
        #expect(["check", "report", "help", "README.md", "Samples"].allSatisfy(first.contains))
        #expect(try Self.bashCompletions(script, ["check", "--ex"]) == ["--expect"])
        #expect(try Self.bashCompletions(script, ["--ex"]) == ["--exit-zero"])
        #expect(try Self.bashCompletions(script, ["check", "--rules", "Samples/ci.r"]) == ["Samples/ci.rules"])
        #expect(try Self.bashCompletions(script, ["--format", "j"]) == ["json"])
        // After a file, a word is a file again, not a subcommand's name.
        #expect(!(try Self.bashCompletions(script, ["README.md", "ch"])).contains("check"))
    }

    @Test("zsh and fish: generated, their syntax checked, the subcommands and file completion in them")
    func zshAndFish() throws {
        let zsh = try Self.script("zsh"), fish = try Self.script("fish")
        defer { try? FileManager.default.removeItem(at: zsh); try? FileManager.default.removeItem(at: fish) }
        #expect(try Program.run("/usr/bin/zsh", ["-n", zsh.path]).status == 0)
        #expect(try Program.run("/usr/bin/fish", ["--no-execute", fish.path]).status == 0)
        let zshText = try String(contentsOf: zsh, encoding: .utf8), fishText = try String(contentsOf: fish, encoding: .utf8)
        #expect(zshText.contains("_jobscan_check()") && zshText.contains("'*:file:_files'"))
        #expect(zshText.contains("        *)\n            _jobscan_report && ret=0"))
        #expect(fishText.contains("\"jobscan check\"' -l 'expect'") && fishText.contains("-eq 1' -F\n"))
    }
}

@Suite("CLI: an output sent to standard output owns it")
struct StandardOutputOwnerTests {
    @Test("--timeline - and --history - print that output alone", arguments: ["--timeline", "--history"])
    func alone(option: String) throws {
        let result = try CLI.run(["--stall-threshold", "1.5s", option, "-", CLI.fixture("noise.log")])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) is [String: Any] })
    }

    @Test("--html - prints the page alone")
    func html() throws {
        let result = try CLI.run(["--stall-threshold", "1.5s", "--html", "-", CLI.fixture("noise.log")])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(result.stdout.hasSuffix("</html>\n"))
        #expect(!result.stdout.contains("cross-check  5 logged health check(s)"))
    }

    @Test("check --junit - prints the XML alone")
    func junit() throws {
        let result = try CLI.run(["--stall-threshold", "1.5s", "--expect", "verdict == \"degraded\"", "--junit", "-", CLI.fixture("noise.log")],
                                 subcommand: "check")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("<?xml"))
        _ = try XMLDocument(data: result.stdoutBytes)
    }

    @Test("two outputs to -, or --format beside one, are a usage error", arguments: [
        ["--timeline", "-", "--history", "-"], ["--format", "json", "--timeline", "-"], ["--html", "-", "--history", "-"],
    ])
    func twoOwners(arguments: [String]) throws {
        let result = try CLI.run(arguments + [CLI.fixture("noise.log")])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: "))
        #expect(result.stderr.contains("write to standard output"))
        #expect(result.stdout.isEmpty)
    }
}

@Suite("CLI: check's rule errors come first")
struct CheckRuleErrorTests {
    @Test("a type error is an expression error: exit 2 with a caret, before any input is read")
    func typeError() throws {
        let result = try CLI.run(["--expect", "summary.stalled_jobs == 0s", "no/such.log"], subcommand: "check")
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
            error: expected a number to compare with 'summary.stalled_jobs' (an integer), found duration '0s'
              summary.stalled_jobs == 0s
                                      ^

            """)
    }

    @Test("a rules file's errors: file:line:column, exit 2, and the JUnit file written with each as an <error>")
    func junitOnRulesError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobscan-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let typed = dir.appendingPathComponent("typed.rules"), broken = dir.appendingPathComponent("broken.rules")
        try "ok: verdict == \"healthy\"\nstalls: summary.stalled_jobs == 0s\n".write(to: typed, atomically: true, encoding: .utf8)
        try "broken: jobs.*.status ==\n".write(to: broken, atomically: true, encoding: .utf8)
        let junit = dir.appendingPathComponent("junit.xml").path
        let result = try CLI.run(["--rules", typed.path, "--rules", broken.path, "--junit", junit, "no/such.log"], subcommand: "check")
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(typed.path):2:33: expected a number"))
        #expect(result.stderr.contains("\(broken.path):1:25: expected a value after '=='"))
        #expect(!result.stderr.contains("no/such.log"))
        let document = try XMLDocument(contentsOf: URL(fileURLWithPath: junit))
        let errors = try document.nodes(forXPath: "//testcase/error").compactMap { $0 as? XMLElement }
        #expect(errors.count == 2)
        #expect(errors.allSatisfy { $0.attribute(forName: "type")?.stringValue == "expression" })
        let suite = try #require(try document.nodes(forXPath: "/testsuites/testsuite").first as? XMLElement)
        #expect(suite.attribute(forName: "errors")?.stringValue == "2")
        let classes = try document.nodes(forXPath: "//testcase").compactMap { ($0 as? XMLElement)?.attribute(forName: "classname")?.stringValue }
        #expect(Set(classes) == ["jobscan.typed", "jobscan.broken"])
    }
}

@Suite("CLI: warnings, the wall clock, the terminal")
struct FirstUseBehaviourTests {
    @Test("--critical-jobs naming a job the log never mentions warns, naming it; the default set does not")
    func criticalTypo() throws {
        let typo = try CLI.run(["--stall-threshold", "1.5s", "--critical-jobs", "btc_transaction_indexing,swap_request_procesing",
                                CLI.fixture("noise.log")])
        #expect(typo.stderr.contains(
            "jobscan: warning: critical job swap_request_procesing does not appear in the log (a typo in --critical-jobs?)\n"))
        #expect(!typo.stderr.contains("btc_transaction_indexing does not appear"))
        let standard = try CLI.run(["--stall-threshold", "1.5s", CLI.fixture("restart.log")])
        #expect(!standard.stderr.contains("critical job"))
    }

    @Test("--at now judges the stalls at the wall clock (SOURCE_DATE_EPOCH fixes it)")
    func atNow() throws {
        // restart.log ends at 20:46:09 with a job running; an hour later it has stalled.
        let log = CLI.fixture("restart.log")
        #expect(try CLI.run(["--stall-threshold", "1.5s", log]).status == 0)
        let later = try CLI.run(["--stall-threshold", "1.5s", "--at", "now", "--format", "json", log],
                                environment: ["SOURCE_DATE_EPOCH": "1795643169"])
        #expect(later.status == 2)
        let json = try JSONSerialization.jsonObject(with: later.stdoutBytes) as! [String: Any]
        #expect(json["evaluated_at"] as? String == "2026-11-25T21:46:09Z")
        let instance = (json["instances"] as! [[String: Any]])[0]
        #expect((instance["summary"] as! [String: Any])["stalled_jobs"] as? Int == 1)
        #expect(try CLI.run(["--at", "now", log]).status != 64)
    }

    @Test("Ctrl-C while reading a pipe that stays open: the report of what was read, exit 130")
    func interrupt() throws {
        let log = try Data(contentsOf: CLI.packageRoot.appendingPathComponent(CLI.fixture("noise.log")))
        let reference = try CLI.run(["--stall-threshold", "1.5s"], stdin: log)
        let result = try Program.interrupting(CLI.binary, ["--stall-threshold", "1.5s"], feeding: log)
        #expect(result.status == 130)
        #expect(result.stdout == reference.stdout)
        #expect(result.stderr == "jobscan: interrupted: the report covers what was read before Ctrl-C\n")
    }

    @Test("no file and standard input a terminal: a one-line hint, then the input is read")
    func terminalHint() throws {
        // script(1) gives jobscan a terminal; Ctrl-D a second later ends the input.
        let command = "'\(CLI.binary.path)' --format input"
        let result = try Program.run("/bin/bash", ["-c", "(sleep 1; printf '\\004'; sleep 1) | script -qec \"$1\" /dev/null", "bash", command])
        #expect(result.status == 3)
        #expect(result.stdout.hasPrefix("jobscan: reading standard input (a terminal); give a log file, or pipe one in; --help for more\r\n"))
        #expect(result.stdout.contains("files        1: <stdin> (plain, 0 B)"))
        let piped = try CLI.run(["--format", "input"], stdin: Data())
        #expect(!piped.stderr.contains("reading standard input"))
    }

    @Test("the table fits COLUMNS: LAST ERROR cut to fit; --wide shows it in full")
    func width() throws {
        let log = CLI.fixture("error_classification.log")
        let standard = try CLI.run(["--stall-threshold", "1.5s", log])
        let narrow = try CLI.run(["--stall-threshold", "1.5s", log], environment: ["COLUMNS": "150"])
        let rows = { (text: String) in text.split(separator: "\n").prefix { !$0.hasPrefix("(*") && !$0.isEmpty } }
        #expect(rows(standard.stdout).contains { $0.count > 150 })
        #expect(rows(narrow.stdout).allSatisfy { $0.count <= 150 })
        #expect(rows(narrow.stdout).contains { $0.count == 150 && $0.hasSuffix("…") })
        let wide = try CLI.run(["--stall-threshold", "1.5s", "--wide", log], environment: ["COLUMNS": "150"])
        let json = try JSONSerialization.jsonObject(with: try CLI.run(["--stall-threshold", "1.5s", "--format", "health", log]).stdoutBytes)
        let errors = ((json as! [String: Any])["jobs"] as! [String: [String: Any]]).values.compactMap { $0["last_error"] as? String }
        #expect(!errors.isEmpty)
        // Errors without control characters, which the table turns into spaces.
        for error in errors where !error.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            #expect(wide.stdout.contains(error), "\(error)")
        }
    }

    @Test("a cross-check disagreement says which figures differ")
    func crossCheckDifferences() throws {
        let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent(CLI.fixture("noise.log")), encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.contains("Jobs health check completed") })
        let changed = text.replacingOccurrences(of: line, with: line.replacingOccurrences(of: #""total_jobs":"6""#, with: #""total_jobs":"7""#)
            .replacingOccurrences(of: #""running_jobs":"0""#, with: #""running_jobs":"2""#))
        let result = try CLI.run(["--stall-threshold", "1.5s"], stdin: Data(changed.utf8))
        #expect(result.stdout.contains("cross-check  5 logged health check(s), 1 disagree\n"))
        #expect(result.stdout.contains(": logged healthy, replay healthy: total_jobs 7 vs 6, running_jobs 2 vs 0\n"))
    }
}

/// Runs other programs for the tests above: shells, and jobscan fed through a pipe left open.
enum Program {
    static func run(_ executable: String, _ arguments: [String]) throws -> CLI.Result {
        try launch(URL(fileURLWithPath: executable), arguments) { _ in }
    }

    /// Runs `binary` with `data` written to a pipe that stays open, then sends SIGINT once jobscan
    /// has had a second to read it.
    static func interrupting(_ binary: URL, _ arguments: [String], feeding data: Data) throws -> CLI.Result {
        let pipe = Pipe()
        return try launch(binary, arguments, stdin: pipe) { process in
            pipe.fileHandleForWriting.write(data)
            Thread.sleep(forTimeInterval: 1)
            kill(process.processIdentifier, SIGINT)
            process.waitUntilExit()
            try? pipe.fileHandleForWriting.close()
        }
    }

    private static func launch(_ executable: URL, _ arguments: [String], stdin: Pipe? = nil,
                               whileRunning: (Process) throws -> Void) throws -> CLI.Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = CLI.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["COLUMNS"] = nil
        process.environment = env
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobscan-shell-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let outURL = dir.appendingPathComponent("out"), errURL = dir.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin ?? FileHandle.nullDevice
        try process.run()
        try whileRunning(process)
        process.waitUntilExit()
        try out.close(); try err.close()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return CLI.Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData)
    }
}
