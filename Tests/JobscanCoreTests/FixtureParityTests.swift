import Foundation
import Testing
@testable import JobscanCore

/// The oracle fixtures hold what the service's own monitor reported; replay must say the same.
@Suite("Replay: the service's own final state, for every fixture")
struct FixtureParityTests {
    struct Expected {
        let json: [String: Any]
        var stallThreshold: Int64 { (json["stall_threshold_ns"] as! NSNumber).int64Value }
        var retention: Int64 { (json["retention_period_ns"] as! NSNumber).int64Value }
        var jobs: [String: [String: Any]] { json["jobs"] as! [String: [String: Any]] }
        var summary: [String: Any] { json["summary"] as! [String: Any] }

        init(_ scenario: String) throws {
            let data = try Data(contentsOf: Package.fixtures.appendingPathComponent("\(scenario).expected.json"))
            json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        }
    }

    static func replay(_ path: String, _ expected: Expected) -> Analysis {
        analyze([path]) {
            $0.replay.stallThreshold = expected.stallThreshold
            $0.replay.retention = expected.retention
        }.0
    }

    static func nanos(_ text: Any?) -> Int64? {
        guard let text = text as? String, let t = TimeText.parseRFC3339(text) else { return nil }
        return t.nanoseconds
    }

    static func offset(_ text: Any?) -> Int32? {
        guard let text = text as? String else { return nil }
        return TimeText.parseRFC3339(text)?.utcOffsetSeconds
    }

    @Test("the endpoint body equals expected.json", arguments: Package.scenarios, [".log", ".log.gz"])
    func healthBody(scenario: String, suffix: String) throws {
        let expected = try Expected(scenario)
        let analysis = Self.replay(Package.fixture(scenario + suffix), expected)
        #expect(analysis.replay.verdict.httpStatus == (expected.json["http_status"] as! NSNumber).intValue)
        try Self.compare(analysis, expected, "\(scenario)\(suffix)", evaluationTime: true)
    }

    /// Holds an analysis to a fixture's expected.json: statuses, counts, errors and metadata
    /// exact, durations to the nanosecond, times within the log's precision. With
    /// `evaluationTime` false the endpoint's timestamp is not compared (a fleet is evaluated
    /// at its latest line, not each instance at its own).
    static func compare(_ analysis: Analysis, _ expected: Expected, _ what: String, evaluationTime: Bool) throws {
        let body = try JSONSerialization.jsonObject(with: Data(HealthReport.render(analysis.replay).utf8)) as! [String: Any]
        #expect(body["status"] as? String == expected.json["overall_status"] as? String, "\(what)")
        let jobs = body["jobs"] as! [String: [String: Any]]
        #expect(Set(jobs.keys) == Set(expected.jobs.keys), "\(what)")
        for (name, want) in expected.jobs {
            guard let got = jobs[name] else { continue }
            #expect(Set(got.keys) == Set(want.keys), "\(what) \(name): keys")
            for key in ["job_name", "status", "last_error"] {
                #expect(got[key] as? String == want[key] as? String, "\(what) \(name).\(key)")
            }
            // Counts and durations: exact, to the nanosecond.
            for key in ["last_duration_ms", "success_count", "failure_count", "consecutive_failures",
                        "average_execution_ms", "max_execution_ms", "min_execution_ms"] {
                #expect((got[key] as? NSNumber)?.int64Value == (want[key] as? NSNumber)?.int64Value, "\(what) \(name).\(key)")
            }
            var wantMeta = want["metadata"] as? [String: String] ?? [:]
            var gotMeta = got["metadata"] as? [String: String] ?? [:]
            // The Go stack dump is not in the log: only its presence can be compared.
            #expect((wantMeta.removeValue(forKey: "stack_trace") != nil) == (gotMeta.removeValue(forKey: "stack_trace") != nil), "\(what) \(name).stack_trace")
            #expect(gotMeta == wantMeta, "\(what) \(name).metadata")
            #expect(got["next_run_time"] as? String == want["next_run_time"] as? String)
            // Times: as exact as the log's `ts` allows (µs in JSON, ms on the console), same offset.
            for key in ["last_run_time", "created_at", "updated_at"] {
                let g = Self.nanos(got[key]), w = Self.nanos(want[key])
                #expect(g != nil && w != nil && abs(g! - w!) < 2_000_000, "\(what) \(name).\(key): \(got[key] ?? "nil") vs \(want[key] ?? "nil")")
                #expect(Self.offset(got[key]) == Self.offset(want[key]), "\(what) \(name).\(key) offset")
            }
        }
        let summary = body["summary"] as! [String: Any]
        for key in ["total_jobs", "running_jobs", "healthy_jobs", "unhealthy_jobs", "stalled_jobs"] {
            #expect((summary[key] as? NSNumber)?.intValue == (expected.summary[key] as? NSNumber)?.intValue, "\(what) summary.\(key)")
        }
        if evaluationTime {
            let evaluated = Self.nanos(body["timestamp"])!, want = Self.nanos(expected.json["evaluated_at"])!
            #expect(abs(evaluated - want) < 2_000_000, "\(what)")
        }
    }

