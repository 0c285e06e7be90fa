import Foundation
import Testing

/// Each sample log sits next to the outputs it must produce (`X.report.txt`, `X.report.json`,
/// `X.timeline.ndjson`, `X.history.ndjson`, the textfile `X.prom`, and `X.junit.xml` for `Samples/ci.rules`). `JOBSCAN_UPDATE_GOLDEN=1 swift test` rewrites them after a deliberate
/// change; review the diff before committing it.
@Suite("Golden: each sample next to the outputs it must produce")
struct GoldenTests {
    static let scenarios = CLI.scenarios
    static func settings(_ scenario: String) throws -> [String] { try CLI.settings(scenario) }

    static func compare(_ actual: String, golden name: String) throws {
        let url = CLI.packageRoot.appendingPathComponent(CLI.fixture(name))
        if ProcessInfo.processInfo.environment["JOBSCAN_UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(name) differs; JOBSCAN_UPDATE_GOLDEN=1 swift test rewrites it")
    }

    @Test("the table report", arguments: scenarios)
    func table(scenario: String) throws {
        let result = try CLI.run(try Self.settings(scenario) + [CLI.fixture("\(scenario).log")])
        try Self.compare(result.stdout, golden: "\(scenario).report.txt")
    }

    @Test("the JSON document", arguments: scenarios)
    func json(scenario: String) throws {
        let result = try CLI.run(try Self.settings(scenario) + ["--format", "json", CLI.fixture("\(scenario).log")])
        try Self.compare(result.stdout, golden: "\(scenario).report.json")
    }

    @Test("the run timeline", arguments: scenarios)
    func timeline(scenario: String) throws {
        let result = try CLI.run(try Self.settings(scenario) + ["--timeline", "-", CLI.fixture("\(scenario).log")])
        let ndjson = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0.hasPrefix("{") }.joined(separator: "\n") + "\n"
        try Self.compare(ndjson, golden: "\(scenario).timeline.ndjson")
    }

    @Test("the verdict through time", arguments: scenarios)
    func history(scenario: String) throws {
        let result = try CLI.run(try Self.settings(scenario) + ["--history", "-", CLI.fixture("\(scenario).log")])
        let ndjson = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0.hasPrefix("{") }.joined(separator: "\n") + "\n"
        try Self.compare(ndjson, golden: "\(scenario).history.ndjson")
    }

    @Test("the JUnit XML of the CI rules", arguments: scenarios)
    func junit(scenario: String) throws {
        let result = try CLI.run(try Self.settings(scenario) + ["--junit", "-", "--rules", "Samples/ci.rules", CLI.fixture("\(scenario).log")],
                                 subcommand: "check", environment: ["SOURCE_DATE_EPOCH": "1795639600"])
        #expect(result.status == 0 || result.status == 1)
        let xml = String(result.stdout[result.stdout.range(of: "<?xml")!.lowerBound...])
        try Self.compare(xml, golden: "\(scenario).junit.xml")
    }

    @Test("the Prometheus textfile", arguments: scenarios)
    func textfile(scenario: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobscan-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("\(scenario).prom").path
        let result = try CLI.run(try Self.settings(scenario) + ["--format", "input", "--textfile", path, CLI.fixture("\(scenario).log")])
        #expect(result.status != 3)
        try Self.compare(try String(contentsOfFile: path, encoding: .utf8), golden: "\(scenario).prom")
    }
}
