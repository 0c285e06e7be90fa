import Foundation
import Testing

/// Fleets through the built binary: the fleet table, --instance, --format health, JSON
/// instances, the textfile's instance label, the timeline naming instances, check's verdict.
@Suite("CLI: fleets of instances")
struct FleetCLITests {
    static let threshold = ["--stall-threshold", "1.5s"]

    @Test("the table: a fleet summary first, then each instance; the worst verdict is the exit status")
    func table() throws {
        let result = try CLI.run(Self.threshold + ["--color", "never", "Samples/shapes/cri"])
        #expect(result.status == 2)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("INSTANCE") == true)
        #expect(lines.filter { $0.hasPrefix("== prod/icy-backend-7d9f8c-") }.count == 3)
        #expect(lines.contains { $0.hasPrefix("fleet        UNHEALTHY over 3 instances") })
    }

    @Test("--instance selects; --format health needs exactly one instance")
    func instanceSelection() throws {
        let many = try CLI.run(Self.threshold + ["--format", "health", "Samples/shapes/kubectl/prefix.log"])
        #expect(many.status == 3)
        #expect(many.stderr.contains("choose one with --instance"))
        #expect(many.stdout.isEmpty)
        let one = try CLI.run(Self.threshold + ["--format", "health", "--instance", "abcde", "Samples/shapes/kubectl/prefix.log"])
        #expect(one.status == 1, "noise is degraded")
        let body = try JSONSerialization.jsonObject(with: one.stdoutBytes) as! [String: Any]
        #expect(body["status"] as? String == "degraded")
        let none = try CLI.run(Self.threshold + ["--instance", "zzz", "Samples/shapes/kubectl/prefix.log"])
        #expect(none.status == 3)
        #expect(none.stderr.contains("icy-backend-7d9f8c-abcde/icy-backend"), "lists the instances")
    }

    @Test("--format json: an instances list, each with its name and document, and the fleet verdict")
    func json() throws {
        let result = try CLI.run(Self.threshold + ["--format", "json", "Samples/shapes/journald/journal.json"])
        let doc = try JSONSerialization.jsonObject(with: result.stdoutBytes) as! [String: Any]
        #expect(doc["schema_version"] as? Int == 2)
        #expect(doc["verdict"] as? String == "unhealthy")
        let instances = doc["instances"] as! [[String: Any]]
        #expect(instances.map { $0["name"] as! String } == ["host-a/icy-backend.service", "host-b/icy-backend.service", "host-c/icy-backend.service"])
        #expect(instances.map { $0["verdict"] as! String } == ["degraded", "unhealthy", "unhealthy"])
        #expect(instances.allSatisfy { $0["jobs"] is [String: Any] && $0["lifetime"] is [String: Any] })
        // A single log is an instance list of one.
        let single = try CLI.run(Self.threshold + ["--format", "json", CLI.fixture("noise.log")])
        let one = try JSONSerialization.jsonObject(with: single.stdoutBytes) as! [String: Any]
        #expect((one["instances"] as! [Any]).count == 1)
    }

    @Test("the timeline names each record's instance, instances one after another")
    func timeline() throws {
        let result = try CLI.run(Self.threshold + ["--timeline", "-", "Samples/shapes/docker"])
        let records = result.stdout.split(separator: "\n").filter { $0.hasPrefix("{") }.map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        let instances = records.map { $0["instance"] as! String }
        #expect(Set(instances) == ["06bb03a7075a", "a6eeb1655264", "b50ede0d09f9"])
        #expect(instances == instances.sorted(), "grouped by instance, in name order")
    }

    @Test("the textfile: every instance's series told apart by a label, promtool-clean, no duplicate series")
    func textfile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobscan-fleet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("fleet.prom").path
        let result = try CLI.run(Self.threshold + ["--format", "input", "--textfile", path, "--instance-label", "pod", "--label", "cluster=eu",
                                                    "Samples/shapes/loki/logcli.jsonl"])
        #expect(result.status == 2)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let samples = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(Set(samples.map { $0.split(separator: " ").dropLast().joined(separator: " ") }).count == samples.count, "no two series alike")
        for pod in ["abcde", "fghij", "klmno"] {
            #expect(samples.contains("icy_backend_jobs_health_status{pod=\"icy-backend-7d9f8c-\(pod)/icy-backend\",cluster=\"eu\"} " + (pod == "abcde" ? "1.0" : "2.0")))
        }
        #expect(samples.contains("jobscan_fleet_health_status{cluster=\"eu\"} 2.0"))
        #expect(samples.contains("jobscan_instances{cluster=\"eu\"} 3.0"))
        if let promtool = TextfileTool.locate(["promtool"]) {
            let check = try TextfileTool.run(promtool, ["check", "metrics"], stdinPath: path)
            #expect(check.status == 0 && check.stdout + check.stderr == "", "\(check.stdout)\(check.stderr)")
        }
        let clash = try CLI.run(["--textfile", path, "--label", "pod=x", "--instance-label", "pod", CLI.fixture("noise.log")])
        #expect(clash.status == 64)
    }

    @Test("check: the top-level verdict is the fleet's")
    func check() throws {
        let result = try CLI.run(Self.threshold + ["--expect", "verdict == \"unhealthy\"", "Samples/shapes/kubectl/prefix-timestamps.log"], subcommand: "check")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test("check: instances.<name>.… reads one instance; an unknown instance fails and lists the instances")
    func checkInstances() throws {
        let sample = "Samples/shapes/cri"
        let pass = try CLI.run(Self.threshold + [
            "--expect", #"instances."prod/icy-backend-7d9f8c-abcde/icy-backend".verdict == "degraded""#,
            "--expect", #"instances."prod/icy-backend-7d9f8c-fghij/icy-backend".jobs.btc_transaction_indexing.consecutive_failures == 4"#,
            "--expect", #"instances."prod/icy-backend-7d9f8c-fghij/icy-backend".http_status == 503"#,
            sample], subcommand: "check")
        #expect(pass.status == 0, "\(pass.stdout)\(pass.stderr)")
        let unknown = try CLI.run(Self.threshold + ["--expect", #"instances.nope.verdict == "healthy""#, sample], subcommand: "check")
        #expect(unknown.status == 1)
        #expect(unknown.stdout.contains("no instance 'nope' in the input; instances: prod/icy-backend-7d9f8c-abcde/icy-backend"))
        let wildcard = try CLI.run(Self.threshold + ["--expect", #"instances."a".jobs.*.status == "failed""#, sample], subcommand: "check")
        #expect(wildcard.status == 2, "a * inside an instance is an expression error")
    }

    @Test("rotated files in glob order: the same report as in time order, no warning")
    func globOrder() throws {
        let dir = "Samples/shapes/plain/host-a"
        let glob = try CLI.run(Self.threshold + ["--format", "json", "\(dir)/app.log", "\(dir)/app.log.1", "\(dir)/app.log.2.gz"])
        let time = try CLI.run(Self.threshold + ["--format", "json", "\(dir)/app.log.2.gz", "\(dir)/app.log.1", "\(dir)/app.log"])
        #expect(glob.stdout == time.stdout)
        #expect(glob.stderr.isEmpty, "\(glob.stderr)")
        let fixture = try CLI.run(Self.threshold + ["--format", "health", CLI.fixture("noise.log")])
        let rotated = try CLI.run(Self.threshold + ["--format", "health", "\(dir)/app.log", "\(dir)/app.log.1", "\(dir)/app.log.2.gz"])
        #expect(rotated.stdout == fixture.stdout, "the rotated copy is the fixture")
    }
}
