import Foundation
import JobscanCore
import Testing

/// `--textfile`: the replayed state for node_exporter's textfile collector, checked against the JSON
/// document, promtool and a real node_exporter.
@Suite("CLI: --textfile")
struct TextfileCLITests {
    static let scenarios = CLI.scenarios
    static func settings(_ scenario: String) throws -> [String] { try CLI.settings(scenario) }

    static let promtool = TextfileTool.locate(["promtool"])
    static let nodeExporter = TextfileTool.locate(["prometheus-node-exporter", "node_exporter"])

    /// Runs jobscan with `--format json --textfile` and returns the JSON document and the textfile.
    static func run(_ arguments: [String], in scratch: TextfileScratch, name: String = "out.prom") throws
        -> (json: [String: Any], text: String, result: TextfileTool.Result)
    {
        let path = scratch.path(name)
        let result = try TextfileTool.jobscan(["--format", "json", "--textfile", path] + arguments)
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        return (json, try String(contentsOfFile: path, encoding: .utf8), result)
    }

    // MARK: JSON agreement

    @Test("the textfile agrees with the JSON document on every number they share: plain, gzip and --at", arguments: scenarios)
    func agreesWithJSON(scenario: String) throws {
        let scratch = try TextfileScratch()
        let settings = try Self.settings(scenario)
        let constant = ["instance": "i-1", "region": "eu \"west\""]
        let labelArgs = ["--label", "instance=i-1", "--label", "region=eu \"west\""]
        let timeline = scratch.path("timeline.ndjson")

        let plain = try Self.run(settings + labelArgs + ["--timeline", timeline, CLI.fixture("\(scenario).log")], in: scratch, name: "plain.prom")
        let gzip = try Self.run(settings + labelArgs + [CLI.fixture("\(scenario).log.gz")], in: scratch, name: "gzip.prom")
        #expect(plain.result.status == gzip.result.status)
        // No file name or compressed size in the textfile: a log and its gzip copy give the same bytes.
        #expect(plain.text == gzip.text)

        // Halfway through the log.
        let input = plain.json["input"] as! [String: Any]
        let file = (input["files"] as! [[String: Any]])[0]
        let first = try #require(EvaluationTime.parse(file["first_time"] as! String)).nanoseconds
        let last = try #require(EvaluationTime.parse(file["last_time"] as! String)).nanoseconds
        let middle = first + (last - first) / 2
        let fraction = String(middle % 1_000_000_000)
        let at = "\(middle / 1_000_000_000)." + String(repeating: "0", count: 9 - fraction.count) + fraction
        let halfway = try Self.run(settings + labelArgs + ["--at", at, CLI.fixture("\(scenario).log")], in: scratch, name: "at.prom")
        #expect(halfway.json["evaluated_at"] as? String != plain.json["evaluated_at"] as? String)

        for (what, run) in [("plain", plain), ("gzip", gzip), ("--at", halfway)] {
            let doc = try TextfileDocument(parsing: run.text)
            var agreement = TextfileAgreement(doc: doc, constant: constant)
            agreement.compare(run.json)
            #expect(agreement.problems.isEmpty, "\(scenario) \(what): \(agreement.problems.joined(separator: "; "))")
            #expect(agreement.checked > 60, "\(scenario) \(what): only \(agreement.checked) numbers compared")
            #expect(agreement.unknownNames.isEmpty, "\(scenario) \(what): not in the catalogue: \(agreement.unknownNames)")
        }

        // The duration histograms hold exactly the durations of the runs in the timeline.
        let doc = try TextfileDocument(parsing: plain.text)
        let runs = try String(contentsOfFile: timeline, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        let lifetime = (plain.json["instances"] as! [[String: Any]])[0]["lifetime"] as! [String: Any]
        for job in lifetime.keys {
            for (status, outcomes) in [("success", ["success"]), ("failed", ["failed", "timeout", "panic"])] {
                let durations = runs.filter { $0["job"] as? String == job && outcomes.contains($0["outcome"] as! String) }
                    .compactMap { $0["duration_ns"] as? Int64 }
                let labels = constant.merging(["job_name": job, "status": status, "service_instance": CLI.fixture("\(scenario).log")]) { a, _ in a }
                let name = "icy_backend_background_job_duration_seconds"
                for bound in [1, 5, 10, 30, 60, 300, 600, 1800] {
                    let expected = durations.filter { $0 <= Int64(bound) * 1_000_000_000 }.count
                    #expect(doc.value(name + "_bucket", labels.merging(["le": "\(bound).0"]) { a, _ in a }) == Double(expected), "\(job) \(status) le \(bound)")
                }
                #expect(doc.value(name + "_bucket", labels.merging(["le": "+Inf"]) { a, _ in a }) == Double(durations.count))
                #expect(doc.value(name + "_count", labels) == Double(durations.count))
                let sum = doc.samples(name + "_sum").first { $0.labels == labels }
                #expect(sum.map { Self.nanoseconds($0.text) } == durations.reduce(0, +), "\(job) \(status) sum")
            }
        }
    }

    /// A decimal number of seconds (`12.000000001`) as exact nanoseconds.
    static func nanoseconds(_ text: String) -> Int64? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let seconds = Int64(parts[0]) else { return nil }
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        guard fraction.count <= 9, let f = Int64(fraction.padding(toLength: 9, withPad: "0", startingAt: 0)) else { return nil }
        return seconds * 1_000_000_000 + f
    }