    @Test("event counts equal grep -c of each message on the plain file", arguments: Package.scenarios)
    func eventCounts(scenario: String) throws {
        let text = try String(contentsOfFile: Package.fixture(scenario + ".log"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let (analysis, errors) = analyze([Package.fixture(scenario + ".log")])
        #expect(errors.isEmpty)
        for message in EventMessage.allCases {
            // What `grep -c` counts: lines holding the message as JSON's "msg" or the console's tab-delimited text.
            let json = "\"msg\":\"\(message.text)\""
            let console = "\t\(message.text)\t"
            let grep = lines.filter { $0.contains(json) || $0.contains(console) || $0.hasSuffix("\t" + message.text) }.count
            #expect(analysis.input.events[message, default: 0] == grep, "\(message.text)")
        }
        #expect(analysis.input.lines == lines.count)
        #expect(analysis.input.diagnosticCount == 0)
        #expect(analysis.input.eventCount + analysis.input.foreignLines == lines.count)
    }

    @Test("plain and gzip copies report the same", arguments: Package.scenarios)
    func plainEqualsGzip(scenario: String) throws {
        let expected = try Expected(scenario)
        let plain = Self.replay(Package.fixture(scenario + ".log"), expected)
        let gzip = Self.replay(Package.fixture(scenario + ".log.gz"), expected)
        #expect(plain.input.content == gzip.input.content)
        #expect(plain.input.files[0].format == .plain)
        #expect(gzip.input.files[0].format == .gzip)
        #expect(HealthReport.render(plain.replay) == HealthReport.render(gzip.replay))
    }

    @Test("every logged health check agrees with replay at its instant", arguments: Package.scenarios)
    func crossCheck(scenario: String) throws {
        let expected = try Expected(scenario)
        let analysis = Self.replay(Package.fixture(scenario + ".log"), expected)
        #expect(analysis.replay.crossCheck.checked >= 1)
        #expect(analysis.replay.crossCheck.disagreements == [])
        #expect(analysis.replay.notes == [])
    }

    @Test("on one thread or three, the same analysis", arguments: Package.scenarios)
    func threadedOrNot(scenario: String) throws {
        let expected = try Expected(scenario)
        func run(_ threaded: Bool) -> (String, String) {
            let sink = RunCollector()
            let fleet = analyzeFleet([Package.fixture(scenario + ".log.gz")], runSink: sink) { options in
                options.threaded = threaded
                options.replay.stallThreshold = expected.stallThreshold
                options.replay.retention = expected.retention
            }
            return (JSONReport.render(fleet), sink.runs.map { TimelineWriter.line($0) }.joined())
        }
        let one = run(false), three = run(true)
        #expect(one.0 == three.0)
        #expect(one.1 == three.1)
    }
}
