import Foundation
import Testing
@testable import JobscanCore

/// Holds the parsers to the grammars in Grammar/: for every production of every .ebnf file, at
/// least one valid and one invalid example, run through that file's parser. The tables are keyed
/// by production name, so searching this file for a production's name finds its examples.
@Suite("Grammar")
struct GrammarTests {
    enum GrammarFile: String, Sendable, CaseIterable {
        case goDuration = "go-duration.ebnf"
        case rfc3339 = "rfc3339.ebnf"
        case jsonLine = "zap-json-line.ebnf"
        case consoleLine = "zap-console-line.ebnf"
        case envelopes = "envelopes.ebnf"
    }

    /// Which parser an example goes through, and what it must produce.
    enum Probe: Sendable {
        /// GoDuration.parse: nanoseconds, or nil for an error.
        case duration(Int64?)
        /// GoDuration.format(GoDuration.parse(x)) == x (Go's printed form) or not.
        case printed(Bool)
        /// TimeText.parseRFC3339 / parseZapConsole / parseEpochSeconds: nanoseconds, or nil.
        case rfc3339(Int64?)
        case consoleTime(Int64?)
        case epoch(Int64?)
        /// JSONStringDecoder on a string's content: the decoded text, or nil for an error.
        case content(String?)
        /// EventDecoder on a whole line.
        case line(LineOutcomeKind)
        /// EnvelopeReader on records of a shape: the lines handed on, diagnostics, unattributed lines.
        case envelope(LogShape, Unwrapped)
    }

    struct Example: Sendable, CustomTestStringConvertible {
        let file: GrammarFile
        let production: String
        /// Whether the input is an instance of the production.
        let valid: Bool
        let input: [UInt8]
        let probe: Probe

        var testDescription: String {
            "\(file.rawValue) \(production) \(valid ? "valid" : "invalid"): \(escapedForDisplay(String(decoding: input, as: UTF8.self)))"
        }
    }

    // MARK: go-duration.ebnf

    static func dur(_ production: String, _ input: String, _ ns: Int64?) -> Example {
        Example(file: .goDuration, production: production, valid: ns != nil, input: Array(input.utf8), probe: .duration(ns))
    }

    static func printed(_ production: String, _ input: String, _ valid: Bool) -> Example {
        Example(file: .goDuration, production: production, valid: valid, input: Array(input.utf8), probe: .printed(valid))
    }

