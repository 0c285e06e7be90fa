import Testing
@testable import JobscanCore

/// Line decoding in both of zap's encodings (Grammar/zap-json-line.ebnf, Grammar/zap-console-line.ebnf).
/// Lines are modelled on Samples/fixtures; expected instants are worked out by hand
/// (2026-11-25T20:45:21Z = 1795639521 s).
@Suite("EventDecoder")
struct EventDecoderTests {
    typealias Payload = JobEvent.Payload

    struct EventCase: Sendable, CustomTestStringConvertible {
        let line: String
        let time: Int64
        let offset: Int32
        let level: ZapLevel
        let encoding: LineEncoding
        let payload: Payload
        var testDescription: String { escapedForDisplay(line) }
    }

    static func health(_ status: String, _ duration: Int64?, total: Int, unhealthy: Int, stalled: Int, running: Int) -> Payload {
        .healthCheck(HealthCheckRecord(overallStatus: status, duration: duration, totalJobs: total,
                                       unhealthyJobs: unhealthy, stalledJobs: stalled, runningJobs: running))
    }

    static let stack = #""stacktrace":"github.com/dwarvesf/icy-backend/internal/utils/logger.(*Logger).Error\n\tgithub.com/dwarvesf/icy-backend/internal/utils/logger/logger.go:56""#

    // MARK: every catalogue message, JSON

