import Foundation
import Testing
@testable import JobscanCore

/// Every field of the check vocabulary, read from a real analysis, must equal what the JSON
/// report says for the same analysis: the accessors cannot silently read the wrong figure.
@Suite("Check vocabulary: every field against the JSON report")
struct CheckVocabularyMappingTests {
    /// How to find a field's value in the JSON document, written independently of the vocabulary.
    /// `doc` is the whole document, `obj` the scope's object (the job, the lifetime entry, …).
    typealias Expected = (_ doc: [String: Any], _ obj: [String: Any]) -> CheckValue?

    static func int(_ key: String) -> Expected { { _, obj in (obj[key] as? NSNumber).map { .int($0.int64Value) } } }
    static func string(_ key: String, absent: String? = nil) -> Expected {
        { _, obj in (obj[key] as? String).map(CheckValue.string) ?? absent.map(CheckValue.string) }
    }
    static func duration(_ key: String) -> Expected {
        // A job that never completed has null durations; the language reads 0 there.
        { _, obj in .duration((obj[key + "_ns"] as? NSNumber)?.int64Value ?? 0) }
    }
    static func metadata(_ key: String) -> Expected {
        { _, obj in .string(((obj["metadata"] as? [String: Any])?[key] as? String) ?? "") }
    }

    static var expected: [CheckScope: [String: Expected]] { [
        .root: [
            "verdict": { doc, _ in (doc["verdict"] as? String).map(CheckValue.string) },
            "http_status": { doc, _ in (doc["http_status"] as? NSNumber).map { .int($0.int64Value) } },
        ],
        .summary: Dictionary(uniqueKeysWithValues: ["total_jobs", "running_jobs", "healthy_jobs", "unhealthy_jobs", "stalled_jobs"].map { ($0, int($0)) }),
        .jobs: [
            "status": string("status"), "success_count": int("success_count"), "failure_count": int("failure_count"),
            "consecutive_failures": int("consecutive_failures"), "last_error": string("last_error", absent: ""),
            "last_duration": duration("last_duration"), "average_execution": duration("average_execution"),
            "min_execution": duration("min_execution"), "max_execution": duration("max_execution"),
            "last_run_time": string("last_run_time", absent: "0001-01-01T00:00:00Z"),
            "error_type": metadata("error_type"), "timeout": metadata("timeout"), "panic": metadata("panic"),
        ],
        .lifetime: [
            "runs": int("runs"), "successes": int("successes"), "failures": int("failures"), "timeouts": int("timeouts"),
            "panics": int("panics"), "stalls": int("stalls"),
            "restarts_seen": { _, obj in (obj["processes_seen"] as? NSNumber).map { .int($0.int64Value - 1) } },
            "first_seen": string("first_seen"), "last_seen": string("last_seen"),
        ],
        .input: [
            "files": { _, obj in (obj["files"] as? [Any]).map { .int(Int64($0.count)) } },
            "bytes": int("bytes"), "lines": int("lines"), "events": int("events"), "foreign_lines": int("foreign_lines"),
            "diagnostics": int("diagnostics"), "overlong_lines": int("overlong_lines"),
        ],
        .history: [
            "healthy_seconds": seconds("healthy"), "degraded_seconds": seconds("degraded"),
            "unhealthy_seconds": seconds("unhealthy"), "unknown_seconds": seconds("unknown"),
            "availability": { _, obj in .number((obj["availability"] as? NSNumber)?.doubleValue ?? 1) },
            "incidents": int("incident_count"),
            "longest_incident": duration("longest_incident"), "mean_incident": duration("mean_incident"),
        ],
        .circuitBreakers: [
            "state": string("state", absent: ""), "trips": int("trips"), "changes": int("changes"),
            "time_open": duration("time_open"),
            "failures": { _, obj in (obj["failures"] as? NSNumber).map { .int($0.int64Value) } },
        ],
    ] }

    static func seconds(_ verdict: String) -> Expected {
        { _, obj in .number(Double((obj[verdict + "_ns"] as? NSNumber)?.int64Value ?? 0) / 1e9) }
    }

    @Test("every field of every scope, on every fixture", arguments: Package.scenarios)
    func everyField(_ scenario: String) throws {
        let (analysis, _) = analyze([Package.fixture("\(scenario).log")]) { $0.replay.stallThreshold = 1_500_000_000 }
        let fleet = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport.render(analysis.asFleet).utf8)) as? [String: Any])
        let doc = try #require((fleet["instances"] as? [[String: Any]])?.first)
        var checked = 0
        for scope in CheckScope.allCases {
            let table = try #require(Self.expected[scope])
            #expect(Set(table.keys) == Set(CheckVocabulary.fields(of: scope).map(\.name)), "the test covers every field of \(scope)")
            for field in CheckVocabulary.fields(of: scope) {
                let read = try #require(table[field.name])
                switch scope {
                case .root:
                    #expect(analysis.value(at: .root(field: field.name)) == read(doc, doc), "\(field.name)")
                case .summary:
                    #expect(analysis.value(at: .summary(field: field.name)) == read(doc, doc["summary"] as? [String: Any] ?? [:]), "\(field.name)")
                case .input:
                    #expect(analysis.value(at: .input(field: field.name)) == read(doc, doc["input"] as? [String: Any] ?? [:]), "\(field.name)")
                case .history:
                    let got = analysis.value(at: .history(field: field.name)), want = read(doc, doc["history"] as? [String: Any] ?? [:])
                    // The JSON writes the shortest decimal of a double; compare numbers to its precision.
                    if case .number(let g)? = got, case .number(let w)? = want {
                        #expect(abs(g - w) <= 1e-12 * max(1, abs(w)), "\(field.name)")
                    } else {
                        #expect(got == want, "\(field.name)")
                    }
                case .jobs, .lifetime, .circuitBreakers:
                    let key = scope == .jobs ? "jobs" : scope == .lifetime ? "lifetime" : "circuit_breakers"
                    let objects = doc[key] as? [String: Any] ?? [:]
                    let names = scope == .jobs ? analysis.jobNames : scope == .lifetime ? analysis.lifetimeJobNames : analysis.circuitBreakerNames
                    #expect(objects.count == names.count)
                    for (name, object) in objects {
                        let path: CheckPath = scope == .jobs ? .job(name: name, field: field.name)
                            : scope == .lifetime ? .lifetime(name: name, field: field.name) : .circuitBreaker(name: name, field: field.name)
                        let value = try #require(analysis.value(at: path), "\(path)")
                        #expect(value == read(doc, object as? [String: Any] ?? [:]), "\(path)")
                        #expect(value.kind == (field.type == .time ? .string : field.type), "\(path): the vocabulary's type")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 0)
    }
}
