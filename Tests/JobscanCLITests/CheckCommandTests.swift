import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite("CLI: jobscan check in a CI pipeline")
struct CheckCommandTests {
    static let settings = ["--stall-threshold", "1.5s"]

    @Test("exit 0 when every assertion holds, 1 when one fails")
    func passAndFail() throws {
        let pass = try CLI.run(Self.settings + ["--expect", "verdict == \"healthy\"", "--expect", "jobs.*.consecutive_failures == 0",
                                                CLI.fixture("all_success.log")], subcommand: "check")
        #expect(pass.status == 0)
        #expect(pass.stdout == "PASS verdict == \"healthy\"\nPASS jobs.*.consecutive_failures == 0\n2 passed, 0 failed\n")
        let fail = try CLI.run(Self.settings + ["--expect", "jobs.*.consecutive_failures < 3", CLI.fixture("critical_unhealthy.log")],
                               subcommand: "check")
        #expect(fail.status == 1)
        #expect(fail.stdout == "FAIL jobs.*.consecutive_failures < 3 — failed for btc_transaction_indexing (4)\n0 passed, 1 failed\n")
    }

    @Test("a job not in the log fails, naming the jobs that are")
    func unknownJob() throws {
        let result = try CLI.run(["--expect", "jobs.nope.status == \"success\"", CLI.fixture("restart.log")], subcommand: "check")
        #expect(result.status == 1)
        #expect(result.stdout.contains("no job 'nope' in the log; jobs in the log: btc_transaction_indexing, icy_swap_transaction_indexing"))
    }

    @Test("an expression error points at the column and exits 2, before any input is read")
    func expressionError() throws {
        let result = try CLI.run(["--expect", "summary.stalled_jobs 0", "no/such.log"], subcommand: "check")
        #expect(result.status == 2)
        #expect(result.stderr == """
            error: expected a comparison operator after 'summary.stalled_jobs', found '0'
              summary.stalled_jobs 0
                                   ^

            """)
    }

    @Test("usage errors exit 2", arguments: [[String](), ["--stall-threshold", "soon", "--expect", "verdict == \"healthy\""]])
    func usage(arguments: [String]) throws {
        let result = try CLI.run(arguments + [CLI.fixture("noise.log")], subcommand: "check")
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("Error: "))
    }

    @Test("unreadable input exits 3 even when the assertions hold")
    func unreadable() throws {
        let result = try CLI.run(["--expect", "input.files == 2", "no/such.log", CLI.fixture("noise.log")], subcommand: "check")
        #expect(result.status == 3)
        #expect(result.stderr == "jobscan: no/such.log: cannot open: No such file or directory\n")
        #expect(result.stdout == "PASS input.files == 2\n1 passed, 0 failed\n")
    }

    @Test("a rules file: names, comments, and file:line:column errors")
    func rulesFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobscan-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.rules")
        try "# fine\nok: verdict == \"healthy\"\nbroken: jobs.*.status ==\n".write(to: bad, atomically: true, encoding: .utf8)
        let result = try CLI.run(["--rules", bad.path, CLI.fixture("noise.log")], subcommand: "check")
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("\(bad.path):3:"))
        let ok = try CLI.run(Self.settings + ["--rules", "Samples/ci.rules", CLI.fixture("restart.log")], subcommand: "check")
        #expect(ok.status == 0)
        #expect(ok.stdout.hasSuffix("7 passed, 0 failed\n"))
        #expect(ok.stdout.hasPrefix("PASS healthy\n"))
    }

    @Test("--junit writes XML that parses back, with a testcase per assertion and matching counts")
    func junit() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobscan-junit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("report.xml").path
        let result = try CLI.run(Self.settings + ["--rules", "Samples/ci.rules", "--expect", "verdict == \"healthy\"", "--junit", path,
                                                  CLI.fixture("critical_unhealthy.log")], subcommand: "check")
        #expect(result.status == 1)
        let document = try XMLDocument(contentsOf: URL(fileURLWithPath: path))
        let suite = try #require(try document.nodes(forXPath: "/testsuites/testsuite").first as? XMLElement)
        #expect(suite.attribute(forName: "name")?.stringValue == "jobscan")
        #expect(suite.attribute(forName: "tests")?.stringValue == "8")
        #expect(suite.attribute(forName: "failures")?.stringValue == "4")
        let cases = try document.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement }
        #expect(cases.count == 8)
        let names = cases.compactMap { $0.attribute(forName: "name")?.stringValue }
        #expect(Set(names).count == 8)
        #expect(cases.compactMap { $0.attribute(forName: "classname")?.stringValue }.filter { $0 == "jobscan.ci" }.count == 7)
        let failures = try document.nodes(forXPath: "//failure").compactMap { $0 as? XMLElement }
        #expect(failures.count == 4)
        #expect(failures.contains { $0.attribute(forName: "message")?.stringValue?.contains("btc_transaction_indexing (4)") == true })
    }
}