    static let jsonEvents: [EventCase] = [
        .init(line: #"{"level":"info","ts":1795639569.6071491,"caller":"logger/logger.go:76","msg":"Job registered for monitoring","job_name":"treasury_balance_snapshot"}"#,
              time: 1_795_639_569_607_149_100, offset: 0, level: .info, encoding: .json,
              payload: .registered(job: "treasury_balance_snapshot")),
        .init(line: #"{"level":"info","ts":1795639521.8066852,"caller":"logger/logger.go:76","msg":"Job started","job_name":"btc_transaction_indexing","start_time":"2026-11-25T20:45:21Z"}"#,
              time: 1_795_639_521_806_685_200, offset: 0, level: .info, encoding: .json,
              payload: .started(job: "btc_transaction_indexing", startTime: Instant(nanoseconds: 1_795_639_521_000_000_000))),
        .init(line: #"{"level":"info","ts":1795639521.8621,"caller":"logger/logger.go:76","msg":"Job completed successfully","duration":"55.248822ms","job_name":"icy_transaction_indexing"}"#,
              time: 1_795_639_521_862_100_000, offset: 0, level: .info, encoding: .json,
              payload: .completed(job: "icy_transaction_indexing", duration: 55_248_822)),
        .init(line: #"{"level":"error","ts":1795639539.1927843,"caller":"logger/logger.go:56","msg":"Job failed","job_name":"swap_request_processing","duration":"45.159206ms","error":"external API error: status=429 body=\"{\\\"error\\\":\\\"rate limited\\\"}\"","consecutive_failures":"1","# + stack + "}",
              time: 1_795_639_539_192_784_300, offset: 0, level: .error, encoding: .json,
              payload: .failed(job: "swap_request_processing", duration: 45_159_206,
                               error: #"external API error: status=429 body="{\"error\":\"rate limited\"}""#, consecutiveFailures: 1)),
        .init(line: #"{"level":"error","ts":1795639539.148,"caller":"logger/logger.go:56","msg":"Job panicked","job_name":"treasury_balance_snapshot","panic":"nil pointer in snapshot builder","# + stack + "}",
              time: 1_795_639_539_148_000_000, offset: 0, level: .error, encoding: .json,
              payload: .panicked(job: "treasury_balance_snapshot", value: "nil pointer in snapshot builder")),
        .init(line: #"{"level":"error","ts":1795639580.1368716,"caller":"logger/logger.go:56","msg":"Job detected as stalled","job_name":"icy_transaction_indexing","last_run_time":"2026-11-25T20:46:18Z","duration":"1.700980916s","# + stack + "}",
              time: 1_795_639_580_136_871_600, offset: 0, level: .error, encoding: .json,
              payload: .stalled(job: "icy_transaction_indexing", lastRunTime: Instant(nanoseconds: 1_795_639_578_000_000_000),
                                duration: 1_700_980_916)),
        .init(line: #"{"level":"error","ts":1795639583.8361857,"caller":"logger/logger.go:56","msg":"Attempted to complete unregistered job","job_name":"icy_transaction_indexing","# + stack + "}",
              time: 1_795_639_583_836_185_700, offset: 0, level: .error, encoding: .json,
              payload: .unregisteredCompletion(job: "icy_transaction_indexing")),
        .init(line: #"{"level":"info","ts":1795639582.9578712,"caller":"logger/logger.go:76","msg":"Cleaned up old job statuses","cleaned_count":"3"}"#,
              time: 1_795_639_582_957_871_200, offset: 0, level: .info, encoding: .json,
              payload: .cleanup(count: 3)),
        .init(line: #"{"level":"info","ts":1795639570.4916759,"caller":"logger/logger.go:76","msg":"Jobs health check completed","stalled_jobs":"0","running_jobs":"0","overall_status":"degraded","duration":"3ms","total_jobs":"6","unhealthy_jobs":"1"}"#,
              time: 1_795_639_570_491_675_900, offset: 0, level: .info, encoding: .json,
              payload: health("degraded", 3_000_000, total: 6, unhealthy: 1, stalled: 0, running: 0)),
        .init(line: #"{"level":"info","ts":1795639569.606646,"caller":"logger/logger.go:76","msg":"Starting server","port":"8080"}"#,
              time: 1_795_639_569_606_646_000, offset: 0, level: .info, encoding: .json,
              payload: .serverStarting(port: "8080")),
        .init(line: #"{"level":"info","ts":1795639569.606646,"caller":"logger/logger.go:76","msg":"Server shutdown complete"}"#,
              time: 1_795_639_569_606_646_000, offset: 0, level: .info, encoding: .json,
              payload: .serverShutdown),
        .init(line: #"{"level":"info","ts":1795639570.0816858,"caller":"logger/logger.go:76","msg":"Circuit breaker state change","service":"btc_rpc","from":"closed","to":"half-open"}"#,
              time: 1_795_639_570_081_685_800, offset: 0, level: .info, encoding: .json,
              payload: .circuitBreakerChange(service: "btc_rpc", from: "closed", to: "half-open")),
        .init(line: #"{"level":"error","ts":1795639570.0816548,"caller":"logger/logger.go:56","msg":"External API call failed","cb_state":"closed","service":"btc_rpc","operation":"GetTransactionsByAddress","duration":"10.004","error":"context deadline exceeded","error_type":"timeout","# + stack + "}",
              time: 1_795_639_570_081_654_800, offset: 0, level: .error, encoding: .json,
              payload: .externalAPIFailure(ExternalAPIFailure(service: "btc_rpc", operation: "GetTransactionsByAddress",
                                                              duration: 10_004_000_000, error: "context deadline exceeded",
                                                              errorType: "timeout", circuitBreakerState: "closed"))),
    ]

    // MARK: every catalogue message, console (2026-11-26T03:46:12+07:00 = 1795639572 s)

    static let consoleEvents: [EventCase] = [
        .init(line: "2026-11-26T03:46:12.548+0700\tINFO\tJob registered for monitoring\t{\"job_name\": \"btc_transaction_indexing\"}",
              time: 1_795_639_572_548_000_000, offset: 25_200, level: .info, encoding: .console,
              payload: .registered(job: "btc_transaction_indexing")),
        .init(line: "2026-11-26T03:46:12.548+0700\tINFO\tJob started\t{\"start_time\": \"2026-11-26T03:46:12+07:00\", \"job_name\": \"icy_swap_transaction_indexing\"}",
              time: 1_795_639_572_548_000_000, offset: 25_200, level: .info, encoding: .console,
              payload: .started(job: "icy_swap_transaction_indexing", startTime: Instant(nanoseconds: 1_795_639_572_000_000_000))),
        .init(line: "2026-11-26T03:46:12.720+0700\tINFO\tJob completed successfully\t{\"duration\": \"172.023117ms\", \"job_name\": \"btc_transaction_indexing\"}",
              time: 1_795_639_572_720_000_000, offset: 25_200, level: .info, encoding: .console,
              payload: .completed(job: "btc_transaction_indexing", duration: 172_023_117)),
        .init(line: "2026-11-26T03:46:13.202+0700\tERROR\tJob failed\t{\"duration\": \"210.169622ms\", \"error\": \"failed to process swap request #1287:\\n  step 1: sign tx: ok\\n\\tretry later\", \"consecutive_failures\": \"1\", \"job_name\": \"swap_request_processing\"}",
              time: 1_795_639_573_202_000_000, offset: 25_200, level: .error, encoding: .console,
              payload: .failed(job: "swap_request_processing", duration: 210_169_622,
                               error: "failed to process swap request #1287:\n  step 1: sign tx: ok\n\tretry later", consecutiveFailures: 1)),
        .init(line: "2026-11-26T03:46:13.190+0700\tERROR\tJob panicked\t{\"job_name\": \"btc_transaction_indexing\", \"panic\": \"unexpected nil block header at height 871234\"}",
              time: 1_795_639_573_190_000_000, offset: 25_200, level: .error, encoding: .console,
              payload: .panicked(job: "btc_transaction_indexing", value: "unexpected nil block header at height 871234")),
        .init(line: "2026-11-26T03:46:15.545+0700\tERROR\tJob detected as stalled\t{\"job_name\": \"icy_transaction_indexing\", \"last_run_time\": \"2026-11-26T03:46:13+07:00\", \"duration\": \"1.800143452s\"}",
              time: 1_795_639_575_545_000_000, offset: 25_200, level: .error, encoding: .console,
              payload: .stalled(job: "icy_transaction_indexing", lastRunTime: Instant(nanoseconds: 1_795_639_573_000_000_000),
                                duration: 1_800_143_452)),
        .init(line: "2026-11-25T20:46:23.836Z\tERROR\tAttempted to complete unregistered job\t{\"job_name\": \"icy_transaction_indexing\"}",
              time: 1_795_639_583_836_000_000, offset: 0, level: .error, encoding: .console,
              payload: .unregisteredCompletion(job: "icy_transaction_indexing")),
        .init(line: "2026-11-25T20:46:22.957Z\tINFO\tCleaned up old job statuses\t{\"cleaned_count\": \"3\"}",
              time: 1_795_639_582_957_000_000, offset: 0, level: .info, encoding: .console,
              payload: .cleanup(count: 3)),
        .init(line: "2026-11-26T03:46:18.348+0700\tINFO\tJobs health check completed\t{\"total_jobs\": \"5\", \"unhealthy_jobs\": \"2\", \"stalled_jobs\": \"1\", \"running_jobs\": \"0\", \"overall_status\": \"unhealthy\", \"duration\": \"0ms\"}",
              time: 1_795_639_578_348_000_000, offset: 25_200, level: .info, encoding: .console,
              payload: health("unhealthy", 0, total: 5, unhealthy: 2, stalled: 1, running: 0)),
        .init(line: "2026-11-26T03:46:12.548+0700\tINFO\tStarting server\t{\"port\": \"8080\"}",
              time: 1_795_639_572_548_000_000, offset: 25_200, level: .info, encoding: .console,
              payload: .serverStarting(port: "8080")),
        .init(line: "2026-11-26T03:46:12.548+0700\tINFO\tServer shutdown complete",
              time: 1_795_639_572_548_000_000, offset: 25_200, level: .info, encoding: .console,
              payload: .serverShutdown),
        .init(line: "2026-11-25T17:16:12.548-0330\tINFO\tCircuit breaker state change\t{\"service\": \"base_rpc\", \"from\": \"open\", \"to\": \"closed\"}",
              time: 1_795_639_572_548_000_000, offset: -12_600, level: .info, encoding: .console,
              payload: .circuitBreakerChange(service: "base_rpc", from: "open", to: "closed")),
        .init(line: "2026-11-26T03:46:12.548+0700\tERROR\tExternal API call failed\t{\"service\": \"base_rpc\", \"operation\": \"GetBalance\", \"duration\": \"0.25\", \"error\": \"connection refused\", \"error_type\": \"network\", \"cb_state\": \"half-open\"}",
              time: 1_795_639_572_548_000_000, offset: 25_200, level: .error, encoding: .console,
              payload: .externalAPIFailure(ExternalAPIFailure(service: "base_rpc", operation: "GetBalance", duration: 250_000_000,
                                                              error: "connection refused", errorType: "network",
                                                              circuitBreakerState: "half-open"))),
    ]

    static func check(_ c: EventCase, _ outcome: LineOutcome) throws {
        let event = try #require(outcome.event, "\(outcome)")
        #expect(event.payload == c.payload)
        #expect(event.time.nanoseconds == c.time)
        #expect(event.time.utcOffsetSeconds == c.offset)
        #expect(event.level == c.level)
        #expect(event.encoding == c.encoding)
        #expect(event.location == probeLocation)
        #expect(event.message == c.payload.messageForTest)
    }

    @Test("every catalogue message decodes from JSON", arguments: jsonEvents)
    func jsonEvent(_ c: EventCase) throws {
        try Self.check(c, probeLine(c.line))
    }

    @Test("every catalogue message decodes from the console encoding", arguments: consoleEvents)
    func consoleEvent(_ c: EventCase) throws {
        try Self.check(c, probeLine(c.line))
    }

    @Test("both tables cover the whole catalogue")
    func catalogueCovered() {
        #expect(Set(Self.jsonEvents.map(\.payload.messageForTest)) == Set(EventMessage.allCases))
        #expect(Set(Self.consoleEvents.map(\.payload.messageForTest)) == Set(EventMessage.allCases))
    }

    @Test("time fields keep the offset they were written in")
    func fieldOffsets() throws {
        let line = "2026-11-26T03:46:15.545+0700\tERROR\tJob detected as stalled\t{\"job_name\": \"x\", \"last_run_time\": \"2026-11-26T03:46:13.25+07:00\", \"duration\": \"1s\"}"
        guard case .stalled(_, let last, _) = try #require(probeLine(line).event).payload else {
            Issue.record("not a stall")
            return
        }
        #expect(last.utcOffsetSeconds == 25_200)
        #expect(last.nanoseconds == 1_795_639_573_250_000_000)
    }

    @Test("the fixtures' own lines decode with no diagnostic")
    func fixtureLines() throws {
        var decoder = EventDecoder()
        var events = 0
        var foreign = 0
        for name in ["noise.log", "dev_console.log", "error_classification.log", "panic.log", "cleanup.log"] {
            let lines = try GrammarPaths.lines(GrammarPaths.fixtures.appendingPathComponent(name))
            for (n, line) in lines.enumerated() {
                let outcome = line.withUnsafeBytes { decoder.decode($0, location: LineLocation(file: name, line: n + 1)) }
                switch outcome {
                case .event: events += 1
                case .foreign: foreign += 1
                case .diagnostic(let d): Issue.record("\(d)")
                }
            }
        }
        #expect(events > 200)
        #expect(foreign > 20)
    }

    // MARK: field orders

    struct OrderCase: Sendable, CustomTestStringConvertible {
        let encoding: LineEncoding
        let order: [Int]
        var testDescription: String { "\(encoding) \(order)" }
    }

    static let failedFields: [(key: String, value: String)] = [
        ("job_name", "btc_transaction_indexing"), ("duration", "2m3.004s"),
        ("error", "job timeout after 50ms"), ("consecutive_failures", "12"),
    ]

    static let orders: [OrderCase] = {
        func permutations(_ a: [Int]) -> [[Int]] {
            guard a.count > 1 else { return [a] }
            return a.indices.flatMap { i in
                permutations(Array(a[..<i] + a[(i + 1)...])).map { [a[i]] + $0 }
            }
        }
        let all = permutations([0, 1, 2, 3])
        return all.map { OrderCase(encoding: .json, order: $0) } + all.map { OrderCase(encoding: .console, order: $0) }
    }()

    @Test("fields decode in any order", arguments: orders)
    func fieldOrder(_ c: OrderCase) throws {
        let line: String
        switch c.encoding {
        case .json:
            // msg, level and ts too take turns with the fields.
            var members = c.order.map { #""\#(Self.failedFields[$0].key)":"\#(Self.failedFields[$0].value)""# }
            members.insert(#""msg":"Job failed""#, at: c.order[0])
            members.insert(#""level":"error""#, at: c.order[1])
            members.insert(#""ts":1795639521"#, at: c.order[2])
            line = "{" + members.joined(separator: ",") + "}"
        case .console:
            let members = c.order.map { "\"\(Self.failedFields[$0].key)\": \"\(Self.failedFields[$0].value)\"" }
            line = "2026-11-25T20:45:21.000Z\tERROR\tJob failed\t{" + members.joined(separator: ", ") + "}"
        }
        let event = try #require(probeLine(line).event, "\(line)")
        #expect(event.payload == .failed(job: "btc_transaction_indexing", duration: 123_004_000_000,
                                         error: "job timeout after 50ms", consecutiveFailures: 12))
        #expect(event.time.nanoseconds == 1_795_639_521_000_000_000)
    }

    @Test("msg after the fields, ts and level last")
    func messageLast() throws {
        let line = #"{"job_name":"x","duration":"1.5s","caller":"a.go:1","ts":1795639521.5,"level":"info","msg":"Job completed successfully"}"#
        let event = try #require(probeLine(line).event)
        #expect(event.payload == .completed(job: "x", duration: 1_500_000_000))
        #expect(event.time.nanoseconds == 1_795_639_521_500_000_000)
    }

    // MARK: foreign lines

    static let foreignLines: [String] = [
        "",
        "{}",
        "{ }",
        "[GIN] 2026/11/25 - 20:46:09 | 200 |      13.229µs |      10.42.0.17 | GET      \"/api/v1/oracle/circulated-icy\"",
        #"{"level":"info","ts":1795639569.6072643,"caller":"logger/logger.go:76","msg":"[GetCachedCirculatedICY] cache hit"}"#,
        #"{"level":"info","ts":1795639569.6072643,"caller":"logger/logger.go:76","msg":"Uptime webhook sent","job_name":"x"}"#,
        #"{"level":"info","ts":1795639569.6,"msg":"job started","job_name":"x","start_time":"2026-11-25T20:45:21Z"}"#,
        #"{"level":"info","ts":1795639569.6,"msg":"Job started ","job_name":"x","start_time":"2026-11-25T20:45:21Z"}"#,
        #"{"level":"info","ts":1795639569.6,"msg":1,"job_name":"x"}"#,
        #"{"level":"info","ts":1795639569.6,"msg":null}"#,
        #"{"level":"info","ts":1795639569.6,"msg":["Job started"],"job_name":"x"}"#,
        #"{"level":"info","ts":1795639569.6,"job_name":"x"}"#,
        #"{"level":"info","ts":1,"meta":{"a":[1,{"b":"}]"}],"c":null,"d":[[],{}]},"tags":["x","y"],"msg":"Telemetry flushed"}"#,
        #"{"level":"info","ts":1,"m\u0073g":"Job started","job_name":"x","start_time":"2026-11-25T20:45:21Z"}"#,
        #"{"level":"info","ts":1795639521.8,"msg":"Job sta"#,
        #"{"level":"info","ts":1,"job_name":"x","dur"#,
        #"{"level":"info","ts":1,"job_name":"x""#,
        #"{"level":"info","ts":1,,"msg":"Job started"}"#,
        #"{"level":"info","ts":1,"msg":"Other"} trailing"#,
        #"{"level":"info","ts":1,"msg":"Other","msg":"Job started","job_name":"x","start_time":"2026-11-25T20:45:21Z"}"#,
        #" {"level":"info","ts":1,"msg":"Job registered for monitoring","job_name":"x"}"#,
        "plain text line",
        "2026-11-26T03:46:13.202+0700\tDEBUG\t[ProcessPendingBtcTransactions] 0 pending transactions",
        "2026-11-26T03:46:13.202+0700\tINFO\tJob started now\t{\"job_name\": \"x\"}",
        "2026-11-26T03:46:13.202+0700\tINFO\tjob started\t{\"job_name\": \"x\"}",
        "2026-11-26T03:46:13.202+0700\tINFO\tJob started\tjunk",
        "2026-11-26T03:46:13.202+0700\tINFO",
        "2026-11-26T03:46:13.202+0700\tINFO\t",
        "2026-11-26T03:46:13.202+0700\tNOTICE\tJob started\t{\"job_name\": \"x\"}",
        "2026-11-26T03:46:13.202+07:00\tINFO\tJob started\t{\"job_name\": \"x\"}",
        "2026-11-26 03:46:13.202+0700\tINFO\tJob started\t{\"job_name\": \"x\"}",
        "2026-11-26T03:46:13.202+0700 INFO Job started {\"job_name\": \"x\"}",
        "2026/11/25 20:46:09 some other program",
        "\tgithub.com/dwarvesf/icy-backend/internal/utils/logger/logger.go:56",
        "1795639521.8 a number first",
    ]

    @Test("lines that are no catalogue event are foreign", arguments: foreignLines)
    func foreign(_ line: String) {
        let outcome = probeLine(line)
        #expect(outcome.kind == .foreign, "\(outcome)")
    }

    @Test("foreign zap lines keep their time when it comes before the message")
    func foreignTimes() {
        #expect(probeForeignTime(#"{"level":"info","ts":1795639569.6072643,"msg":"cache hit"}"#)
            == .some(Instant(nanoseconds: 1_795_639_569_607_264_300)))
        #expect(probeForeignTime(#"{"level":"info","msg":"cache hit","ts":1795639569.6072643}"#) == .some(nil))
        #expect(probeForeignTime("2026-11-26T03:46:13.202+0700\tDEBUG\tsomething")
            == .some(Instant(nanoseconds: 1_795_639_573_202_000_000)))
        #expect(probeForeignTime("[GIN] 2026/11/25 - 20:46:09 | 200") == .some(nil))
    }

    /// A foreign line's numeric `ts` is parsed too, so an epoch past 2262 must not stop the run.
    @Test("a foreign line with an out-of-range ts is foreign, not a crash")
    func foreignHugeTS() {
        var decoder = EventDecoder()
        let line = Array(#"{"level":"info","ts":10000000000,"msg":"cache hit"}"#.utf8)
        let outcome = line.withUnsafeBytes { decoder.decode($0, location: LineLocation(file: "t", line: 1)) }
        guard case .foreign = outcome else {
            Issue.record("not foreign: \(outcome)")
            return
        }
    }

    static let binaryLines: [[UInt8]] = [
        [0x00],
        [0x00, 0x00, 0xFF, 0xFE, 0x7B, 0x22],
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46],
        Array(#"{"level":"info","ts":1,"msg":"bin"#.utf8) + [0x00, 0xFF, 0xC3, 0x28] + Array(#"ary","x":1}"#.utf8),
        Array(#"{"level":"info","ts":1,"blob":""#.utf8) + [0x00, 0x80, 0xFF, 0x0A, 0x0D] + Array(#"","msg":"other"}"#.utf8),
        Array("2026-11-26T03:46:13.202+0700\tINFO\t".utf8) + [0x00, 0xFF, 0xFE] + Array("\t{}".utf8),
        Array("1".utf8) + [0x00, 0x09, 0xFF, 0x09, 0xFE],
        Array(#"{"level":"info","ts":1,"msg":"Job started"#.utf8) + [0x00] + Array(#"","job_name":"x"}"#.utf8),
    ]

    @Test("NUL bytes and invalid UTF-8 in foreign lines are foreign, not errors", arguments: binaryLines.indices)
    func binaryForeign(_ index: Int) {
        let outcome = probeLine(Self.binaryLines[index])
        #expect(outcome.kind == .foreign, "\(outcome)")
    }

    @Test("NUL bytes and invalid UTF-8 in other members of an event line are skipped")
    func binaryInsideEvent() throws {
        let line = Array(#"{"level":"info","ts":1,"blob":""#.utf8) + [0x00, 0xFF, 0xC3, 0x28]
            + Array(#"","msg":"Job registered for monitoring","job_name":"x"}"#.utf8)
        #expect(try #require(probeLine(line).event).payload == .registered(job: "x"))
        // In a text field the bytes are kept, each invalid one as U+FFFD.
        let line2 = Array(#"{"level":"error","ts":1,"msg":"Job panicked","job_name":"x","panic":"a"#.utf8) + [0x00, 0xFF]
            + Array(#"b"}"#.utf8)
        #expect(try #require(probeLine(line2).event).payload == .panicked(job: "x", value: "a\u{0}\u{FFFD}b"))
    }

    @Test("nested objects and arrays in unknown keys of an event line are skipped")
    func nestedSkipped() throws {
        let line = #"{"level":"info","ts":1,"ctx":{"a":[1,2,{"b":"} ] { [","c":[[[]]]}],"d":{}},"list":[{"job_name":"wrong"}],"msg":"Job registered for monitoring","n":-1.5e+3,"t":true,"f":false,"z":null,"job_name":"right"}"#
        #expect(try #require(probeLine(line).event).payload == .registered(job: "right"))
    }

    // MARK: escapes

    @Test("escaped values decode in full")
    func escapedValues() throws {
        let line = #"{"level":"error","ts":1,"msg":"Job failed","job_name":"x","duration":"1s","consecutive_failures":"2","error":"q \"x\" b \\ s \/ \b\f\n\r\t \u00e9 \ud83d\ude00 \ud83d lone \u001b[0m"}"#
        let event = try #require(probeLine(line).event)
        #expect(event.payload == .failed(job: "x", duration: 1_000_000_000,
                                         error: "q \"x\" b \\ s / \u{8}\u{C}\n\r\t é 😀 \u{FFFD} lone \u{1B}[0m",
                                         consecutiveFailures: 2))
    }

    @Test("raw U+2028 inside strings, in both encodings")
    func rawLineSeparator() throws {
        let json = "{\"level\":\"error\",\"ts\":1,\"msg\":\"Job panicked\",\"job_name\":\"x\",\"panic\":\"a\u{2028}b\"}"
        #expect(try #require(probeLine(json).event).payload == .panicked(job: "x", value: "a\u{2028}b"))
        let console = "2026-11-25T20:45:21.000Z\tERROR\tJob panicked\t{\"job_name\": \"x\", \"panic\": \"a\u{2028}b\"}"
        #expect(try #require(probeLine(console).event).payload == .panicked(job: "x", value: "a\u{2028}b"))
    }

    @Test("an escaped msg still matches the catalogue")
    func escapedMessage() throws {
        let line = #"{"level":"info","ts":1,"msg":"Job\u0020registered for monitoring","job_name":"x"}"#
        #expect(try #require(probeLine(line).event).payload == .registered(job: "x"))
    }

    @Test("escaped quotes inside keys and values do not end the string early")
    func escapedKeys() throws {
        let line = #"{"level":"info","ts":1,"we\"ird":"\"job_name\":\"no\"","msg":"Job registered for monitoring","job_name":"yes \"quoted\""}"#
        #expect(try #require(probeLine(line).event).payload == .registered(job: "yes \"quoted\""))
    }

    // MARK: duplicates and time encodings

    @Test("a key given twice: the later member wins, except msg, where zap's own (the first) is the message")
    func duplicates() throws {
        let line = #"{"level":"debug","ts":1,"msg":"Job completed successfully","job_name":"a","duration":"1s","job_name":"b","duration":"2s","level":"info","ts":2}"#
        let event = try #require(probeLine(line).event)
        #expect(event.payload == .completed(job: "b", duration: 2_000_000_000))
        #expect(event.level == .info)
        #expect(event.time.nanoseconds == 2_000_000_000)
        let twoMessages = #"{"level":"info","ts":1,"msg":"Job registered for monitoring","msg":"Job started","job_name":"a","start_time":"2026-11-25T20:45:21Z"}"#
        #expect(try #require(probeLine(twoMessages).event).message == .jobRegistered)
        let fieldNamedMsg = #"{"level":"info","ts":1,"msg":"cache hit","msg":"Job started","job_name":"a","start_time":"2026-11-25T20:45:21Z"}"#
        #expect(probeLine(fieldNamedMsg).kind == .foreign)
    }

    @Test("ts as a string, in RFC 3339 or console form", arguments: [
        (#""2026-11-25T20:45:21.806685Z""#, Int64(1_795_639_521_806_685_000), Int32(0)),
        (#""2026-11-26T03:45:21.806+07:00""#, 1_795_639_521_806_000_000, 25_200),
        (#""2026-11-26T03:45:21.806+0700""#, 1_795_639_521_806_000_000, 25_200),
        (#""2026-11-25T20:45:21Z""#, 1_795_639_521_000_000_000, 0),
    ])
    func stringTS(_ ts: String, _ nanoseconds: Int64, _ offset: Int32) throws {
        let line = #"{"level":"info","ts":"# + ts + #","msg":"Job registered for monitoring","job_name":"x"}"#
        let event = try #require(probeLine(line).event)
        #expect(event.time.nanoseconds == nanoseconds)
        #expect(event.time.utcOffsetSeconds == offset)
    }

    @Test("levels are case-insensitive and not checked against the message", arguments: [
        ("info", ZapLevel.info), ("INFO", .info), ("Warn", .warn), ("debug", .debug), ("dpanic", .dpanic),
        ("panic", .panic), ("fatal", .fatal), ("error", .error),
    ])
    func levels(_ text: String, _ level: ZapLevel) throws {
        let json = #"{"level":""# + text + #"","ts":1,"msg":"Job registered for monitoring","job_name":"x"}"#
        #expect(try #require(probeLine(json).event).level == level)
        let console = "2026-11-25T20:45:21.000Z\t\(text)\tJob registered for monitoring\t{\"job_name\": \"x\"}"
        #expect(try #require(probeLine(console).event).level == level)
    }

    // MARK: console specifics

    @Test("a console line with a caller segment")
    func consoleCaller() throws {
        let line = "2026-11-26T03:46:12.548+0700\tINFO\tlogger/logger.go:76\tJob started\t{\"job_name\": \"x\", \"start_time\": \"2026-11-26T03:46:12+07:00\"}"
        let event = try #require(probeLine(line).event)
        #expect(event.payload == .started(job: "x", startTime: Instant(nanoseconds: 1_795_639_572_000_000_000)))
        let noFields = "2026-11-26T03:46:12.548+0700\tINFO\tlogger/logger.go:76\tStarting server"
        #expect(try #require(probeLine(noFields).event).payload == .serverStarting(port: ""))
        let foreignWithCaller = "2026-11-26T03:46:12.548+0700\tINFO\tlogger/logger.go:76\tcache hit\t{\"job_name\": \"x\"}"
        #expect(probeLine(foreignWithCaller).kind == .foreign)
        let notACaller = "2026-11-26T03:46:12.548+0700\tINFO\tlogger/logger.py:76\tJob started\t{\"job_name\": \"x\"}"
        #expect(probeLine(notACaller).kind == .foreign)
    }

    @Test("a console line without fields")
    func consoleWithoutFields() throws {
        let server = "2026-11-26T03:46:12.548+0700\tINFO\tStarting server"
        #expect(try #require(probeLine(server).event).payload == .serverStarting(port: ""))
        let api = "2026-11-26T03:46:12.548+0700\tERROR\tExternal API call failed"
        #expect(try #require(probeLine(api).event).payload == .externalAPIFailure(ExternalAPIFailure(
            service: "", operation: "", duration: nil, error: "", errorType: "", circuitBreakerState: "")))
        let registered = probeLine("2026-11-26T03:46:12.548+0700\tINFO\tJob registered for monitoring")
        #expect(registered.diagnostic?.reason == .missingField)
        #expect(registered.diagnostic?.detail == "missing field job_name")
    }

    @Test("console fields follow the last tab; the raw message may hold tabs of its own")
    func consoleLastTab() throws {
        // The message is raw, so a foreign message may hold a tab and braces.
        let line = "2026-11-26T03:46:12.548+0700\tINFO\tsome\tmessage {x}\t{\"job_name\": \"x\"}"
        #expect(probeForeignTime(line) == .some(Instant(nanoseconds: 1_795_639_572_548_000_000)))
        // A JSON-escaped tab inside the fields does not split them.
        let escapedTab = "2026-11-26T03:46:12.548+0700\tERROR\tJob panicked\t{\"job_name\": \"x\", \"panic\": \"a\\tb\"}"
        #expect(try #require(probeLine(escapedTab).event).payload == .panicked(job: "x", value: "a\tb"))
    }

    @Test("console fields ignore msg, level and ts keys")
    func consoleIgnoresRoleKeys() throws {
        let line = "2026-11-26T03:46:12.548+0700\tINFO\tJob registered for monitoring\t{\"msg\": \"Other\", \"level\": \"error\", \"ts\": 5, \"job_name\": \"x\"}"
        let event = try #require(probeLine(line).event)
        #expect(event.payload == .registered(job: "x"))
        #expect(event.level == .info)
        #expect(event.time.nanoseconds == 1_795_639_572_548_000_000)
    }

    // MARK: diagnostics

    struct DiagnosticCase: Sendable, CustomTestStringConvertible {
        let line: String
        let reason: DiagnosticReason
        let detail: String
        let message: EventMessage
        var testDescription: String { "\(reason.rawValue): \(escapedForDisplay(line))" }
    }

    static let diagnostics: [DiagnosticCase] = [
        .init(line: #"{"level":"error","ts":1,"msg":"Job failed","duration":"1s","error":"e","consecutive_failures":"1"}"#,
              reason: .missingField, detail: "missing field job_name", message: .jobFailed),
        .init(line: #"{"level":"error","ts":1,"msg":"Job failed","job_name":"x","error":"e","consecutive_failures":"1"}"#,
              reason: .missingField, detail: "missing field duration", message: .jobFailed),
        .init(line: #"{"level":"error","ts":1,"msg":"Job failed","job_name":"x","duration":"1s","consecutive_failures":"1"}"#,
              reason: .missingField, detail: "missing field error", message: .jobFailed),
        .init(line: #"{"level":"error","ts":1,"msg":"Job failed","job_name":"x","duration":"1s","error":"e"}"#,
              reason: .missingField, detail: "missing field consecutive_failures", message: .jobFailed),
        .init(line: #"{"level":"info","ts":1,"msg":"Job started","job_name":"x"}"#,
              reason: .missingField, detail: "missing field start_time", message: .jobStarted),
        .init(line: #"{"level":"info","msg":"Job started","job_name":"x","start_time":"2026-11-25T20:45:21Z"}"#,
              reason: .missingField, detail: "missing field ts", message: .jobStarted),
        .init(line: #"{"ts":1,"msg":"Job started","job_name":"x","start_time":"2026-11-25T20:45:21Z"}"#,
              reason: .missingField, detail: "missing field level", message: .jobStarted),
        .init(line: #"{"level":"info","ts":1,"msg":"Cleaned up old job statuses"}"#,
              reason: .missingField, detail: "missing field cleaned_count", message: .cleanup),
        .init(line: #"{"level":"info","ts":1,"msg":"Circuit breaker state change","service":"btc_rpc","from":"open"}"#,
              reason: .missingField, detail: "missing field to", message: .circuitBreakerChange),
        .init(line: #"{"level":"info","ts":1,"msg":"Jobs health check completed","overall_status":"healthy","total_jobs":"1","unhealthy_jobs":"0","stalled_jobs":"0"}"#,
              reason: .missingField, detail: "missing field running_jobs", message: .healthCheck),
        .init(line: #"{"level":"info","ts":1,"msg":"Job completed successfully","job_name":"x","duration":"1.5"}"#,
              reason: .invalidDuration, detail: "field duration: missing unit in duration \"1.5\"", message: .jobCompleted),
        .init(line: #"{"level":"info","ts":1,"msg":"Job completed successfully","job_name":"x","duration":"1x"}"#,
              reason: .invalidDuration, detail: "field duration: unknown unit \"x\" in duration \"1x\"", message: .jobCompleted),
        .init(line: #"{"level":"info","ts":1,"msg":"Job completed successfully","job_name":"x","duration":""}"#,
              reason: .invalidDuration, detail: "field duration: invalid duration \"\"", message: .jobCompleted),
        .init(line: #"{"level":"info","ts":1,"msg":"Job completed successfully","job_name":"x","duration":"9223372036854775808ns"}"#,
              reason: .invalidDuration, detail: "field duration: duration \"9223372036854775808ns\" overflows Int64 nanoseconds", message: .jobCompleted),
        .init(line: #"{"level":"info","ts":1,"msg":"Job completed successfully","job_name":"x","duration":1.5}"#,
              reason: .invalidDuration, detail: "field duration is not a string", message: .jobCompleted),
        .init(line: #"{"level":"info","ts":1,"msg":"Job completed successfully","job_name":"x","duration":"1\u002e5s"}"#,
              reason: .invalidDuration, detail: #"field duration: unknown unit "\u" in duration "1\u002e5s""#, message: .jobCompleted),
        .init(line: #"{"level":"info","ts":1,"msg":"Job started","job_name":"x","start_time":"2026-11-25 20:45:21"}"#,
              reason: .invalidTime, detail: "field start_time is not an RFC 3339 time: \"2026-11-25 20:45:21\"", message: .jobStarted),
        .init(line: #"{"level":"info","ts":1,"msg":"Job started","job_name":"x","start_time":"2026-02-29T20:45:21Z"}"#,
              reason: .invalidTime, detail: "field start_time is not an RFC 3339 time: \"2026-02-29T20:45:21Z\"", message: .jobStarted),
        .init(line: #"{"level":"info","ts":1,"msg":"Job started","job_name":"x","start_time":"2026-11-25T20:45:21+0700"}"#,
              reason: .invalidTime, detail: "field start_time is not an RFC 3339 time: \"2026-11-25T20:45:21+0700\"", message: .jobStarted),
        .init(line: #"{"level":"error","ts":1,"msg":"Job detected as stalled","job_name":"x","last_run_time":1795639521,"duration":"1s"}"#,
              reason: .invalidTime, detail: "field last_run_time is not an RFC 3339 time: \"1795639521\"", message: .jobStalled),
        .init(line: #"{"level":"info","ts":1.2e9,"msg":"Job registered for monitoring","job_name":"x"}"#,
              reason: .invalidTime, detail: "invalid ts 1.2e9", message: .jobRegistered),
        .init(line: #"{"level":"info","ts":-1,"msg":"Job registered for monitoring","job_name":"x"}"#,
              reason: .invalidTime, detail: "invalid ts -1", message: .jobRegistered),
        .init(line: #"{"level":"info","ts":"yesterday","msg":"Job registered for monitoring","job_name":"x"}"#,
              reason: .invalidTime, detail: "invalid ts yesterday", message: .jobRegistered),
        .init(line: #"{"level":"info","ts":true,"msg":"Job registered for monitoring","job_name":"x"}"#,
              reason: .invalidTime, detail: "invalid ts true", message: .jobRegistered),
        .init(line: #"{"level":"verbose","ts":1,"msg":"Job registered for monitoring","job_name":"x"}"#,
              reason: .invalidLevel, detail: "invalid level verbose", message: .jobRegistered),
        .init(line: #"{"level":3,"ts":1,"msg":"Job registered for monitoring","job_name":"x"}"#,
              reason: .invalidLevel, detail: "invalid level 3", message: .jobRegistered),
        .init(line: #"{"level":"error","ts":1,"msg":"Job failed","job_name":"x","duration":"1s","error":"e","consecutive_failures":"one"}"#,
              reason: .invalidInteger, detail: "field consecutive_failures is not an integer: \"one\"", message: .jobFailed),
        .init(line: #"{"level":"error","ts":1,"msg":"Job failed","job_name":"x","duration":"1s","error":"e","consecutive_failures":"1.5"}"#,
              reason: .invalidInteger, detail: "field consecutive_failures is not an integer: \"1.5\"", message: .jobFailed),
        .init(line: #"{"level":"error","ts":1,"msg":"Job failed","job_name":"x","duration":"1s","error":"e","consecutive_failures":""}"#,
              reason: .invalidInteger, detail: "field consecutive_failures is not an integer: \"\"", message: .jobFailed),
        .init(line: #"{"level":"error","ts":1,"msg":"Job failed","job_name":"x","duration":"1s","error":"e","consecutive_failures":"1234567890123456789"}"#,
              reason: .invalidInteger, detail: "field consecutive_failures is not an integer: \"1234567890123456789\"", message: .jobFailed),
        .init(line: #"{"level":"error","ts":1,"msg":"Job failed","job_name":"x","duration":"1s","error":"e","consecutive_failures":true}"#,
              reason: .invalidInteger, detail: "field consecutive_failures is not an integer", message: .jobFailed),
        .init(line: #"{"level":"info","ts":1,"msg":"Cleaned up old job statuses","cleaned_count":"-"}"#,
              reason: .invalidInteger, detail: "field cleaned_count is not an integer: \"-\"", message: .cleanup),
        .init(line: #"{"level":"info","ts":1,"msg":"Job registered for monitoring","job_name":7}"#,
              reason: .invalidString, detail: "field job_name is not a string", message: .jobRegistered),
        .init(line: #"{"level":"info","ts":1,"msg":"Job registered for monitoring","job_name":"bad \x escape"}"#,
              reason: .invalidString, detail: "field job_name: an unknown escape '\\x' at byte 78", message: .jobRegistered),
        .init(line: #"{"level":"error","ts":1,"msg":"External API call failed","duration":"ten"}"#,
              reason: .invalidDuration, detail: "field duration is not decimal seconds: \"ten\"", message: .externalAPIFailure),
        .init(line: #"{"level":"info","ts":1,"msg":"Job started","job_name":"x","start_ti"#,
              reason: .malformedJSON, detail: "malformed JSON at byte 68: expected a closing '\"'", message: .jobStarted),
        .init(line: #"{"level":"info","ts":1,"msg":"Job started","job_name":"x","start_time":"#,
              reason: .malformedJSON, detail: "malformed JSON at byte 72: expected a value", message: .jobStarted),
        .init(line: #"{"level":"info","ts":1,"msg":"Job started","job_name":"x""#,
              reason: .malformedJSON, detail: "malformed JSON at byte 58: expected '}' or a member", message: .jobStarted),
        .init(line: #"{"level":"info","ts":1,"msg":"Job registered for monitoring","job_name":"x"} trailing"#,
              reason: .malformedJSON, detail: "malformed JSON at byte 78: expected the end of the line after '}'", message: .jobRegistered),
        .init(line: #"{"level":"info","ts":1,"msg":"Job registered for monitoring","job_name":"x",}"#,
              reason: .malformedJSON, detail: "malformed JSON at byte 77: expected a quoted key", message: .jobRegistered),
        .init(line: #"{"level":"info","ts":1,"msg":"Job registered for monitoring" "job_name":"x"}"#,
              reason: .malformedJSON, detail: "malformed JSON at byte 62: expected ',' or '}'", message: .jobRegistered),
        .init(line: #"{"level":"info","ts":1,"msg":"Job registered for monitoring","job_name":tru}"#,
              reason: .malformedJSON, detail: "malformed JSON at byte 73: expected true, false or null", message: .jobRegistered),
        .init(line: #"{"level":"info","ts":1,"msg":"Job registered for monitoring","ctx":{"a":[1,2}"#,
              reason: .malformedJSON, detail: "malformed JSON at byte 78: expected the end of a nested value", message: .jobRegistered),
        // console
        .init(line: "2026-11-26T03:46:12.548+0700\tINFO\tJob started\t{\"job_name\": \"x\", \"start_time\": ",
              reason: .malformedJSON, detail: "malformed JSON fields at byte 79: expected a value", message: .jobStarted),
        .init(line: "2026-11-26T03:46:12.548+0700\tINFO\tJob registered for monitoring\t{\"job_name\": \"x\"} ",
              reason: .malformedJSON, detail: "malformed JSON fields at byte 82: expected the end of the line after '}'", message: .jobRegistered),
        .init(line: "2026-11-26T03:46:12.548+0700\tINFO\tJob registered for monitoring\t{job_name: x}",
              reason: .malformedJSON, detail: "malformed JSON fields at byte 66: expected a quoted key", message: .jobRegistered),
        .init(line: "2026-11-26T03:46:13.190+0700\tERROR\tJob failed\t{\"duration\": \"1s\", \"error\": \"e\", \"consecutive_failures\": \"1\"}",
              reason: .missingField, detail: "missing field job_name", message: .jobFailed),
        .init(line: "2026-11-26T03:46:13.190+0700\tINFO\tJob completed successfully\t{\"job_name\": \"x\", \"duration\": \"1..5s\"}",
              reason: .invalidDuration, detail: "field duration: missing unit in duration \"1..5s\"", message: .jobCompleted),
    ]

    @Test("a malformed job event is a located diagnostic with a reason", arguments: diagnostics)
    func diagnostic(_ c: DiagnosticCase) throws {
        let location = LineLocation(file: "logs/app.log", line: 42)
        let d = try #require(probeLine(c.line, location: location).diagnostic)
        #expect(d.reason == c.reason)
        #expect(d.detail == c.detail)
        #expect(d.message == c.message)
        #expect(d.location == location)
        #expect(d.description == "logs/app.log:42: \"\(c.message.text)\": \(c.detail)")
    }

    @Test("the decoder is reused across lines without carrying fields over")
    func reuse() {
        var decoder = EventDecoder()
        func decode(_ s: String) -> LineOutcome {
            Array(s.utf8).withUnsafeBytes { decoder.decode($0, location: probeLocation) }
        }
        let full = #"{"level":"error","ts":1,"msg":"Job failed","job_name":"x","duration":"1s","error":"e","consecutive_failures":"1"}"#
        let partial = #"{"level":"error","ts":1,"msg":"Job failed","duration":"1s","error":"e","consecutive_failures":"1"}"#
        #expect(decode(full).kind == .event)
        #expect(decode(partial).diagnostic?.detail == "missing field job_name")
        // A foreign line that set fields before its msg does not leak them either.
        #expect(decode(#"{"job_name":"leak","level":"info","ts":1,"msg":"other"}"#).kind == .foreign)
        #expect(decode(partial).diagnostic?.detail == "missing field job_name")
        #expect(decode("2026-11-26T03:46:12.548+0700\tINFO\tJob registered for monitoring\t{\"job_name\": \"c\"}").event?.jobName == "c")
        #expect(decode("2026-11-26T03:46:12.548+0700\tINFO\tJob registered for monitoring").diagnostic?.reason == .missingField)
    }

    @Test("optional fields: health check without duration, integers as JSON numbers")
    func optionalAndNumbers() throws {
        let line = #"{"level":"info","ts":1,"msg":"Jobs health check completed","overall_status":"healthy","total_jobs":6,"unhealthy_jobs":"0","stalled_jobs":"-0","running_jobs":"007"}"#
        #expect(try #require(probeLine(line).event).payload
            == Self.health("healthy", nil, total: 6, unhealthy: 0, stalled: 0, running: 7))
        let negative = #"{"level":"error","ts":1,"msg":"Job failed","job_name":"x","duration":"-1s","error":"","consecutive_failures":"-3"}"#
        #expect(try #require(probeLine(negative).event).payload
            == .failed(job: "x", duration: -1_000_000_000, error: "", consecutiveFailures: -3))
        let server = #"{"level":"info","ts":1,"msg":"Starting server"}"#
        #expect(try #require(probeLine(server).event).payload == .serverStarting(port: ""))
        let api = #"{"level":"error","ts":1,"msg":"External API call failed","duration":10.004}"#
        #expect(try #require(probeLine(api).event).payload == .externalAPIFailure(ExternalAPIFailure(
            service: "", operation: "", duration: 10_004_000_000, error: "", errorType: "", circuitBreakerState: "")))
    }

    @Test("trailing blanks after a JSON object are allowed")
    func trailingBlanks() throws {
        let line = #"{"level":"info","ts":1,"msg":"Job registered for monitoring","job_name":"x"}"# + "  \t "
        #expect(try #require(probeLine(line).event).payload == .registered(job: "x"))
        let spaced = "{ \"level\" : \"info\" ,\t\"ts\" :1 , \"msg\":\"Job registered for monitoring\" ,\r\n \"job_name\" : \"x\" }"
        #expect(try #require(probeLine(spaced).event).payload == .registered(job: "x"))
    }
}

extension JobEvent.Payload {
    /// The catalogue message of a payload (built through JobEvent, which owns the mapping).
    var messageForTest: EventMessage {
        JobEvent(time: Instant(nanoseconds: 0), level: .info, payload: self, location: probeLocation, encoding: .json).message
    }
}

@Suite("EventDecoder: catalogue tables")
struct CatalogueTableTests {
    @Test("every field key is recognised, and nothing else of the same length")
    func fieldKeys() {
        for field in ZapField.allCases {
            let bytes = Array(field.key.utf8)
            #expect(bytes.withUnsafeBytes { ZapField.match($0) } == field, "\(field.key)")
            var altered = bytes
            altered[altered.count - 1] ^= 0x20
            #expect(altered.withUnsafeBytes { ZapField.match($0) } == nil, "\(field.key) altered")
        }
    }

    @Test("every catalogue message is recognised, and nothing else of the same length")
    func messages() {
        for message in EventMessage.allCases {
            let bytes = Array(message.text.utf8)
            #expect(bytes.withUnsafeBytes { EventMessage.match($0) } == message, "\(message.text)")
            var altered = bytes
            altered[0] ^= 0x20
            #expect(altered.withUnsafeBytes { EventMessage.match($0) } == nil, "\(message.text) altered")
        }
    }
}
