import Foundation
import Testing
@testable import JobscanCore

/// Every container log shape of `Samples/shapes` (made by its generate.py from the oracle
/// fixtures) holds three instances side by side; each must replay to exactly the state of its
/// own fixture's expected.json.
@Suite("Fleets: every shape, three instances, each its own world")
struct FleetShapeTests {
    static let shapesRoot = Package.root.appendingPathComponent("Samples/shapes")

    /// `sample → instance name → fixture scenario`, as the generator wrote it.
    static let manifest: [String: [String: String]] = {
        let data = try! Data(contentsOf: shapesRoot.appendingPathComponent("instances.json"))
        return try! JSONSerialization.jsonObject(with: data) as! [String: [String: String]]
    }()

    static let samples = manifest.keys.sorted()

    static func analyzeSample(_ sample: String, threaded: Bool = true, paths: [String]? = nil) -> FleetAnalysis {
        analyzeFleet(paths ?? [shapesRoot.appendingPathComponent(sample).path]) {
            $0.replay.stallThreshold = 1_500_000_000
            $0.threaded = threaded
            if sample == "plain" { $0.plainGrouping = .directory }
        }
    }

    /// The sample's instance names as the analysis gives them (plain ones are paths).
    static func names(_ fleet: FleetAnalysis) -> [String] {
        fleet.instances.map { name in
            name.instance.name.replacingOccurrences(of: Package.root.path + "/", with: "")
        }
    }

    @Test("each instance has exactly the state of its own log", arguments: samples)
    func eachInstanceItsOwnState(sample: String) throws {
        let fleet = Self.analyzeSample(sample)
        let expected = Self.manifest[sample]!
        #expect(fleet.errors.isEmpty, "\(fleet.errors)")
        #expect(Set(Self.names(fleet)) == Set(expected.keys), "\(sample)")
        for (analysis, name) in zip(fleet.instances, Self.names(fleet)) {
            guard let scenario = expected[name] else { continue }
            try FixtureParityTests.compare(analysis, try FixtureParityTests.Expected(scenario), "\(sample) \(name)", evaluationTime: false)
        }
        // One instant for all: the latest line of the whole input.
        let latest = fleet.instances.compactMap(\.replay.lastLineTime).max()
        #expect(fleet.instances.allSatisfy { $0.replay.evaluatedAt == latest })
        // The worst verdict: two of the three fixtures are unhealthy.
        #expect(fleet.verdict == (expected.count == 1 ? .degraded : .unhealthy))
    }

    @Test("every record is accounted for: events, foreign lines, diagnostics, joined partials", arguments: samples)
    func everyRecordAccounted(sample: String) throws {
        let fleet = Self.analyzeSample(sample)
        let input = fleet.input
        #expect(input.lines == input.eventCount + input.foreignLines + input.diagnosticCount + input.joinedRecords + input.overlongLines,
                "\(sample): \(input.content)")
        // Instances' own figures add up to the whole, but for what belongs to no instance.
        let routed = fleet.instances.reduce(0) { $0 + $1.input.lines }
        #expect(routed + input.joinedRecords + input.unattributedLines + input.overlongLines
                + input.diagnostics.filter { [.malformedEnvelope, .truncatedField, .overlongJoinedLine].contains($0.key) }.values.reduce(0, +)
                == input.lines, "\(sample)")
        let events = fleet.instances.reduce(0) { $0 + $1.input.eventCount }
        #expect(events == input.eventCount)
    }

    @Test("one thread per stage or none: the same analysis", arguments: samples)
    func threadedOrNot(sample: String) throws {
        let one = JSONReport.render(Self.analyzeSample(sample, threaded: false))
        let many = JSONReport.render(Self.analyzeSample(sample, threaded: true))
        #expect(one == many)
    }

    @Test("rotated files named in glob order give the answer of time order", arguments: ["docker", "cri", "plain"])
    func globOrderIsTimeOrder(sample: String) throws {
        let files = InputCatalog.logFiles(under: Self.shapesRoot.appendingPathComponent(sample).path)
        let rotated = files.filter { $0.contains(".log.") }
        #expect(rotated.count == 2, "\(sample): \(files)")
        // A shell glob (`0.log*`, `app.log*`) lists the current file first.
        let glob = files.sorted()
        let timeOrder = files.sorted { a, b in
            func rank(_ p: String) -> Int { p.hasSuffix(".gz") ? 0 : p.contains(".log.") || p.hasSuffix("-json.log.1") ? 1 : 2 }
            return (rank(a), a) < (rank(b), b)
        }
        #expect(glob != timeOrder)
        let a = Self.analyzeSample(sample, paths: glob)
        let b = Self.analyzeSample(sample, paths: timeOrder)
        #expect(a.warnings.isEmpty, "\(a.warnings)")
        for (x, y) in zip(a.instances, b.instances) {
            #expect(HealthReport.render(x.replay) == HealthReport.render(y.replay))
            #expect(x.input.files.map(\.name) == y.input.files.map(\.name), "read in the same order")
        }
        #expect(a.instances.count == 3)
        #expect(a.instances.contains { $0.input.files.count == 3 })
    }

    @Test("journald: a MESSAGE of bytes is read, a null MESSAGE is a diagnostic that says --all")
    func journaldMessages() throws {
        let fleet = Self.analyzeSample("journald/journal.json")
        #expect(fleet.input.diagnostics[.truncatedField] == 1)
        let sample = try #require(fleet.input.diagnosticSamples.first { $0.reason == .truncatedField })
        #expect(sample.detail.contains("--all"))
        #expect(sample.location.line == 8)
    }

    @Test("logcli: newest first or oldest first, the same replay")
    func logcliDirection() throws {
        let path = Self.shapesRoot.appendingPathComponent("loki/logcli.jsonl").path
        let backward = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let dir = try TemporaryDirectory()
        let forward = try dir.write("forward.jsonl", backward.reversed().joined(separator: "\n") + "\n")
        let a = analyzeFleet([path]) { $0.replay.stallThreshold = 1_500_000_000 }
        let b = analyzeFleet([forward]) { $0.replay.stallThreshold = 1_500_000_000 }
        #expect(a.instances.map { HealthReport.render($0.replay) } == b.instances.map { HealthReport.render($0.replay) })
    }

    @Test("a fleet read from the library's byte sources equals the same read from paths")
    func byteSources() throws {
        let path = Self.shapesRoot.appendingPathComponent("kubectl/prefix.log").path
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        var options = Analyzer.Options()
        options.replay.stallThreshold = 1_500_000_000
        let fromBytes = Analyzer(options: options).analyze([.bytes(name: path, source: MemorySource(bytes, chunk: 777))])
        let fromPath = Analyzer(options: options).analyze([.path(path)])
        #expect(JSONReport.render(fromBytes) == JSONReport.render(fromPath))
        #expect(fromBytes.instances.count == 3)
    }

    @Test("--instance: only the matching instances, and the fleet verdict is theirs")
    func selecting() throws {
        let fleet = Self.analyzeSample("cri")
        let one = fleet.selecting("abcde")
        #expect(one.instances.map(\.instance.name) == ["prod/icy-backend-7d9f8c-abcde/icy-backend"])
        #expect(one.verdict == .degraded)
        #expect(fleet.selecting("nothing").instances.isEmpty)
        #expect(fleet.selecting("nothing").verdict == .unknown)
    }
}
