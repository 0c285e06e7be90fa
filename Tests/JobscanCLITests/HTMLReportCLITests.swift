import Foundation
import JobscanCore
import Testing

/// `--html`: one self-contained page per run of jobscan, its data readable by tools, and — in a
/// real browser — a drawn timeline and tables in which the log's strings stay text.
@Suite("HTML report: self-contained, its data embedded, drawn in a browser")
struct HTMLReportCLITests {
    /// Writes the report of `arguments` to a temporary file and reads it back.
    static func report(_ arguments: [String]) throws -> (html: String, file: URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobscan-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("report.html")
        let result = try CLI.run(arguments + ["--html", file.path, "--exit-zero"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return (try String(contentsOf: file, encoding: .utf8), file)
    }

    /// The page loads nothing and runs only its own script, which the policy names by hash.
    static func expectSelfContained(_ html: String) throws {
        let lower = html.lowercased()
        #expect(!lower.contains("<link"))
        #expect(lower.range(of: #"(src|href|action)\s*=\s*["']?\s*(https?:|//|data:)"#, options: .regularExpression) == nil)
        #expect(lower.range(of: #"url\(\s*["']?\s*(https?:|//)"#, options: .regularExpression) == nil)
        #expect(lower.components(separatedBy: "<script").count - 1 == 2, "the data and the one script")
        let policy = try #require(html.firstMatch(of: /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.1)
        #expect(policy.contains("default-src 'none'"))
        let script = try #require(html.firstMatch(of: /<script>(.*)<\/script>/.dotMatchesNewlines())?.1)
        #expect(policy.contains("script-src 'sha256-\(SHA256.base64Digest(String(script)))'"))
    }

    /// The embedded JSON: `report` (the `--format json` document) and `timelines`.
    static func data(_ html: String) throws -> [String: Any] {
        let text = try #require(html.firstMatch(of: /<script type="application\/json" id="jobscan-data">(.*?)<\/script>/.dotMatchesNewlines())?.1)
        #expect(!text.contains("<"), "nothing in the data can end its script element")
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    static func attribute(_ name: String, in dom: String) -> String? {
        guard let body = dom.firstMatch(of: /<body[^>]*>/) else { return nil }
        let tag = String(body.0)
        guard let range = tag.range(of: "\(name)=\"") else { return nil }
        return String(tag[range.upperBound...].prefix { $0 != "\"" })
    }

    /// The DOM after the script ran: rendered, no error, and the timeline and tables in it.
    static func expectRendered(_ dom: String, runs: Int) {
        #expect(attribute("data-rendered", in: dom) == "ok")
        #expect(attribute("data-js-errors", in: dom) == nil, "script errors: \(attribute("data-js-errors", in: dom) ?? "")")
        #expect(dom.contains("<svg class=\"timeline\""))
        #expect(count("<table", in: dom) >= 4, "the in-view, job, lifetime and incident tables")
        let drawn = count("class=\"run\"", in: dom) + count("class=\"bin\"", in: dom)
        #expect(runs == 0 || drawn > 0, "runs drawn")
        if runs <= 2500 { #expect(count("class=\"run\"", in: dom) == runs, "every run drawn") }
    }

    @Test("each fixture: a self-contained page whose data is the JSON document and every run and history record",
          arguments: CLI.scenarios)
    func fixture(_ scenario: String) throws {
        let (html, file) = try Self.report(try CLI.settings(scenario) + [CLI.fixture("\(scenario).log")])
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try Self.expectSelfContained(html)
        let data = try Self.data(html)
        let report = try #require(data["report"] as? [String: Any])
        #expect(report["schema_version"] as? Int == JSONReport.schemaVersion)
        let timelines = try #require(data["timelines"] as? [[String: Any]])
        #expect(timelines.count == 1)
        let timeline = timelines[0]
        let expectedRuns = try String(contentsOf: CLI.packageRoot.appendingPathComponent(CLI.fixture("\(scenario).timeline.ndjson")), encoding: .utf8)
            .split(separator: "\n").count
        let expectedHistory = try String(contentsOf: CLI.packageRoot.appendingPathComponent(CLI.fixture("\(scenario).history.ndjson")), encoding: .utf8)
            .split(separator: "\n").count
        #expect(timeline["run_count"] as? Int == expectedRuns)
        #expect((timeline["runs"] as? [Any])?.count == expectedRuns)
        #expect(timeline["runs_complete"] as? Bool == true)
        #expect((timeline["history"] as? [Any])?.count == expectedHistory)
        let instance = try #require((report["instances"] as? [[String: Any]])?.first)
        let checks = try #require(timeline["checks"] as? [String: Any])
        #expect(checks["count"] as? Int == (instance["cross_check"] as? [String: Any])?["checked"] as? Int)
        guard HeadlessBrowser.path != nil else { print(HeadlessBrowser.skipMessage); return }
        let dom = try HeadlessBrowser.dom(of: file)
        Self.expectRendered(dom, runs: expectedRuns)
        #expect(Self.count("class=\"verdict-seg\"", in: dom) == expectedHistory)
    }

    @Test("a fleet: every instance's timeline, and a selector of instances")
    func fleet() throws {
        let (html, file) = try Self.report(["--stall-threshold", "1.5s", "Samples/shapes/cri"])
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try Self.expectSelfContained(html)
        let data = try Self.data(html)
        let report = try #require(data["report"] as? [String: Any])
        let timelines = try #require(data["timelines"] as? [[String: Any]])
        let instances = try #require(report["instances"] as? [[String: Any]])
        #expect(instances.count > 1)
        #expect(timelines.map { $0["name"] as? String } == instances.map { $0["name"] as? String })
        guard HeadlessBrowser.path != nil else { print(HeadlessBrowser.skipMessage); return }
        let dom = try HeadlessBrowser.dom(of: file)
        Self.expectRendered(dom, runs: timelines[0]["run_count"] as? Int ?? 0)
        #expect(Self.count("<option", in: dom) == instances.count)
    }

    /// Job names, errors, a service and the file's own name crafted as markup, script and
    /// terminal escapes.
    static let hostile = [
        "<script>document.body.dataset.pwned='script'</script>",
        "<img src=x onerror=\"document.body.dataset.pwned='img'\">",
        "</script><script>document.body.dataset.pwned='close'</script>",
        "<svg onload=\"document.body.dataset.pwned='svg'\"><circle r=\"9\"/></svg>",
        "ansi \u{1B}[31mred\u{1B}[0m \u{2028} <!-- -->",
    ]

    static func zapString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func hostileLog() -> String {
        var lines: [String] = []
        var ts = 1_795_639_521.0
        func line(_ level: String, _ msg: String, _ fields: [(String, String)]) {
            ts += 0.25
            let body = fields.map { "\(zapString($0.0)):\(zapString($0.1))" }.joined(separator: ",")
            lines.append("{\"level\":\"\(level)\",\"ts\":\(ts),\"msg\":\"\(msg)\",\(body)}")
        }
        line("info", "Starting server", [("port", "8080")])
        for (i, name) in hostile.enumerated() {
            line("info", "Job registered for monitoring", [("job_name", name)])
            line("info", "Job started", [("job_name", name), ("start_time", "2026-11-25T20:45:2\(i)Z")])
            line("error", "Job failed", [("job_name", name), ("duration", "250ms"), ("error", hostile[(i + 1) % hostile.count]),
                                         ("consecutive_failures", "1")])
            line("info", "Job started", [("job_name", name), ("start_time", "2026-11-25T20:45:2\(i)Z")])
        }
        line("info", "Circuit breaker state change", [("service", hostile[1]), ("from", "closed"), ("to", "open")])
        line("error", "External API call failed", [("service", hostile[1]), ("operation", hostile[0]), ("duration", "0.100"),
                                                   ("error", hostile[3]), ("error_type", hostile[2]), ("cb_state", "open")])
        line("info", "Jobs health check completed", [("overall_status", hostile[1]), ("duration", "3ms"), ("total_jobs", "5"),
                                                     ("unhealthy_jobs", "5"), ("stalled_jobs", "0"), ("running_jobs", "5")])
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every element the page and its script create.
    static let elementsTheScriptMakes: Set<String> = [
        "html", "head", "meta", "title", "style", "body", "noscript", "p", "main", "script", "div", "h1", "h2", "h3", "span", "b",
        "ul", "li", "label", "select", "option", "button", "section", "table", "caption", "thead", "tbody", "tr", "th", "td",
        "svg", "defs", "pattern", "rect", "circle", "path", "g", "line", "text",
    ]

    /// The start tags of a serialised DOM, with their attributes (values as serialised: quoted,
    /// with `"` and `&` escaped, so a value never ends early).
    static func startTags(_ dom: String) -> [(name: String, attributes: [String: String])] {
        dom.matches(of: /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>\/=]+(?:="[^"]*")?)*)\s*\/?>/).map { match in
            var attributes: [String: String] = [:]
            for a in String(match.2).matches(of: /([^\s"'>\/=]+)(?:="([^"]*)")?/) {
                attributes[String(a.1).lowercased()] = a.2.map(String.init) ?? ""
            }
            return (String(match.1).lowercased(), attributes)
        }
    }

    @Test("names, errors and values crafted as HTML, SVG, script or terminal escapes stay text")
    func hostileNames() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobscan-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("<img src=x onerror=alert(1)>.log")
        try Data(Self.hostileLog().utf8).write(to: log)
        let (html, file) = try Self.report(["--stall-threshold", "1h", log.path])
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try Self.expectSelfContained(html)
        let data = try Self.data(html)
        let timeline = try #require((data["timelines"] as? [[String: Any]])?.first)
        #expect(Set(timeline["jobs"] as? [String] ?? []) == Set(Self.hostile), "the names survive the round trip exactly")
        #expect(!html.unicodeScalars.contains("\u{1B}"), "escape bytes only as \\u001b")
        guard HeadlessBrowser.path != nil else { print(HeadlessBrowser.skipMessage); return }
        let dom = try HeadlessBrowser.dom(of: file)
        Self.expectRendered(dom, runs: timeline["run_count"] as? Int ?? 0)
        #expect(Self.attribute("data-pwned", in: dom) == nil, "no payload ran")
        let lower = dom.lowercased()
        let tags = Self.startTags(dom)
        #expect(!tags.isEmpty)
        let made = Set(tags.map(\.name)).subtracting(Self.elementsTheScriptMakes)
        #expect(made.isEmpty, "elements no script of the report makes: \(made)")
        let handlers = tags.flatMap { $0.attributes.keys.filter { $0.hasPrefix("on") } }
        #expect(handlers.isEmpty, "event handler attributes: \(handlers)")
        #expect(!tags.contains { $0.name == "circle" && $0.attributes["r"] == "9" }, "no payload svg element made")
        #expect(Self.count("<script", in: lower) == 2)
        #expect(dom.contains("&lt;img src=x onerror="), "shown as text")
        #expect(dom.contains("&lt;/script&gt;&lt;script&gt;"), "shown as text")
        #expect(dom.contains("ansi \\u001b[31mred\\u001b[0m \\u2028"), "control characters neutralised")
        #expect(!dom.unicodeScalars.contains("\u{1B}"))
    }
}
