import Testing
@testable import JobscanCore

/// `history.` and `circuit_breakers.` paths of `jobscan check`, read from a real replay.
@Suite("Check: history and circuit breaker paths")
struct HistoryCheckTests {
    static func run(_ text: String, scenario: String = "noise") throws -> CheckResult {
        let analysis = try HistoryReplay(scenario: scenario).analysis
        return CheckEvaluator(subject: analysis).evaluate(try CheckRule(parsing: text))
    }

    // noise: three degraded incidents, 0.793 s healthy of 2.933 s; btc_rpc tripped once, half-open at the end.
    @Test("values from the replay", arguments: [
        ("history.incidents == 3", CheckResult.Status.passed),
        ("history.unhealthy_seconds < 60 and history.unhealthy_seconds == 0", .passed),
        ("history.degraded_seconds > 2.1 and history.degraded_seconds < 2.2", .passed),
        ("history.availability > 0.27 and history.availability < 0.271", .passed),
        ("history.longest_incident == 1.2238624s and history.mean_incident < 1s", .passed),
        ("history.incidents == 0", .failed),
        ("circuit_breakers.btc_rpc.trips == 1 and circuit_breakers.btc_rpc.changes == 2", .passed),
        (#"circuit_breakers.btc_rpc.state == "half-open""#, .passed),
        ("circuit_breakers.btc_rpc.time_open > 1s and circuit_breakers.btc_rpc.failures == 1", .passed),
        (#"circuit_breakers.*.state == "closed""#, .failed),
        ("count(circuit_breakers.*.failures > 0) == 1", .passed),
        ("history.unknown_seconds == 1", .failed),
    ])
    func values(_ text: String, _ status: CheckResult.Status) throws {
        let result = try Self.run(text)
        #expect(result.status == status, "\(text): \(result.message)")
    }

    @Test("a service with no breaker lines fails, naming those there; no breaker at all holds vacuously")
    func missingService() throws {
        let missing = try Self.run("circuit_breakers.base_rpc.trips == 0")
        #expect(missing.status == .failed)
        #expect(missing.message == "no circuit breaker 'base_rpc' in the log; services in the log: btc_rpc")
        let none = try Self.run("circuit_breakers.*.trips == 0", scenario: "all_success")
        #expect(none.status == .passed)
        #expect(none.message.contains("held vacuously: the log names no circuit breaker"), "\(none.message)")
    }

    @Test("a number of seconds is a number, an incident length a duration")
    func types() throws {
        #expect(try Self.run("history.longest_incident < 60").status == .error)
        #expect(try Self.run("history.unhealthy_seconds < 60s").status == .error)
    }
}
