import Testing
@testable import JobscanCore

@Suite("Rules files")
struct CheckRulesFileTests {
    @Test("names, comments, blank lines and tricky colons")
    func loads() throws {
        let text = """
            # CI assertions for the indexer

            verdict == "unhealthy"
            no stalls: summary.stalled_jobs == 0   # trailing comment
               btc.failures-limit 2 : lifetime.btc_transaction_indexing.failures <= 2
            jobs.*.last_error != "a # b: c"   # '#' and ':' inside a string
            timeouts: jobs.swap_request_processing.timeout == "50ms" # a comment: with a colon
            max:\tjobs.swap_request_processing.max_execution < 2m3.004s
            jobs.x.last_run_time == "2026-11-25T20:45:42.94Z"
                # indented comment
            last:   true#comment right after
            """
        let rules = try CheckRulesFile.parse(text, fileName: "rules.txt")
        #expect(rules.map(\.name) == [nil, "no stalls", "btc.failures-limit 2", nil, "timeouts", "max", nil, "last"])
        #expect(rules.map(\.expression.text) == [
            #"verdict == "unhealthy""#,
            "summary.stalled_jobs == 0",
            "lifetime.btc_transaction_indexing.failures <= 2",
            #"jobs.*.last_error != "a # b: c""#,
            #"jobs.swap_request_processing.timeout == "50ms""#,
            "jobs.swap_request_processing.max_execution < 2m3.004s",
            #"jobs.x.last_run_time == "2026-11-25T20:45:42.94Z""#,
            "true",
        ])
        #expect(rules.map { $0.location?.line } == [3, 4, 5, 6, 7, 8, 9, 11])
        #expect(rules.map { $0.location?.column } == [1, 12, 27, 1, 11, 6, 1, 9])
        #expect(rules.allSatisfy { $0.location?.file == "rules.txt" })
        #expect(rules[1].location?.lineText == "no stalls: summary.stalled_jobs == 0   # trailing comment")
    }

    @Test("CRLF line ends, a byte-order mark, a missing last newline")
    func lineEnds() throws {
        let rules = try CheckRulesFile.parse("\u{FEFF}a: true\r\nb: false\r\n\r\nverdict == \"x\"", fileName: "r")
        #expect(rules.map(\.name) == ["a", "b", nil])
        #expect(rules.map(\.expression.text) == ["true", "false", #"verdict == "x""#])
        #expect(rules.map { $0.location?.column } == [4, 4, 1])
        #expect(rules.map { $0.location?.line } == [1, 2, 4])
    }

    @Test("an empty file, or one of comments, is an error at 1:1: a check must assert something")
    func noRules() throws {
        #expect(throws: CheckRulesFileError.self) { try CheckRulesFile.parse("", fileName: "r") }
        do {
            _ = try CheckRulesFile.parse("\u{FEFF}# x: y\n  \n\t# z\n", fileName: "r")
            Issue.record("no error")
        } catch {
            #expect(error.message == "r:1:1: expected at least one rule (an expression, optionally after 'name: '), found only comments and blank lines")
        }
    }

    @Test("every malformed line is reported as file:line:column with a caret")
    func errors() throws {
        let text = """
            verdict == "healthy"
            summary.stalled_jobs 0
            # fine
            bad name!: true
            jobs.x.colour == "red"   # unknown field
            stalled: summary.stalled_jobs ==    # forgot the value
            ok: true
            late:verdict == "x"
            empty:  # nothing
            """
        let error = try #require(throws: CheckRulesFileError.self) {
            try CheckRulesFile.parse(text, fileName: "rules.txt")
        }
        #expect(error.fileName == "rules.txt")
        #expect(error.issues.map(\.line) == [2, 4, 5, 6, 8, 9])
        #expect(error.message
            == "rules.txt:2:22: expected a comparison operator after 'summary.stalled_jobs', found '0'")
        let fields = "status, success_count, failure_count, consecutive_failures, last_error, last_duration, "
            + "average_execution, min_execution, max_execution, last_run_time, error_type, timeout, panic"
        #expect(error.rendered() == """
            rules.txt:2:22: expected a comparison operator after 'summary.stalled_jobs', found '0'
              summary.stalled_jobs 0
                                   ^
            rules.txt:4:9: expected a rule name of letters, digits, '_', '.', '-' and spaces before ':', found '!'
              bad name!: true
                      ^
            rules.txt:5:8: expected a field of jobs.<name> (\(fields)), found 'colour'
              jobs.x.colour == "red"   # unknown field
                     ^
            rules.txt:6:37: expected a value after '==', found a comment
              stalled: summary.stalled_jobs ==    # forgot the value
                                                  ^
            rules.txt:8:6: expected a space after 'late:', found 'v'
              late:verdict == "x"
                   ^
            rules.txt:9:9: expected an expression after 'empty:', found a comment
              empty:  # nothing
                      ^
            """)
        #expect(error.description == error.rendered())
    }

    @Test("a named rule's errors count columns from the start of the line")
    func namedRuleColumns() throws {
        let error = try #require(throws: CheckRulesFileError.self) {
            try CheckRulesFile.parse("  verdict\n\tstalled: summary.stalled_jobs 0", fileName: "ci/rules.txt")
        }
        #expect(error.issues.map(\.message) == [
            "expected a comparison operator after 'verdict', found end of line",
            "expected a comparison operator after 'summary.stalled_jobs', found '0'",
        ])
        #expect(error.issues.map(\.column) == [10, 32])
    }

    @Test("an unquoted time is an expression error, not a rule name")
    func unquotedTime() throws {
        let error = try #require(throws: CheckRulesFileError.self) {
            try CheckRulesFile.parse("jobs.x.last_run_time == 2026-11-25T20:45:42Z", fileName: "r")
        }
        #expect(error.message
            == "r:1:29: expected 'and', 'or' or end of expression after 'jobs.x.last_run_time == 2026', found '-11'")
    }

    @Test("a rule's type error names the file, line and column")
    func typeErrorLocation() throws {
        let rules = try CheckRulesFile.parse("# c\n\nstalled: summary.stalled_jobs == \"0\"\n", fileName: "rules.txt")
        let result = CheckEvaluator(subject: CheckDictionarySubject.criticalUnhealthy()).evaluate(rules[0])
        #expect(result.status == .error)
        #expect(result.name == "stalled")
        #expect(result.message == "rules.txt:3:34: expected a number to compare with 'summary.stalled_jobs' "
            + #"(an integer), found string '"0"'"#)
        #expect(result.details.dropFirst() == [
            #"  stalled: summary.stalled_jobs == "0""#,
            "                                   ^",
        ])
    }
}