    static let goDurationExamples: [Example] = [
        dur("duration", "1h2m3.456789012s", 3_723_456_789_012),
        dur("duration", "0", 0),
        dur("duration", "", nil),
        dur("duration", "1", nil),
        dur("duration", "00", nil),
        dur("sign", "-1.5s", -1_500_000_000),
        dur("sign", "+1s", 1_000_000_000),
        dur("sign", "--1s", nil),
        dur("sign", "\u{2212}1s", nil),
        dur("component", "1s1h", 3_601_000_000_000),
        dur("component", "1h1h", 7_200_000_000_000),
        dur("component", "1s2", nil),
        dur("component", "h", nil),
        dur("decimal", ".5s", 500_000_000),
        dur("decimal", "1.s", 1_000_000_000),
        dur("decimal", "12.5µs", 12_500),
        dur("decimal", ".s", nil),
        dur("decimal", "1..5s", nil),
        dur("decimal", "1,5s", nil),
        dur("digits", "0012ms", 12_000_000),
        dur("digits", "0.14375382940750h", 517_513_785_866),
        dur("digits", "ms", nil),
        dur("digit", "9ns", 9),
        dur("digit", "\u{0663}s", nil),
        dur("unit", "1ns", 1),
        dur("unit", "1us", 1_000),
        dur("unit", "1ms", 1_000_000),
        dur("unit", "1s", 1_000_000_000),
        dur("unit", "1m", 60_000_000_000),
        dur("unit", "1h", 3_600_000_000_000),
        dur("unit", "1S", nil),
        dur("unit", "1sec", nil),
        dur("unit", "1 s", nil),
        dur("unit", "1s ", nil),
        dur("unit", "1d", nil),
        dur("micro-sign", "1\u{00B5}s", 1_000),
        dur("micro-sign", "1\u{00B5}", nil),
        dur("greek-mu", "1.5\u{03BC}s", 1_500),
        dur("greek-mu", "1\u{039C}s", nil),
        // range constraints of `duration`
        dur("duration", "2562047h47m16.854775807s", .max),
        dur("duration", "-9223372036854775808ns", .min),
        dur("duration", "9223372036854775808ns", nil),
        dur("duration", "2562048h", nil),

        printed("printed-duration", "0s", true),
        printed("printed-duration", "-1.5s", true),
        printed("printed-duration", "0", false),
        printed("printed-duration", "+1s", false),
        printed("printed-duration", "-0s", false),
        printed("printed-ns", "1ns", true),
        printed("printed-ns", "999ns", true),
        printed("printed-ns", "1000ns", false),
        printed("printed-ns", "0ns", false),
        printed("printed-us", "1.5µs", true),
        printed("printed-us", "21.072µs", true),
        printed("printed-us", "1.5us", false),
        printed("printed-us", "1.5\u{03BC}s", false),
        printed("printed-us", "0.5µs", false),
        printed("printed-us", "1000µs", false),
        printed("printed-ms", "86.241771ms", true),
        printed("printed-ms", "350ms", true),
        printed("printed-ms", "0.5ms", false),
        printed("printed-ms", "1.0ms", false),
        printed("printed-hms", "1h0m0s", true),
        printed("printed-hms", "2m3.004s", true),
        printed("printed-hms", "59.999999999s", true),
        printed("printed-hms", "1h", false),
        printed("printed-hms", "1m", false),
        printed("printed-hms", "60s", false),
        printed("printed-hms", "0.5s", false),
        printed("small-count", "999µs", true),
        printed("small-count", "0999ns", false),
        printed("small-count", "1000ms", false),
        printed("sixty-count", "1m59s", true),
        printed("sixty-count", "1h59m0s", true),
        printed("sixty-count", "1m60s", false),
        printed("sixty-count", "1m05s", false),
        printed("hour-count", "100h0m0s", true),
        printed("hour-count", "01h0m0s", false),
        printed("printed-fraction", "1.05s", true),
        printed("printed-fraction", "1.50s", false),
        printed("printed-fraction", "1.s", false),
        printed("printed-fraction", "1.0s", false),
    ]

    // MARK: rfc3339.ebnf

    /// 2026-11-25T20:45:21Z
    static let t0: Int64 = 1_795_639_521_000_000_000
    static let second: Int64 = 1_000_000_000

    static func rfc(_ production: String, _ input: String, _ ns: Int64?) -> Example {
        Example(file: .rfc3339, production: production, valid: ns != nil, input: Array(input.utf8), probe: .rfc3339(ns))
    }

    static func con(_ production: String, _ input: String, _ ns: Int64?) -> Example {
        Example(file: .rfc3339, production: production, valid: ns != nil, input: Array(input.utf8), probe: .consoleTime(ns))
    }

    static func epoch(_ production: String, _ input: String, _ ns: Int64?) -> Example {
        Example(file: .rfc3339, production: production, valid: ns != nil, input: Array(input.utf8), probe: .epoch(ns))
    }