    // MARK: promtool

    /// Every sample log: the fixtures (with their settings) and the damaged inputs of Samples/bad.
    static let samples: [String] = {
        let bad = (try? FileManager.default.contentsOfDirectory(atPath: CLI.packageRoot.appendingPathComponent("Samples/bad").path)) ?? []
        return scenarios.map { CLI.fixture("\($0).log") } + bad.sorted().map { "Samples/bad/\($0)" }
    }()

    @Test("promtool check metrics finds no problem in the textfile of any sample", arguments: samples)
    func promtoolAccepts(sample: String) throws {
        let promtool = try #require(Self.promtool, "promtool is not installed (Debian package prometheus)")
        let scratch = try TextfileScratch()
        let path = scratch.path("x.prom")
        let scenario = String(sample.split(separator: "/").last!.dropLast(".log".count))
        let settings = sample.hasPrefix("Samples/fixtures/") ? try Self.settings(scenario) : []
        let result = try TextfileTool.jobscan(settings + ["--textfile", path, "--label", "instance=a", sample])
        #expect(!result.stderr.contains(path), "\(result.stderr)")
        let check = try TextfileTool.run(promtool, ["check", "metrics"], stdinPath: path)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout + check.stderr == "")
        let doc = try TextfileDocument(parsing: try String(contentsOfFile: path, encoding: .utf8))
        #expect(doc.value("jobscan_input_files", ["instance": "a"]) == 1)
        // Exit 3 (no job event, or a damaged input) shows in the file too.
        if result.status == 3 {
            #expect(doc.value("jobscan_input_errors", ["instance": "a"]) == 1 || doc.value("jobscan_fleet_health_status", ["instance": "a"]) == 3)
        }
    }

    // MARK: Escaping

    static let oddNames = [
        "quote \"q\" job", "back\\slash\\job", "new\nline job", "ünïcödé 日本 🚀 job", "tab\tand\rcr job", "trailing backslash \\",
    ]
    static let oddErrors = [
        "error with \"quotes\" and \\backslash\\", "multi\nline\nerror", "non-ASCII: lỗi kết nối 🚨 ошибка", "tab\there, cr\rhere",
        "", "job panicked: \"{\\\"a\\\":1}\"\n\tat main.go:12",
    ]

    /// A zap JSON log where each odd job registers, starts and fails with an odd error.
    static func oddLog() -> String {
        func quoted(_ s: String) -> String {
            var out = ""
            JSONWriter.appendQuoted(s, to: &out)
            return out
        }
        var lines: [String] = []
        var ts = 1_795_639_521.0
        for (name, error) in zip(oddNames, oddErrors) {
            lines.append(#"{"level":"info","ts":\#(ts),"msg":"Job registered for monitoring","job_name":\#(quoted(name))}"#)
            ts += 0.25
            lines.append(#"{"level":"info","ts":\#(ts),"msg":"Job started","job_name":\#(quoted(name)),"start_time":"2026-11-25T20:45:21Z"}"#)
            ts += 0.5
            lines.append(#"{"level":"error","ts":\#(ts),"msg":"Job failed","job_name":\#(quoted(name)),"duration":"500ms","error":\#(quoted(error)),"consecutive_failures":"1"}"#)
            ts += 0.25
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("job names and errors with quotes, backslashes, newlines and non-ASCII parse back to the same label values")
    func escaping() throws {
        let scratch = try TextfileScratch()
        let log = scratch.path("odd.log")
        try Self.oddLog().write(toFile: log, atomically: false, encoding: .utf8)
        let run = try Self.run(["--label", "instance=ö \"\\\n", log], in: scratch)
        let doc = try TextfileDocument(parsing: run.text)
        let constant = ["instance": "ö \"\\\n"]
        for sample in doc.samples { #expect(sample.labels["instance"] == "ö \"\\\n", "\(sample.name)") }
        #expect(Set(doc.samples("icy_backend_background_job_runs_total").compactMap { $0.labels["job_name"] }) == Set(Self.oddNames))
        for (name, error) in zip(Self.oddNames, Self.oddErrors) {
            let info = doc.samples("icy_backend_background_job_last_error_info").filter { $0.labels["job_name"] == name }
            #expect(info.count == 1 && info.first?.labels["error"] == error, "\(name.debugDescription)")
            #expect(doc.value("icy_backend_background_job_runs_total", constant.merging(["job_name": name, "status": "error", "service_instance": log]) { a, _ in a }) == 1)
        }
        var agreement = TextfileAgreement(doc: doc, constant: constant)
        agreement.compare(run.json)
        #expect(agreement.problems.isEmpty, "\(agreement.problems)")
        if let promtool = Self.promtool {
            let check = try TextfileTool.run(promtool, ["check", "metrics"], stdinPath: scratch.path("out.prom"))
            #expect(check.status == 0 && check.stdout + check.stderr == "", "\(check.stdout)\(check.stderr)")
        }
    }

    // MARK: node_exporter

    @Test("node_exporter serves the textfiles of two instances side by side: no scrape error, every series with its value")
    func nodeExporter() throws {
        let executable = try #require(Self.nodeExporter, "node_exporter is not installed (Debian package prometheus-node-exporter)")
        let scratch = try TextfileScratch()
        let directory = scratch.path("collector")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let odd = scratch.path("odd.log")
        try Self.oddLog().write(toFile: odd, atomically: false, encoding: .utf8)
        let inputs = [
            ("a", try Self.settings("noise") + [CLI.fixture("noise.log")]),
            ("b", try Self.settings("noise") + [CLI.fixture("noise.log.gz")]),
            ("c", [odd]),
        ]
        var written: [TextfileDocument] = []
        for (instance, arguments) in inputs {
            let path = directory + "/jobscan-\(instance).prom"
            let result = try TextfileTool.jobscan(["--textfile", path, "--label", "instance=\(instance)"] + arguments)
            #expect(result.stderr == "")
            written.append(try TextfileDocument(parsing: try String(contentsOfFile: path, encoding: .utf8)))
        }
        let exporter = try TextfileNodeExporter(executable: executable, directory: directory)
        defer { exporter.stop() }
        let scraped = try TextfileDocument(parsing: try exporter.scrape())
        exporter.stop()

        #expect(scraped.value("node_textfile_scrape_error") == 0)
        #expect(scraped.samples("node_textfile_mtime_seconds").count == inputs.count)
        #expect(!exporter.log.contains("level=error"), "node_exporter: \(exporter.log)")
        var served: [String: Double] = [:]
        for sample in scraped.samples { served[sample.key] = sample.value }
        var count = 0
        for doc in written {
            for sample in doc.samples {
                count += 1
                #expect(served[sample.key] == sample.value, "\(sample.key): wrote \(sample.text), served \(served[sample.key].map { "\($0)" } ?? "nothing")")
            }
            for (name, help) in doc.help { #expect(scraped.help[name] == help, "HELP of \(name)") }
            for (name, type) in doc.types { #expect(scraped.types[name] == type, "TYPE of \(name)") }
        }
        #expect(count > 300)
    }

    @Test("the README's example alert rules pass promtool check rules")
    func alertRules() throws {
        let promtool = try #require(Self.promtool, "promtool is not installed (Debian package prometheus)")
        let docs = ["README.md"].compactMap {
            try? String(contentsOf: CLI.packageRoot.appendingPathComponent($0), encoding: .utf8)
        }
        let doc = try #require(docs.first { $0.contains("--textfile PATH") })
        let blocks = doc.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        let rules = try #require(blocks.first { $0.contains("groups:") && $0.contains("icy_backend_") })
        let scratch = try TextfileScratch()
        try rules.write(toFile: scratch.path("rules.yml"), atomically: false, encoding: .utf8)
        let check = try TextfileTool.run(promtool, ["check", "rules", scratch.path("rules.yml")])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("SUCCESS: 5 rules found"))
    }

    // MARK: The file itself

    @Test("written by a rename with mode 0644 whatever the umask, and replaced on the next run")
    func fileMode() throws {
        let scratch = try TextfileScratch()
        let path = scratch.path("jobscan.prom")
        try "stale\n".write(toFile: path, atomically: false, encoding: .utf8)
        let result = try TextfileTool.jobscan(umask: "077", ["--exit-zero", "--textfile", path, CLI.fixture("all_success.log")])
        #expect(result.status == 0)
        var st = stat()
        #expect(stat(path, &st) == 0)
        #expect(st.st_mode & 0o7777 == 0o644)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("# HELP icy_backend_background_job_runs_total "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["jobscan.prom"])
    }

    @Test("a textfile that cannot be written: one line on stderr, exit 3, no temporary file left")
    func writeFailure() throws {
        let scratch = try TextfileScratch()
        let missing = scratch.path("no/such/dir/x.prom")
        let result = try TextfileTool.jobscan(["--textfile", missing, CLI.fixture("all_success.log")])
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("jobscan: \(missing): cannot create "))
        #expect(result.stderr.hasSuffix(": No such file or directory\n") && result.stderr.filter { $0 == "\n" }.count == 1)
        let blocked = scratch.path("blocked.prom")
        try FileManager.default.createDirectory(atPath: blocked + "/inside", withIntermediateDirectories: true)
        let second = try TextfileTool.jobscan(["--textfile", blocked, CLI.fixture("all_success.log")])
        #expect(second.status == 3)
        #expect(second.stderr.hasPrefix("jobscan: \(blocked): cannot rename "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["blocked.prom"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: blocked) == ["inside"])
    }

    @Test("bad --label, --metrics-prefix or --textfile are usage errors (64) with a clear line", arguments: [
        (["--label", "1x=a"], "must match [a-zA-Z_][a-zA-Z0-9_]*"),
        (["--label", "__name=a"], "reserved for Prometheus"),
        (["--label", "job_name=a"], "use the label \"job_name\""),
        (["--label", "instance=a", "--label", "instance=b"], "given twice"),
        (["--label", "instance"], "expected key=value"),
        (["--label", "instance="], "empty value"),
        (["--metrics-prefix", "icy-backend"], "[a-zA-Z_:][a-zA-Z0-9_:]*"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let scratch = try TextfileScratch()
        let result = try TextfileTool.jobscan(["--textfile", scratch.path("x.prom")] + arguments + [CLI.fixture("all_success.log")])
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("x.prom")))
        let without = try TextfileTool.jobscan(["--label", "instance=a", CLI.fixture("all_success.log")])
        #expect(without.status == 64 && without.stderr.contains("--label applies to --textfile"))
        #expect(try TextfileTool.jobscan(["--textfile", "-", CLI.fixture("all_success.log")]).status == 64)
    }

    @Test("--metrics-prefix renames the service's metrics, not jobscan's own")
    func metricsPrefix() throws {
        let scratch = try TextfileScratch()
        for (prefix, runs) in [("acme", "acme_background_job_runs_total"), ("", "background_job_runs_total")] {
            let run = try Self.run(["--metrics-prefix", prefix, CLI.fixture("all_success.log")], in: scratch)
            let doc = try TextfileDocument(parsing: run.text)
            #expect(!doc.samples(runs).isEmpty)
            #expect(!doc.samples.contains { $0.name.hasPrefix("icy_backend_") })
            #expect(doc.value("jobscan_input_lines_total") == Double((run.json["input"] as! [String: Any])["lines"] as! Int))
            var agreement = TextfileAgreement(doc: doc, constant: [:], prefix: prefix)
            agreement.compare(run.json)
            #expect(agreement.problems.isEmpty, "\(agreement.problems)")
        }
    }
}

/// Compares a parsed textfile with the JSON document of the same run, number by number.
struct TextfileAgreement {
    var doc: TextfileDocument
    var constant: [String: String]
    var prefix = "icy_backend"
    var problems: [String] = []
    var checked = 0
    /// Sample names that are not in jobscan's catalogue.
    var unknownNames: Set<String> = []
    /// The instance label of the series being compared (empty for jobscan's whole-input figures).
    var scope: [String: String] = [:]

    private func service(_ name: String) -> String { prefix.isEmpty ? name : prefix + "_" + name }

    private mutating func expect(_ name: String, _ labels: [String: String], _ expected: Double?, tolerance: Double = 0) {
        checked += 1
        guard let expected else { problems.append("JSON lacks the value of \(name)\(labels)"); return }
        guard let value = doc.value(name, labels.merging(constant) { a, _ in a }.merging(scope) { a, _ in a }) else {
            problems.append("no \(name)\(labels)")
            return
        }
        if abs(value - expected) > tolerance { problems.append("\(name)\(labels): textfile \(value), JSON \(expected)") }
    }

    private mutating func expectJobs(_ name: String, _ expected: Set<String>) {
        checked += 1
        let names = Set(doc.samples(name).filter { s in scope.allSatisfy { s.labels[$0.key] == $0.value } }.compactMap { $0.labels["job_name"] })
        if names != expected { problems.append("\(name): jobs \(names.sorted()), JSON \(expected.sorted())") }
    }

    private static func number(_ any: Any?) -> Double? { (any as? NSNumber)?.doubleValue }

    private static func seconds(_ text: Any?) -> Double? {
        guard let text = text as? String else { return text is NSNull ? 0 : nil }
        return EvaluationTime.parse(text).map { Double($0.nanoseconds) / 1e9 }
    }

    mutating func compare(_ fleet: [String: Any]) {
        let options = try! TextfileOptions(metricsPrefix: prefix)
        var known: Set<String> = []
        for metric in TextfileCatalogue.all {
            let name = metric.fullName(options)
            known.formUnion(metric.kind == .histogram ? [name + "_bucket", name + "_sum", name + "_count"] : [name])
        }
        unknownNames = Set(doc.samples.map(\.name)).subtracting(known)
        for sample in doc.samples where sample.labels.filter({ constant.keys.contains($0.key) }) != constant {
            problems.append("\(sample.name) lacks the constant labels")
        }

        expect("jobscan_evaluation_timestamp_seconds", [:], Self.seconds(fleet["evaluated_at"]), tolerance: 1e-6)
        let codes = ["healthy": 0.0, "degraded": 1, "unhealthy": 2, "unknown": 3]
        expect("jobscan_fleet_health_status", [:], codes[fleet["verdict"] as! String])
        let instances = fleet["instances"] as! [[String: Any]]
        expect("jobscan_instances", [:], Double(instances.count))
        for json in instances {
            scope = ["service_instance": json["name"] as! String]
            compareInstance(json)
            scope = [:]
        }
        compareInput(fleet["input"] as! [String: Any])
    }

    /// One instance's series against its document.
    private mutating func compareInstance(_ json: [String: Any]) {
        let verdict = json["verdict"] as! String
        let codes = ["healthy": 0.0, "degraded": 1, "unhealthy": 2, "unknown": 3]
        expect(service("jobs_health_status"), [:], codes[verdict])
        for state in codes.keys { expect(service("jobs_health"), ["status": state], state == verdict ? 1 : 0) }
        let summary = json["summary"] as! [String: Any]
        expect(service("background_jobs_active"), [:], Self.number(summary["running_jobs"]))
        expect(service("background_jobs_stalled"), [:], Self.number(summary["stalled_jobs"]))

        // The endpoint's since-restart view.
        let jobs = json["jobs"] as! [String: [String: Any]]
        expectJobs(service("background_job_status"), Set(jobs.keys))
        expectJobs(service("background_job_consecutive_failures"), Set(jobs.keys))
        for (name, job) in jobs {
            let status = job["status"] as! String
            for state in ["pending", "running", "success", "failed", "stalled"] {
                expect(service("background_job_status"), ["job_name": name, "status": state], state == status ? 1 : 0)
            }
            expect(service("background_job_consecutive_failures"), ["job_name": name], Self.number(job["consecutive_failures"]))
            expect(service("background_job_critical"), ["job_name": name], (job["critical"] as! Bool) ? 1 : 0)
            let info = doc.samples(service("background_job_last_error_info")).filter { $0.labels["job_name"] == name }
            checked += 1
            if (job["consecutive_failures"] as! Int) > 0 {
                let metadata = job["metadata"] as! [String: Any]
                let error = job["last_error"] as? String ?? ""
                if info.count != 1 || info[0].labels["error"] != error || info[0].labels["error_type"] != metadata["error_type"] as? String
                    || info[0].value != 1 {
                    problems.append("last_error_info of \(name): \(info.map(\.labels)), JSON \(error.debugDescription)")
                }
            } else if !info.isEmpty {
                problems.append("last_error_info of \(name) after a success")
            }
        }

        // Lifetime totals across restarts.
        let lifetime = json["lifetime"] as! [String: [String: Any]]
        let critical = Set((json["options"] as! [String: Any])["critical_jobs"] as! [String])
        for family in ["background_job_runs_total", "job_timeouts_total", "background_job_panics_total", "background_job_stalls_total",
                       "background_job_last_success_timestamp_seconds", "background_job_last_run_timestamp_seconds", "background_job_critical"] {
            expectJobs(service(family), Set(lifetime.keys))
        }
        for (name, t) in lifetime {
            let job = ["job_name": name]
            expect(service("background_job_runs_total"), ["job_name": name, "status": "success"], Self.number(t["successes"]))
            expect(service("background_job_runs_total"), ["job_name": name, "status": "error"], Self.number(t["failures"]))
            expect(service("background_job_duration_seconds_count"), ["job_name": name, "status": "success"], Self.number(t["successes"]))
            expect(service("background_job_duration_seconds_count"), ["job_name": name, "status": "failed"], Self.number(t["failures"]))
            expect(service("job_timeouts_total"), job, Self.number(t["timeouts"]))
            expect(service("background_job_panics_total"), job, Self.number(t["panics"]))
            expect(service("background_job_stalls_total"), job, Self.number(t["stalls"]))
            expect(service("background_job_last_success_timestamp_seconds"), job, Self.seconds(t["last_success"]), tolerance: 1e-6)
            expect(service("background_job_critical"), job, critical.contains(name) ? 1 : 0)
            checked += 1
            let days = doc.samples(service("job_execution_history_total")).filter { $0.labels["job_name"] == name }
            if days.map(\.value).reduce(0, +) != Self.number(t["runs"]) { problems.append("execution history of \(name) != runs") }
            if days.contains(where: { $0.labels["date"]?.count != 10 }) { problems.append("execution history date of \(name)") }
        }
        expect(service("restarts_total"), [:], Self.number(json["restart_count"]))

        // The verdict through time and the circuit breakers.
        let history = json["history"] as! [String: Any]
        var seconds = 0.0
        for state in ["healthy", "degraded", "unhealthy", "unknown"] {
            expect(service("jobs_health_seconds_total"), ["status": state], Self.number(history[state + "_seconds"]), tolerance: 1e-9)
            seconds += Self.number(history[state + "_seconds"]) ?? .nan
        }
        checked += 1
        if abs(seconds - (Self.number(history["span_seconds"]) ?? .nan)) > 1e-6 { problems.append("seconds in each verdict do not add up to the span") }
        expect(service("jobs_health_incidents_total"), [:], Self.number(history["incident_count"]))
        let breakers = json["circuit_breakers"] as! [String: [String: Any]]
        let breakerCodes = ["closed": 0.0, "half-open": 1, "open": 2]
        for (name, b) in breakers {
            let api = ["api_name": name]
            if let state = b["state"] as? String, let code = breakerCodes[state] { expect(service("circuit_breaker_state"), api, code) }
            expect(service("circuit_breaker_trips_total"), api, Self.number(b["trips"]))
            let inState = b["time_in_state_ns"] as! [String: Any]
            for state in breakerCodes.keys {
                expect(service("circuit_breaker_state_seconds_total"), ["api_name": name, "state": state],
                       (Self.number(inState[state]) ?? 0) / 1e9, tolerance: 1e-9)
            }
            checked += 1
            let failures = doc.samples(service("external_api_failures_total")).filter { $0.labels["api_name"] == name }
            if failures.map(\.value).reduce(0, +) != Self.number(b["failures"]) { problems.append("external API failures of \(name) != failures") }
        }
        checked += 1
        let services = Set(doc.samples(service("circuit_breaker_trips_total")).compactMap { $0.labels["api_name"] })
        if services != Set(breakers.keys) { problems.append("circuit breakers \(services.sorted()), JSON \(breakers.keys.sorted())") }
        let cross = json["cross_check"] as! [String: Any]
        expect("jobscan_health_checks_total", ["result": "agreed"], Self.number(cross["agreed"]))
        expect("jobscan_health_checks_total", ["result": "disagreed"], Self.number(cross["disagreed"]))
    }

    /// jobscan's own figures of the whole input.
    private mutating func compareInput(_ input: [String: Any]) {
        expect("jobscan_input_files", [:], Double((input["files"] as! [Any]).count))
        expect("jobscan_input_errors", [:], Double((input["errors"] as! [Any]).count))
        expect("jobscan_input_bytes_total", [:], Self.number(input["bytes"]))
        expect("jobscan_input_lines_total", [:], Self.number(input["lines"]))
        expect("jobscan_input_overlong_lines_total", [:], Self.number(input["overlong_lines"]))
        expect("jobscan_foreign_lines_total", [:], Self.number(input["foreign_lines"]))
        let kinds = input["events_by_kind"] as! [String: Any]
        for (kind, n) in kinds { expect("jobscan_events_total", ["kind": kind], Self.number(n)) }
        checked += 1
        if doc.samples("jobscan_events_total").map(\.value).reduce(0, +) != Self.number(input["events"]) {
            problems.append("events_total does not add up to input.events")
        }
        let reasons = input["diagnostics_by_reason"] as! [String: Any]
        let written = doc.samples("jobscan_diagnostics_total").compactMap { $0.labels["reason"] }
        for reason in Set(written).union(reasons.keys) {
            expect("jobscan_diagnostics_total", ["reason": reason], Self.number(reasons[reason]) ?? 0)
        }
    }
}
