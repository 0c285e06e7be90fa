import Foundation
import Testing
@testable import JobscanCore

@Suite("Circuit breakers: state intervals, trips and failed calls")
struct CircuitBreakerTests {
    static let s = HistoryScenarioTests.second
    static func ts(_ offset: Int64) -> String { HistoryScenarioTests.ts(offset) }

    static func change(_ offset: Int64, _ service: String, _ from: String, _ to: String) -> String {
        zapLine(Self.ts(offset), "info", "Circuit breaker state change", [("service", service), ("from", from), ("to", to)])
    }

    static func failure(_ offset: Int64, _ service: String, _ operation: String, _ type: String, _ state: String) -> String {
        zapLine(Self.ts(offset), "error", "External API call failed",
                [("service", service), ("operation", operation), ("duration", "0.250"), ("error", "boom"), ("error_type", type), ("cb_state", state)])
    }

    @Test("time in each state from the first line naming the service, trips, failures by operation and type")
    func intervals() throws {
        let s = Self.s
        let (dir, path) = try HistoryScenarioTests.write([
            Self.failure(0, "btc_rpc", "get_transactions", "timeout", "closed"),
            Self.failure(s, "btc_rpc", "get_transactions", "network_error", "closed"),
            Self.change(2 * s, "btc_rpc", "closed", "open"),
            Self.change(5 * s, "btc_rpc", "open", "half-open"),
            Self.failure(6 * s, "btc_rpc", "current_balance", "timeout", "half-open"),
            Self.change(6 * s, "btc_rpc", "half-open", "open"),
            Self.change(8 * s, "btc_rpc", "open", "half-open"),
            Self.change(9 * s, "btc_rpc", "half-open", "closed"),
            Self.change(9 * s, "base_rpc", "closed", "open"),
            zapLine(Self.ts(10 * s), "info", "Some later line"),
        ])
        _ = dir
        let (analysis, _) = analyze([path])
        let breakers = analysis.replay.circuitBreakers
        #expect(breakers.map(\.service) == ["base_rpc", "btc_rpc"])
        let btc = breakers[1]
        #expect(btc.state == "closed")
        #expect(btc.trips == 2 && btc.changes == 5)
        #expect(btc.timeInState == ["closed": 3 * s, "open": 5 * s, "half-open": 2 * s])
        #expect(btc.timeOpen == 5 * s)
        #expect(btc.failures == 3 && btc.failureTime == 750_000_000)
        #expect(btc.failuresByOperation == ["get_transactions": 2, "current_balance": 1])
        #expect(btc.failuresByErrorType == ["timeout": 2, "network_error": 1])
        #expect(btc.intervalsWithCurrent.map(\.state) == ["closed", "open", "half-open", "open", "half-open", "closed"])
        #expect(btc.intervalsWithCurrent.map(\.from.nanoseconds) == [0, 2, 5, 6, 8, 9].map { HistoryScenarioTests.base + $0 * s })
        #expect(btc.intervalsWithCurrent.last?.to == nil)
        let base = breakers[0]
        #expect(base.state == "open" && base.trips == 1 && base.timeInState == ["open": s])
    }

    @Test("a new process starts its breakers closed; none exists between a shutdown and the next start")
    func restart() throws {
        let s = Self.s
        let (dir, path) = try HistoryScenarioTests.write([
            Self.change(0, "btc_rpc", "closed", "open"),
            zapLine(Self.ts(2 * s), "info", "Server shutdown complete"),
            zapLine(Self.ts(5 * s), "info", "Starting server", [("port", "8080")]),
            zapLine(Self.ts(6 * s), "info", "Some later line"),
        ])
        _ = dir
        let btc = try #require(analyze([path]).0.replay.circuitBreakers.first)
        #expect(btc.timeInState == ["open": 2 * s, "closed": s])
        #expect(btc.state == "closed" && btc.trips == 1)
        let down = try #require(analyze([path]) { $0.replay.evaluateAt = Instant(nanoseconds: HistoryScenarioTests.base + 3 * s) }.0.replay.circuitBreakers.first)
        #expect(down.state == nil && down.timeInState == ["open": 2 * s])
    }

    @Test("the noise fixture: btc_rpc trips on a timeout and is half-open at the end")
    func noiseFixture() throws {
        let btc = try #require(try HistoryReplay(scenario: "noise").analysis.replay.circuitBreakers.first)
        #expect(btc.service == "btc_rpc")
        #expect(btc.state == "half-open" && btc.trips == 1 && btc.changes == 2)
        #expect(btc.failures == 1 && btc.failuresByErrorType == ["timeout": 1])
        #expect(btc.timeOpen == 1_795_639_571_116_434_000 - 1_795_639_570_081_685_800)
    }
}