    static let timeExamples: [Example] = [
        rfc("date-time", "2026-11-25T20:45:21Z", t0),
        rfc("date-time", "2026-11-25T20:45:21", nil),
        rfc("date-time", "2026-11-25T20:45:21Z ", nil),
        rfc("full-date", "2026-12-01T00:00:00Z", 1_796_083_200 * second),
        rfc("full-date", "20261125T20:45:21Z", nil),
        rfc("date-fullyear", "1999-12-31T23:59:59Z", 946_684_799 * second),
        rfc("date-fullyear", "999-12-31T23:59:59Z", nil),
        rfc("date-fullyear", "0001-01-01T00:00:00Z", Instant.goZero.nanoseconds),
        rfc("date-fullyear", "9999-12-31T23:59:59Z", nil),
        rfc("date-month", "2026-01-01T00:00:00Z", 1_767_225_600 * second),
        rfc("date-month", "2026-13-01T00:00:00Z", nil),
        rfc("date-month", "2026-00-01T00:00:00Z", nil),
        rfc("date-mday", "2024-02-29T12:00:00Z", 1_709_208_000 * second),
        rfc("date-mday", "2000-02-29T00:00:00Z", 951_782_400 * second),
        rfc("date-mday", "2026-02-29T00:00:00Z", nil),
        rfc("date-mday", "2100-02-29T00:00:00Z", nil),
        rfc("date-mday", "2026-04-31T00:00:00Z", nil),
        rfc("date-mday", "2026-11-00T00:00:00Z", nil),
        rfc("partial-time", "2026-11-25T20:45:21Z", t0),
        rfc("partial-time", "2026-11-25T20:45Z", nil),
        rfc("time-hour", "2026-11-25T23:00:00Z", t0 + 8_079 * second),
        rfc("time-hour", "2026-11-25T24:00:00Z", nil),
        rfc("time-minute", "2026-11-25T20:59:00Z", t0 + 819 * second),
        rfc("time-minute", "2026-11-25T20:60:00Z", nil),
        rfc("time-second", "2026-11-25T20:45:59Z", t0 + 38 * second),
        rfc("time-second", "2026-11-25T20:45:60Z", nil),
        rfc("time-secfrac", "2026-11-25T20:45:21.1Z", t0 + 100_000_000),
        rfc("time-secfrac", "2026-11-25T20:45:21.123456789Z", t0 + 123_456_789),
        rfc("time-secfrac", "2026-11-25T20:45:21.Z", nil),
        rfc("time-secfrac", "2026-11-25T20:45:21.1234567890Z", nil),
        rfc("time-offset", "2026-11-25T20:45:21Z", t0),
        rfc("time-offset", "2026-11-25T20:45:21z", nil),
        rfc("time-numoffset", "2026-11-26T03:45:21+07:00", t0),
        rfc("time-numoffset", "2026-11-25T17:15:21-03:30", t0),
        rfc("time-numoffset", "2026-11-26T03:45:21+0700", nil),
        rfc("time-numoffset", "2026-11-26T03:45:21+24:00", nil),
        rfc("time-numoffset", "2026-11-26T03:45:21+07:60", nil),
        rfc("sign", "2026-11-25T17:15:21-03:30", t0),
        rfc("sign", "2026-11-25T17:15:21 03:30", nil),
        rfc("digit", "2026-11-25T20:45:21Z", t0),
        rfc("digit", "2026-1a-25T20:45:21Z", nil),
        con("console-time", "2026-11-26T03:46:12.548+0700", (1_795_639_572 * second) + 548_000_000),
        con("console-time", "2026-11-26T03:46:12.548+07:00", nil),
        con("console-time", "2026-11-26T03:46:12.548", nil),
        con("console-offset", "2026-11-25T20:46:12.548Z", (1_795_639_572 * second) + 548_000_000),
        con("console-offset", "2026-11-25T17:16:12.548-0330", (1_795_639_572 * second) + 548_000_000),
        con("console-offset", "2026-11-26T03:46:12.548+07", nil),
        con("console-offset", "2026-11-26T03:46:12.548+2400", nil),
        epoch("epoch-seconds", "1795639521.8066852", 1_795_639_521_806_685_200),
        epoch("epoch-seconds", "1795639521.1234567899", 1_795_639_521_123_456_789),
        epoch("epoch-seconds", "1.2e9", nil),
        epoch("epoch-seconds", "1.", nil),
        epoch("epoch-integer", "1795639521", t0),
        epoch("epoch-integer", "000001.5", 1_500_000_000),
        epoch("epoch-integer", "-1", nil),
        epoch("epoch-integer", ".5", nil),
        epoch("epoch-integer", "1000000000000", nil),
    ]

    // MARK: zap-json-line.ebnf

    static func line(_ production: String, _ input: String, _ kind: LineOutcomeKind) -> Example {
        line(production, Array(input.utf8), kind)
    }

    static func line(_ production: String, _ input: [UInt8], _ kind: LineOutcomeKind) -> Example {
        Example(file: .jsonLine, production: production, valid: kind == .event, input: input, probe: .line(kind))
    }

    static func content(_ production: String, _ input: String, _ decoded: String?, valid: Bool? = nil) -> Example {
        Example(file: .jsonLine, production: production, valid: valid ?? (decoded != nil), input: Array(input.utf8),
                probe: .content(decoded))
    }

