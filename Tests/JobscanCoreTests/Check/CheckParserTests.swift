import Testing
@testable import JobscanCore

@Suite("Check expression parser")
struct CheckParserTests {
    // MARK: what parses, and how it groups

    @Test("the brief's examples parse", arguments: [
        #"verdict == "healthy""#,
        "summary.stalled_jobs == 0",
        "jobs.swap_request_processing.max_execution < 30s",
        "jobs.*.consecutive_failures < 3",
        "lifetime.btc_transaction_indexing.failures <= 2 and input.diagnostics == 0",
        #"not (verdict == "unhealthy") or count(jobs.*.status == "failed") <= 1"#,
        #"jobs.btc_transaction_indexing.last_error != "timeout""#,
    ])
    func briefExamples(_ text: String) throws {
        let expression = try CheckExpression(text)
        #expect(expression.text == text)
    }

    struct Grouping: Sendable, CustomTestStringConvertible {
        let text: String
        let structure: String
        var testDescription: String { text }
    }

    @Test("precedence: comparison > not > and > or; and/or group to the left", arguments: [
        Grouping(text: "true or false and false", structure: "(true or (false and false))"),
        Grouping(text: "false and false or true", structure: "((false and false) or true)"),
        Grouping(text: "not true and false", structure: "((not true) and false)"),
        Grouping(text: "not true or true", structure: "((not true) or true)"),
        Grouping(text: #"not verdict == "unhealthy""#, structure: #"(not (verdict == "unhealthy"))"#),
        Grouping(text: "not not true", structure: "(not (not true))"),
        Grouping(text: "true and false and true", structure: "((true and false) and true)"),
        Grouping(text: "true or false or true", structure: "((true or false) or true)"),
        Grouping(text: "not (true or false) and true", structure: "((not (true or false)) and true)"),
        Grouping(text: "((true))", structure: "true"),
        Grouping(
            text: #"not (verdict == "unhealthy") or count(jobs.*.status == "failed") <= 1"#,
            structure: #"((not (verdict == "unhealthy")) or (count((jobs.*.status == "failed")) <= 1))"#),
        Grouping(
            text: #"count(jobs.*.status == "failed" and jobs.*.consecutive_failures > 2) == 0"#,
            structure: #"(count(((jobs.*.status == "failed") and (jobs.*.consecutive_failures > 2))) == 0)"#),
    ])
    func precedence(_ grouping: Grouping) throws {
        #expect(try CheckExpression(grouping.text).structure == grouping.structure)
    }

    @Test("every comparison operator", arguments: CheckComparisonOperator.allCases)
    func operators(_ op: CheckComparisonOperator) throws {
        let expression = try CheckExpression("http_status \(op.rawValue) 200")
        #expect(expression.structure == "(http_status \(op.rawValue) 200)")
        let tight = try CheckExpression("http_status\(op.rawValue)200")
        #expect(tight.structure == expression.structure)
    }

    @Test("every path kind, with every field of its scope")
    func pathKinds() throws {
        for scope in CheckScope.allCases {
            for field in CheckVocabulary.fields(of: scope) {
                let paths: [String]
                switch scope {
                case .root: paths = [field.name]
                case .summary, .input, .history: paths = ["\(scope.rawValue).\(field.name)"]
                case .jobs, .lifetime, .circuitBreakers:
                    paths = [
                        "\(scope.rawValue).some_job.\(field.name)", "\(scope.rawValue).*.\(field.name)",
                        "\(scope.rawValue).\"weird-name\".\(field.name)",
                    ]
                }
                for path in paths {
                    let text = "\(path) == \(path)"
                    #expect(try CheckExpression(text).structure == "(\(path) == \(path))", "\(text)")
                }
            }
        }
    }

    @Test("keywords and function names are plain job names after 'jobs.'")
    func keywordsAsJobNames() throws {
        let expression = try CheckExpression("jobs.and.status == jobs.count.status and jobs.not.panic == \"\"")
        #expect(expression.structure
            == #"((jobs.and.status == jobs.count.status) and (jobs.not.panic == ""))"#)
    }

    @Test("literals read back in canonical form", arguments: [
        ("input.bytes == 42", "(input.bytes == 42)"),
        ("input.bytes == -42", "(input.bytes == -42)"),
        ("input.bytes == 0042", "(input.bytes == 42)"),
        ("input.bytes == 1.25", "(input.bytes == 1.25)"),
        ("input.bytes == -0.5", "(input.bytes == -0.5)"),
        ("jobs.*.max_execution == 1h0m0s", "(jobs.*.max_execution == 1h0m0s)"),
        ("jobs.*.max_execution == 90m", "(jobs.*.max_execution == 1h30m0s)"),
        ("jobs.*.max_execution == 12.5us", "(jobs.*.max_execution == 12.5\u{00B5}s)"),
        ("jobs.*.max_execution == -1.5s", "(jobs.*.max_execution == -1.5s)"),
        (#"verdict == "a\"b\\c\nd\te\r\u00e9\uD83D\uDCA5""#, #"(verdict == "a\"b\\c\nd\te\ré💥")"#),
        (#"verdict == "\u0007""#, #"(verdict == "\u0007")"#),
        ("any(jobs.*.status == \"x\") == true", #"(any((jobs.*.status == "x")) == true)"#),
        ("false", "false"),
    ])
    func literals(_ text: String, _ structure: String) throws {
        #expect(try CheckExpression(text).structure == structure)
    }

    @Test("string escapes decode to the exact scalars")
    func stringEscapes() throws {
        let expression = try CheckExpression(#"verdict == "q\"b\\n\n\r\t\u00E9\uD83D\uDCA5 raw:é""#)
        guard case .comparison(_, _, .literal(.string(let value), _), _) = expression.root else {
            Issue.record("not a comparison with a string: \(expression.structure)")
            return
        }
        #expect(Array(value.unicodeScalars) == Array("q\"b\\n\n\r\t\u{E9}\u{1F4A5} raw:é".unicodeScalars))
    }

    @Test("whitespace: space, tab, CR and LF separate tokens anywhere")
    func whitespace() throws {
        let expression = try CheckExpression(" \tjobs . * . status\r\n==\n\"failed\" ")
        #expect(expression.structure == #"(jobs.*.status == "failed")"#)
    }

    // MARK: what is rejected, and the exact message

    struct Rejection: Sendable, CustomTestStringConvertible {
        let text: String
        let column: Int
        let expected: String
        let found: String
        var kind: CheckExpressionError.Kind = .syntax
        var testDescription: String { text }
    }

    static let units = "ns, us, \u{00B5}s, ms, s, m, h"
    static let jobFields = "status, success_count, failure_count, consecutive_failures, last_error, "
        + "last_duration, average_execution, min_execution, max_execution, last_run_time, error_type, "
        + "timeout, panic"

    static let rejections: [Rejection] = [
        // Expression, Primary
        Rejection(text: "", column: 1, expected: "an expression", found: "end of expression"),
        Rejection(text: "   ", column: 4, expected: "an expression", found: "end of expression"),
        Rejection(text: ")", column: 1, expected: "an expression", found: "')'"),
        Rejection(text: "*", column: 1, expected: "an expression", found: "'*'"),
        Rejection(
            text: #"(verdict == "healthy""#, column: 22,
            expected: #"'and', 'or' or ')' after 'verdict == "healthy"'"#, found: "end of expression"),
        Rejection(text: "()", column: 2, expected: "an expression after '('", found: "')'"),
        // OrExpr, AndExpr, NotExpr
        Rejection(
            text: #"verdict == "healthy" or"#, column: 24, expected: "an expression after 'or'",
            found: "end of expression"),
        Rejection(text: "and summary.stalled_jobs == 0", column: 1, expected: "an expression", found: "'and'"),
        Rejection(
            text: "true and or false", column: 10, expected: "an expression after 'and'", found: "'or'"),
        Rejection(text: "not", column: 4, expected: "an expression after 'not'", found: "end of expression"),
        // Comparison
        Rejection(
            text: "summary.stalled_jobs 0", column: 22,
            expected: "a comparison operator after 'summary.stalled_jobs'", found: "'0'"),
        Rejection(
            text: "summary.stalled_jobs", column: 21,
            expected: "a comparison operator after 'summary.stalled_jobs'", found: "end of expression"),
        Rejection(
            text: "http_status < 300 < 500", column: 19,
            expected: "'and', 'or' or end of expression after 'http_status < 300'", found: "'<'"),
        Rejection(
            text: "true 0", column: 6, expected: "'and', 'or' or end of expression after 'true'", found: "'0'"),
        Rejection(
            text: #"count(jobs.*.status == "failed")"#, column: 33,
            expected: #"a comparison operator after 'count(jobs.*.status == "failed")'"#,
            found: "end of expression"),
        // CompareOp
        Rejection(
            text: #"verdict = "healthy""#, column: 9, expected: "a comparison operator after 'verdict'",
            found: "'='"),
        Rejection(
            text: #"verdict == "a" && verdict == "b""#, column: 16,
            expected: #"'and', 'or' or end of expression after 'verdict == "a"'"#, found: "'&'"),
        Rejection(
            text: "input.lines =< 3", column: 13, expected: "a comparison operator after 'input.lines'",
            found: "'='"),
        // Operand
        Rejection(text: "verdict == ==", column: 12, expected: "a value after '=='", found: "'=='"),
        Rejection(text: "verdict !=", column: 11, expected: "a value after '!='", found: "end of expression"),
        Rejection(
            text: "verdict == healthy", column: 12,
            expected: "a value after '==' (a path, a literal or a function call; strings need double quotes)",
            found: "'healthy'", kind: .vocabulary),
        Rejection(
            text: "metrics.errors == 0", column: 1,
            expected: "a path starting with verdict, http_status, summary, jobs, lifetime, input, history or circuit_breakers, "
                + "a literal, a function, 'not' or '('",
            found: "'metrics'", kind: .vocabulary),
        // Call, FunctionName
        Rejection(
            text: #"count jobs.*.status == "failed""#, column: 7, expected: "'(' after 'count'",
            found: "'jobs'"),
        Rejection(text: "count(", column: 7, expected: "an expression after 'count('", found: "end of expression"),
        Rejection(
            text: #"any(jobs.*.status == "x""#, column: 25,
            expected: #"'and', 'or' or ')' after 'jobs.*.status == "x"'"#, found: "end of expression"),
        Rejection(
            text: #"count(verdict == "unhealthy") > 0"#, column: 7,
            expected: "a 'jobs.*' or 'lifetime.*' path in the argument of count()",
            found: #"'verdict == "unhealthy"'"#, kind: .vocabulary),
        Rejection(
            text: #"count(jobs.*.status == "failed" and lifetime.*.panics > 0) > 0"#, column: 37,
            expected: "'jobs.*' (the argument of count() ranges over jobs.*)", found: "'lifetime.*'",
            kind: .vocabulary),
        Rejection(
            text: "max(jobs.*.success_count) > 1", column: 1, expected: "a function (count, any, all)",
            found: "'max'", kind: .vocabulary),
        // Path, JobRef, Field
        Rejection(text: "summary == 0", column: 9, expected: "'.' after 'summary'", found: "'=='"),
        Rejection(
            text: "jobs.btc_transaction_indexing == 1", column: 31,
            expected: "'.' after 'jobs.btc_transaction_indexing'", found: "'=='"),
        Rejection(
            text: "jobs.*.status == lifetime.*.first_seen", column: 18,
            expected: "'jobs.*' like the rest of this comparison", found: "'lifetime.*'", kind: .vocabulary),
        Rejection(
            text: #"jobs.9lives.status == "failed""#, column: 6,
            expected: "a job name, a quoted job name or '*' after 'jobs.'", found: "'9lives'"),
        Rejection(
            text: #"jobs."".status == "failed""#, column: 6,
            expected: "a job name, a quoted job name or '*' after 'jobs.'", found: #"'""'"#),
        Rejection(
            text: "lifetime.", column: 10,
            expected: "a job name, a quoted job name or '*' after 'lifetime.'", found: "end of expression"),
        Rejection(
            text: "summary.*.stalled_jobs == 0", column: 9,
            expected: "a field of summary (total_jobs, running_jobs, healthy_jobs, unhealthy_jobs, stalled_jobs)",
            found: "'*'"),
        Rejection(
            text: #"jobs.x.colour == "red""#, column: 8, expected: "a field of jobs.<name> (\(jobFields))",
            found: "'colour'", kind: .vocabulary),
        Rejection(
            text: "lifetime.x.status == 1", column: 12,
            expected: "a field of lifetime.<name> (runs, successes, failures, timeouts, panics, stalls, "
                + "restarts_seen, first_seen, last_seen)",
            found: "'status'", kind: .vocabulary),
        Rejection(
            text: "input.size > 0", column: 7,
            expected: "a field of input (files, bytes, lines, events, foreign_lines, diagnostics, overlong_lines)",
            found: "'size'", kind: .vocabulary),
        // name
        Rejection(
            text: #"jobs.café.status == "success""#, column: 9, expected: "'.' after 'jobs.caf'", found: "'é'"),
        // number, digits
        Rejection(text: "summary.total_jobs == 1.", column: 25, expected: "a digit after '1.'", found: "end of expression"),
        Rejection(text: "http_status == 2.x", column: 18, expected: "a digit after '2.'", found: "'x'"),
        Rejection(
            text: "summary.total_jobs < 99999999999999999999", column: 22,
            expected: "an integer from -9223372036854775808 to 9223372036854775807",
            found: "'99999999999999999999'"),
        Rejection(
            text: "http_status > - 1", column: 15, expected: "a value after '>'", found: "'-'"),
        // duration, unit
        Rejection(
            text: "jobs.*.max_execution < 2m3", column: 27, expected: "a duration unit (\(units)) after '2m3'",
            found: "end of expression"),
        Rejection(
            text: "jobs.*.max_execution < 3000000h", column: 24,
            expected: "a duration from -2562047h47m16.854775808s to 2562047h47m16.854775807s",
            found: "'3000000h'"),
        Rejection(
            text: "jobs.*.max_execution < 30x", column: 26, expected: "a duration unit (\(units)) after '30'",
            found: "'x'"),
        Rejection(
            text: "jobs.*.max_execution < 5sec", column: 25, expected: "a duration unit (\(units)) after '5'",
            found: "'sec'"),
        Rejection(
            text: "jobs.*.max_execution < 1.s", column: 26, expected: "a digit after '1.'", found: "'s'"),
        // string, char, escape, hex
        Rejection(
            text: #"verdict == "healthy"#, column: 20, expected: #"'"' to close the string"#,
            found: "end of expression"),
        Rejection(
            text: "verdict == \"a\nb\"", column: 14, expected: #"'"' to close the string (write a line break as \n)"#,
            found: #"'\u000A'"#),
        Rejection(
            text: #"verdict == "a"b""#, column: 15,
            expected: #"'and', 'or' or end of expression after 'verdict == "a"'"#, found: "'b'"),
        Rejection(
            text: #"jobs.*.last_error != "\q""#, column: 24,
            expected: #"an escape sequence after '\' (\" \\ \n \r \t or \uXXXX)"#, found: "'q'"),
        Rejection(
            text: #"jobs.*.last_error != "\"#, column: 24,
            expected: #"an escape sequence after '\' (\" \\ \n \r \t or \uXXXX)"#, found: "end of expression"),
        Rejection(
            text: #"jobs.*.last_error != "\u12G4""#, column: 27, expected: #"four hex digits after '\u'"#,
            found: "'G'"),
        Rejection(
            text: #"jobs.*.last_error != "\uDC00""#, column: 23,
            expected: "a Unicode scalar value (a lone low surrogate is not one)", found: #"'\uDC00'"#),
        Rejection(
            text: #"jobs.*.last_error != "\uD83D""#, column: 29,
            expected: #"a low surrogate \uDC00 to \uDFFF after '\uD83D'"#, found: #"'"'"#),
        Rejection(
            text: #"jobs.*.last_error != "\uD83D\u0041""#, column: 29,
            expected: #"a low surrogate \uDC00 to \uDFFF after '\uD83D'"#, found: #"'\u0041'"#),
        // S
        Rejection(
            text: #"summary.stalled_jobs == 0and verdict == "healthy""#, column: 26,
            expected: "a duration unit (\(units)) after '0'", found: "'and'"),
        Rejection(
            text: "verdict == \"x\" \u{7}", column: 16,
            expected: #"'and', 'or' or end of expression after 'verdict == "x"'"#, found: #"'\u0007'"#),
        // Errors come out left to right: the bad string later on does not mask the first error.
        Rejection(
            text: #"summary.stalled_jobs 0 "unclosed"#, column: 22,
            expected: "a comparison operator after 'summary.stalled_jobs'", found: "'0'"),
    ]

    @Test("rejects with the exact column and message", arguments: rejections)
    func rejects(_ rejection: Rejection) {
        guard let error = checkParseError(rejection.text) else {
            Issue.record("parsed: \(rejection.text)")
            return
        }
        #expect(error.expected == rejection.expected)
        #expect(error.found == rejection.found)
        #expect(error.column == rejection.column)
        #expect(error.kind == rejection.kind)
        #expect(error.expression == rejection.text)
        #expect(error.message == "expected \(rejection.expected), found \(rejection.found)")
    }

    @Test("renders the three-line caret message")
    func rendered() throws {
        let error = try #require(checkParseError("summary.stalled_jobs 0"))
        #expect(error.rendered() == """
            error: expected a comparison operator after 'summary.stalled_jobs', found '0'
              summary.stalled_jobs 0
                                   ^
            """)
        #expect(error.description == error.rendered())
    }

    @Test("the caret counts Unicode scalars and stays under its target")
    func caretWithWideText() throws {
        // The emoji is one scalar; the combining accent after 'e' is one scalar but no extra cell.
        let error = try #require(checkParseError("jobs.*.panic == \"💥e\u{301}\" 0"))
        #expect(error.column == 23)
        #expect(error.rendered() == """
            error: expected 'and', 'or' or end of expression after 'jobs.*.panic == "💥e\u{301}"', found '0'
              jobs.*.panic == "💥e\u{301}" 0
                                   ^
            """)
    }

    @Test("line breaks in the expression are shown as spaces so the caret lines up")
    func caretWithLineBreaks() throws {
        let error = try #require(checkParseError("verdict ==\n\t\"x\" 7"))
        #expect(error.column == 17)
        #expect(error.rendered() == """
            error: expected 'and', 'or' or end of expression after 'verdict ==\\u000A\\u0009"x"', found '7'
              verdict ==  "x" 7
                              ^
            """)
    }
}