    /// The start of a registration line, to which an example appends members.
    static let reg = #"{"level":"info","ts":1,"msg":"Job registered for monitoring""#
    static let x = #","job_name":"x"}"#

    static let jsonLineExamples: [Example] = [
        line("json-line", reg + x, .event),
        line("json-line", reg + x + "x", .diagnostic(.malformedJSON)),
        line("json-line", #"{"level":"info","ts":1"#, .foreign),
        line("line-blank", reg + x + "  \t", .event),
        line("line-blank", reg + x + "\u{0B}", .diagnostic(.malformedJSON)),
        line("json-object", reg + x, .event),
        line("json-object", reg + #","job_name":"x""#, .diagnostic(.malformedJSON)),
        line("json-object", "{}", .foreign),
        line("member", reg + x, .event),
        line("member", reg + #","job_name" "x"}"#, .diagnostic(.malformedJSON)),
        line("member", reg + #",job_name:"x"}"#, .diagnostic(.malformedJSON)),
        line("ws", "{ \"level\" :\t\"info\" ,\r\n\"ts\":1, \"msg\": \"Job registered for monitoring\" , \"job_name\":\"x\" }", .event),
        line("ws", reg + ",\u{0C}\"job_name\":\"x\"}", .diagnostic(.malformedJSON)),
        line("json-value", reg + #","a":"s","b":1,"c":true,"d":{},"e":[]"# + x, .event),
        line("json-value", reg + #","a":'s'"# + x, .diagnostic(.malformedJSON)),
        line("json-string", reg + #","a":"","b":"\"}\"""# + x, .event),
        line("json-string", reg + #","job_name":"x}"#, .diagnostic(.malformedJSON)),
        line("string-byte", Array((reg + #","junk":""#).utf8) + [0x00, 0x01, 0xFF, 0xE2, 0x80, 0xA8] + Array(("\"" + x).utf8), .event),
        line("string-byte", reg + #","job_name":"a"b"}"#, .diagnostic(.malformedJSON)),
        line("json-number", #"{"level":"info","ts":1795639521.8066852,"msg":"Job registered for monitoring","n":-0.5E+2"# + x, .event),
        line("json-number", reg + #","n":+1"# + x, .diagnostic(.malformedJSON)),
        line("json-number", reg + #","n":.5"# + x, .diagnostic(.malformedJSON)),
        line("json-literal", reg + #","a":null,"b":false,"c":true"# + x, .event),
        line("json-literal", reg + #","a":nil"# + x, .diagnostic(.malformedJSON)),
        line("json-literal", reg + #","a":True"# + x, .diagnostic(.malformedJSON)),
        line("json-nested", reg + #","a":{"b":[1,{"c":"]"}],"d":[[]]}"# + x, .event),
        line("json-nested", reg + #","a":{"b":[1,2}"# + x, .diagnostic(.malformedJSON)),
        line("json-nested", reg + #","a":[1,2"#, .diagnostic(.malformedJSON)),

        content("string-content", #"a\"b\\c\/d\be\ff\ng\rh\ti\u00e9"#, "a\"b\\c/d\u{8}e\u{C}f\ng\rh\ti\u{E9}"),
        content("string-content", "raw \u{2028} é", "raw \u{2028} é"),
        content("string-content", #"a\x"#, nil),
        content("string-content", #"a\"#, nil),
        content("escape", #"\n"#, "\n"),
        content("escape", #"\/"#, "/"),
        content("escape", #"\a"#, nil),
        content("escape", #"\U00e9"#, nil),
        line("escape", reg + #","job_name":"a\tb"}"#, .event),
        line("escape", reg + #","job_name":"a\qb"}"#, .diagnostic(.invalidString)),
        content("unicode-escape", #"\u00e9"#, "é"),
        content("unicode-escape", #"\u0000"#, "\u{0}"),
        content("unicode-escape", #"\u00g9"#, nil),
        content("unicode-escape", #"\u12"#, nil),
        content("surrogate-pair", #"\ud83d\ude00"#, "😀"),
        content("surrogate-pair", #"\ud83d\u0041"#, "\u{FFFD}A", valid: false),
        content("surrogate-pair", #"\ude00\ud83d"#, "\u{FFFD}\u{FFFD}", valid: false),
        content("high-surrogate", #"\uDBFF\uDFFF"#, "\u{10FFFF}"),
        content("high-surrogate", #"\ue000\udc00"#, "\u{E000}\u{FFFD}", valid: false),
        content("low-surrogate", #"\ud800\udc00"#, "\u{10000}"),
        content("low-surrogate", #"\ud800\ue000"#, "\u{FFFD}\u{E000}", valid: false),
        content("hex", #"\u00E9\uabcd"#, "\u{E9}\u{ABCD}"),
        content("hex", #"\u00G9"#, nil),

        line("msg-member", reg + x, .event),
        line("msg-member", #"{"level":"info","ts":1,"msg":"Job\u0020registered for monitoring""# + x, .event),
        line("msg-member", #"{"level":"info","ts":1,"msg":"Job registered""# + x, .foreign),
        line("msg-member", #"{"level":"info","ts":1,"msg":1"# + x, .foreign),
        line("msg-member", #"{"level":"info","ts":1,"msg":"Other","msg":"Job registered for monitoring""# + x, .foreign),
        line("catalogue-message", #"{"level":"info","ts":1,"msg":"Job registered for monitoring","job_name":"x"}"#, .event),
        line("catalogue-message", #"{"level":"info","ts":1,"msg":"Job started","job_name":"x","start_time":"2026-11-25T20:45:21Z"}"#, .event),
        line("catalogue-message", #"{"level":"info","ts":1,"msg":"Job completed successfully","job_name":"x","duration":"1s"}"#, .event),
        line("catalogue-message", #"{"level":"error","ts":1,"msg":"Job failed","job_name":"x","duration":"1s","error":"e","consecutive_failures":"1"}"#, .event),
        line("catalogue-message", #"{"level":"error","ts":1,"msg":"Job panicked","job_name":"x","panic":"p"}"#, .event),
        line("catalogue-message", #"{"level":"error","ts":1,"msg":"Job detected as stalled","job_name":"x","last_run_time":"2026-11-25T20:45:21Z","duration":"5m0s"}"#, .event),
        line("catalogue-message", #"{"level":"error","ts":1,"msg":"Attempted to complete unregistered job","job_name":"x"}"#, .event),
        line("catalogue-message", #"{"level":"info","ts":1,"msg":"Cleaned up old job statuses","cleaned_count":"2"}"#, .event),
        line("catalogue-message", #"{"level":"info","ts":1,"msg":"Jobs health check completed","overall_status":"healthy","total_jobs":"1","unhealthy_jobs":"0","stalled_jobs":"0","running_jobs":"0"}"#, .event),
        line("catalogue-message", #"{"level":"info","ts":1,"msg":"Starting server","port":"8080"}"#, .event),
        line("catalogue-message", #"{"level":"info","ts":1,"msg":"Server shutdown complete"}"#, .event),
        line("catalogue-message", #"{"level":"info","ts":1,"msg":"Server shutdown completed"}"#, .foreign),
        line("catalogue-message", #"{"level":"info","ts":1,"msg":"Circuit breaker state change","service":"btc_rpc","from":"closed","to":"open"}"#, .event),
        line("catalogue-message", #"{"level":"error","ts":1,"msg":"External API call failed","service":"btc_rpc"}"#, .event),
        line("catalogue-message", #"{"level":"error","ts":1,"msg":"Job Failed","job_name":"x"}"#, .foreign),
        line("catalogue-message", #"{"level":"error","ts":1,"msg":"Job failed.","job_name":"x"}"#, .foreign),
        line("level-member", #"{"level":"error","ts":1,"msg":"Job registered for monitoring""# + x, .event),
        line("level-member", #"{"level":"information","ts":1,"msg":"Job registered for monitoring""# + x, .diagnostic(.invalidLevel)),
        line("level-member", #"{"ts":1,"msg":"Job registered for monitoring""# + x, .diagnostic(.missingField)),
        line("level-name", #"{"level":"WARN","ts":1,"msg":"Job registered for monitoring""# + x, .event),
        line("level-name", #"{"level":"dpanic","ts":1,"msg":"Job registered for monitoring""# + x, .event),
        line("level-name", #"{"level":"warning","ts":1,"msg":"Job registered for monitoring""# + x, .diagnostic(.invalidLevel)),
        line("ts-member", #"{"level":"info","ts":1795639521.8066852,"msg":"Job registered for monitoring""# + x, .event),
        line("ts-member", #"{"level":"info","ts":"2026-11-25T20:45:21.806Z","msg":"Job registered for monitoring""# + x, .event),
        line("ts-member", #"{"level":"info","ts":"2026-11-26T03:45:21.806+0700","msg":"Job registered for monitoring""# + x, .event),
        line("ts-member", #"{"level":"info","ts":"1795639521","msg":"Job registered for monitoring""# + x, .diagnostic(.invalidTime)),
        line("ts-member", #"{"level":"info","ts":1e9,"msg":"Job registered for monitoring""# + x, .diagnostic(.invalidTime)),
        line("ts-member", #"{"level":"info","msg":"Job registered for monitoring""# + x, .diagnostic(.missingField)),
        line("field-member", reg + x, .event),
        line("field-member", reg + #","Job_Name":"x"}"#, .diagnostic(.missingField)),
        line("field-key", reg + x, .event),
        line("field-key", reg + #","jobName":"x"}"#, .diagnostic(.missingField)),
        line("field-key", reg + #","job_nam\u0065":"x"}"#, .diagnostic(.missingField)),
        line("ignored-member", reg + #","caller":"a.go:1","stacktrace":"x\ny","extra":{"k":[1]}"# + x, .event),
        line("ignored-member", reg + #","extra":}"#, .diagnostic(.malformedJSON)),
        line("text-value", reg + #","job_name":"a\tb"}"#, .event),
        line("text-value", reg + #","job_name":["x"]}"#, .diagnostic(.invalidString)),
        line("text-value", reg + #","job_name":null}"#, .diagnostic(.invalidString)),
        line("duration-value", #"{"level":"info","ts":1,"msg":"Job completed successfully","job_name":"x","duration":"1.5s"}"#, .event),
        line("duration-value", #"{"level":"info","ts":1,"msg":"Job completed successfully","job_name":"x","duration":"1.5"}"#, .diagnostic(.invalidDuration)),
        line("duration-value", #"{"level":"info","ts":1,"msg":"Job completed successfully","job_name":"x","duration":1500}"#, .diagnostic(.invalidDuration)),
        line("time-value", #"{"level":"info","ts":1,"msg":"Job started","job_name":"x","start_time":"2026-11-26T03:45:21+07:00"}"#, .event),
        line("time-value", #"{"level":"info","ts":1,"msg":"Job started","job_name":"x","start_time":"2026-11-25T20:45:21.806+0000"}"#, .diagnostic(.invalidTime)),
        line("time-value", #"{"level":"info","ts":1,"msg":"Job started","job_name":"x","start_time":"2026-11-25T20:45:21\u005a"}"#, .diagnostic(.invalidTime)),
        line("integer-value", #"{"level":"info","ts":1,"msg":"Cleaned up old job statuses","cleaned_count":"3"}"#, .event),
        line("integer-value", #"{"level":"info","ts":1,"msg":"Cleaned up old job statuses","cleaned_count":3}"#, .event),
        line("integer-value", #"{"level":"info","ts":1,"msg":"Cleaned up old job statuses","cleaned_count":"3.0"}"#, .diagnostic(.invalidInteger)),
        line("integer-value", #"{"level":"info","ts":1,"msg":"Cleaned up old job statuses","cleaned_count":[3]}"#, .diagnostic(.invalidInteger)),
        line("integer-text", #"{"level":"info","ts":1,"msg":"Cleaned up old job statuses","cleaned_count":"-12"}"#, .event),
        line("integer-text", #"{"level":"info","ts":1,"msg":"Cleaned up old job statuses","cleaned_count":"123456789012345678"}"#, .event),
        line("integer-text", #"{"level":"info","ts":1,"msg":"Cleaned up old job statuses","cleaned_count":"1234567890123456789"}"#, .diagnostic(.invalidInteger)),
        line("integer-text", #"{"level":"info","ts":1,"msg":"Cleaned up old job statuses","cleaned_count":"+1"}"#, .diagnostic(.invalidInteger)),
        line("integer-text", #"{"level":"info","ts":1,"msg":"Cleaned up old job statuses","cleaned_count":""}"#, .diagnostic(.invalidInteger)),
        line("seconds-value", #"{"level":"error","ts":1,"msg":"External API call failed","duration":"10.004"}"#, .event),
        line("seconds-value", #"{"level":"error","ts":1,"msg":"External API call failed","duration":10.004}"#, .event),
        line("seconds-value", #"{"level":"error","ts":1,"msg":"External API call failed","duration":"10.004s"}"#, .diagnostic(.invalidDuration)),
        line("digit", #"{"level":"info","ts":1,"msg":"Cleaned up old job statuses","cleaned_count":"0"}"#, .event),
        line("digit", #"{"level":"info","ts":1,"msg":"Cleaned up old job statuses","cleaned_count":"\#u{0663}"}"#, .diagnostic(.invalidInteger)),
    ]

    // MARK: zap-console-line.ebnf

    static func cline(_ production: String, _ input: String, _ kind: LineOutcomeKind) -> Example {
        Example(file: .consoleLine, production: production, valid: kind == .event, input: Array(input.utf8), probe: .line(kind))
    }

    static let time = "2026-11-26T03:46:12.548+0700"

    static let consoleLineExamples: [Example] = [
        cline("console-line", time + "\tINFO\tJob registered for monitoring\t{\"job_name\": \"x\"}", .event),
        cline("console-line", time + " INFO Job registered for monitoring {\"job_name\": \"x\"}", .foreign),
        cline("tab", time + "\tINFO\tJob registered for monitoring\t{\"job_name\": \"x\"}", .event),
        cline("tab", time + " INFO\tJob registered for monitoring\t{\"job_name\": \"x\"}", .foreign),
        cline("tab", time + "\tINFO\tJob registered for monitoring {\"job_name\": \"x\"}", .foreign),
        cline("console-level", time + "\tERROR\tJob registered for monitoring\t{\"job_name\": \"x\"}", .event),
        cline("console-level", time + "\tinfo\tJob registered for monitoring\t{\"job_name\": \"x\"}", .event),
        cline("console-level", time + "\tERR\tJob registered for monitoring\t{\"job_name\": \"x\"}", .foreign),
        cline("console-level", time + "\t\u{1B}[34mINFO\u{1B}[0m\tJob registered for monitoring\t{\"job_name\": \"x\"}", .foreign),
        cline("caller", time + "\tINFO\tlogger/logger.go:76\tJob registered for monitoring\t{\"job_name\": \"x\"}", .event),
        cline("caller", time + "\tINFO\tmain.go:1\tStarting server", .event),
        cline("caller", time + "\tINFO\tlogger/logger.go\tJob registered for monitoring\t{\"job_name\": \"x\"}", .foreign),
        cline("caller", time + "\tINFO\tlogger/logger.go:7a\tJob registered for monitoring\t{\"job_name\": \"x\"}", .foreign),
        cline("console-message", time + "\tINFO\tStarting server", .event),
        cline("console-message", time + "\tINFO\tServer shutdown complete", .event),
        cline("console-message", time + "\tINFO\tJob registered for monitoring \t{\"job_name\": \"x\"}", .foreign),
        cline("console-message", time + "\tINFO\tJob registered for monitoring\t{\"job_name\": \"x\"}\t", .foreign),
        cline("console-fields", time + "\tERROR\tJob panicked\t{\"job_name\": \"x\", \"panic\": \"a\\tb {}\"}", .event),
        cline("console-fields", time + "\tINFO\tJob registered for monitoring\t{\"job_name\": \"x\"} ", .diagnostic(.malformedJSON)),
        cline("console-fields", time + "\tINFO\tJob registered for monitoring\t{\"job_name\": \"x\"", .diagnostic(.malformedJSON)),
        cline("console-fields", time + "\tINFO\tJob registered for monitoring\t{\"job_name\": 1}", .diagnostic(.invalidString)),
        cline("digit", time + "\tINFO\tlogger/logger.go:0\tStarting server", .event),
        cline("digit", time + "\tINFO\tlogger/logger.go:\tStarting server", .foreign),
    ]

    static let allExamples = goDurationExamples + timeExamples + jsonLineExamples + consoleLineExamples + envelopeExamples

    // MARK: running the examples

    @Test("each example goes through its parser", arguments: allExamples)
    func example(_ e: Example) throws {
        let text = String(decoding: e.input, as: UTF8.self)
        switch e.probe {
        case .duration(let ns):
            let got = try? e.input.withUnsafeBytes { try GoDuration.parse($0) }
            #expect(got == ns)
        case .printed(let isPrinted):
            let formatted = (try? GoDuration.parse(text)).map(GoDuration.format)
            #expect((formatted == text) == isPrinted, "format(parse(x)) = \(formatted ?? "error")")
        case .rfc3339(let ns):
            #expect(e.input.withUnsafeBytes { TimeText.parseRFC3339($0) }?.nanoseconds == ns)
        case .consoleTime(let ns):
            #expect(e.input.withUnsafeBytes { TimeText.parseZapConsole($0) }?.nanoseconds == ns)
        case .epoch(let ns):
            #expect(e.input.withUnsafeBytes { TimeText.parseEpochSeconds($0) }?.nanoseconds == ns)
        case .content(let decoded):
            let hasEscapes = e.input.contains(UInt8(ascii: "\\"))
            let got = try? e.input.withUnsafeBytes { try JSONStringDecoder.decode($0, hasEscapes: hasEscapes) }
            #expect(got == decoded)
        case .line(let kind):
            let outcome = probeLine(e.input)
            #expect(outcome.kind == kind, "\(outcome)")
        case .envelope(let shape, let expected):
            var got = unwrap(shape, text)
            got.instances = []
            #expect(got == expected)
        }
    }

    /// Production names of a grammar file: every `name ::=` at the start of a line.
    static func productions(_ file: GrammarFile) throws -> [String] {
        let text = try String(contentsOf: GrammarPaths.grammar.appendingPathComponent(file.rawValue), encoding: .utf8)
        var names: [String] = []
        var inComment = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // Skip lines inside /* ... */ comments (a comment may hold "a ::= b" as prose).
            let trimmed = line.drop(while: { $0 == " " })
            if !inComment, let first = trimmed.first, first.isLowercase,
               let def = trimmed.range(of: "::=") {
                let name = trimmed[..<def.lowerBound].trimmingCharacters(in: .whitespaces)
                if name.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) { names.append(name) }
            }
            var rest = Substring(line)
            while !rest.isEmpty {
                if inComment {
                    guard let end = rest.range(of: "*/") else { break }
                    inComment = false
                    rest = rest[end.upperBound...]
                } else {
                    guard let start = rest.range(of: "/*") else { break }
                    inComment = true
                    rest = rest[start.upperBound...]
                }
            }
        }
        return names
    }

    @Test("every production has a valid and an invalid example", arguments: GrammarFile.allCases)
    func coverage(_ file: GrammarFile) throws {
        let names = try Self.productions(file)
        #expect(names.count >= 5, "no productions found in \(file.rawValue)")
        #expect(Set(names).count == names.count, "a production is defined twice in \(file.rawValue)")
        let examples = Self.allExamples.filter { $0.file == file }
        for name in names {
            #expect(examples.contains { $0.production == name && $0.valid }, "\(file.rawValue): no valid example for \(name)")
            #expect(examples.contains { $0.production == name && !$0.valid }, "\(file.rawValue): no invalid example for \(name)")
        }
        // And no example names a production that does not exist.
        for e in examples where !names.contains(e.production) {
            Issue.record("\(file.rawValue): example for unknown production \(e.production)")
        }
    }

    @Test("the README lists every grammar file and the dialect")
    func readme() throws {
        let readme = try String(contentsOf: GrammarPaths.grammar.appendingPathComponent("README.md"), encoding: .utf8)
        for file in GrammarFile.allCases {
            #expect(readme.contains("`\(file.rawValue)`"))
            let text = try String(contentsOf: GrammarPaths.grammar.appendingPathComponent(file.rawValue), encoding: .utf8)
            #expect(text.contains("Dialect: W3C XML EBNF"), "\(file.rawValue) states its dialect")
        }
        #expect(readme.contains("W3C XML EBNF"))
    }
}
