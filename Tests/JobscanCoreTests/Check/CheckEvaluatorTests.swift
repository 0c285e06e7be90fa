import Testing
@testable import JobscanCore

@Suite("Check evaluation")
struct CheckEvaluatorTests {
    static let present = "btc_pending_transaction_processing, btc_transaction_indexing, "
        + "icy_transaction_indexing, swap_request_processing"
    static let seen = "btc_pending_transaction_processing, btc_transaction_indexing, "
        + "icy_transaction_indexing, oracle_price_refresh, swap_request_processing"

    // MARK: plain comparisons

    @Test("a passing and a failing comparison report the observed value")
    func observedValue() throws {
        let pass = try runCheck(#"verdict == "unhealthy""#)
        #expect(pass.status == .passed)
        #expect(pass.message == #"observed verdict = "unhealthy""#)
        let fail = try runCheck(#"verdict == "healthy""#, name: "healthy")
        #expect(fail.status == .failed)
        #expect(fail.name == "healthy")
        #expect(fail.expression == #"verdict == "healthy""#)
        #expect(fail.message == #"observed verdict = "unhealthy""#)
        #expect(fail.details == [#"verdict = "unhealthy""#])
    }

    @Test("every operator on integers", arguments: [
        ("==", 503, true), ("==", 200, false), ("!=", 200, true), ("!=", 503, false),
        ("<", 504, true), ("<", 503, false), ("<=", 503, true), ("<=", 502, false),
        (">", 502, true), (">", 503, false), (">=", 503, true), (">=", 504, false),
    ])
    func integerOperators(_ op: String, _ operand: Int, _ holds: Bool) throws {
        #expect(try runCheck("http_status \(op) \(operand)").status == (holds ? .passed : .failed))
    }

    @Test("every operator on durations (31.5s observed)", arguments: [
        ("==", "31500ms", true), ("==", "31.5s", true), ("==", "31s", false), ("!=", "30s", true),
        ("!=", "0.525m", false), ("<", "30s", false), ("<", "31.500000001s", true), ("<=", "31.5s", true),
        ("<=", "31499999999ns", false), (">", "31.4s", true), (">", "1h", false), (">=", "31.5s", true),
        (">=", "31.500000001s", false),
    ])
    func durationOperators(_ op: String, _ literal: String, _ holds: Bool) throws {
        let result = try runCheck("jobs.swap_request_processing.max_execution \(op) \(literal)")
        #expect(result.status == (holds ? .passed : .failed))
        #expect(result.message == "observed jobs.swap_request_processing.max_execution = 31.5s")
    }

    @Test("== and != on strings, times and booleans", arguments: [
        (#"jobs.btc_transaction_indexing.status == "failed""#, true),
        (#"jobs.btc_transaction_indexing.status != "failed""#, false),
        (#"jobs.btc_pending_transaction_processing.last_error == """#, true),
        (#"jobs.btc_transaction_indexing.last_error != "timeout""#, true),
        (#"jobs.btc_pending_transaction_processing.last_run_time == "2026-11-25T20:45:42.962255977Z""#, true),
        (#"jobs.btc_pending_transaction_processing.last_run_time != "2026-11-25T20:45:42.962255977Z""#, false),
        (#"any(jobs.*.status == "failed") == true"#, true),
        (#"any(jobs.*.status == "failed") != true"#, false),
        ("true == false", false),
    ])
    func equality(_ text: String, _ holds: Bool) throws {
        #expect(try runCheck(text).status == (holds ? .passed : .failed))
    }

    @Test("integers and decimals compare with each other", arguments: [
        ("input.bytes > 16075.5", true), ("input.bytes < 16076.5", true), ("input.bytes == 16076.0", true),
        ("input.bytes >= 16076.01", false), ("0.5 < 1", true),
    ])
    func mixedNumbers(_ text: String, _ holds: Bool) throws {
        #expect(try runCheck(text).status == (holds ? .passed : .failed))
    }

    @Test("every path kind reads its value", arguments: [
        "http_status == 503",
        "summary.total_jobs == 4 and summary.healthy_jobs == 2 and summary.unhealthy_jobs == 2",
        "summary.running_jobs == 0 and summary.stalled_jobs == 0",
        "jobs.btc_transaction_indexing.success_count == 2 and jobs.btc_transaction_indexing.failure_count == 4",
        #"jobs.btc_transaction_indexing.error_type == "network""#,
        #"jobs.swap_request_processing.timeout == "50ms" and jobs.swap_request_processing.panic == """#,
        "jobs.btc_transaction_indexing.min_execution == 10.371955ms",
        "jobs.btc_transaction_indexing.average_execution == 120448814ns",
        "jobs.btc_transaction_indexing.last_duration == 133.559106ms",
        "lifetime.oracle_price_refresh.panics == 1 and lifetime.oracle_price_refresh.restarts_seen == 1",
        "lifetime.swap_request_processing.stalls == 1 and lifetime.swap_request_processing.timeouts == 1",
        "lifetime.swap_request_processing.runs == 8 and lifetime.swap_request_processing.successes == 4",
        "lifetime.btc_transaction_indexing.failures <= 2 or input.diagnostics == 0",
        #"lifetime.btc_transaction_indexing.first_seen == "2026-11-25T20:45:40.325237343Z""#,
        #"lifetime.btc_transaction_indexing.last_seen != "2026-11-25T20:45:40.325237343Z""#,
        "input.files == 1 and input.bytes == 16076 and input.lines == 80 and input.events == 70",
        "input.foreign_lines == 2 and input.diagnostics == 0 and input.overlong_lines == 0",
    ])
    func pathKinds(_ text: String) throws {
        let result = try runCheck(text)
        #expect(result.status == .passed, "\(result.message)")
    }

    @Test("a quoted job name reads the job of that name")
    func quotedJobName() throws {
        var subject = CheckDictionarySubject.empty()
        subject.setJob("weird-name", status: "failed", successes: 0, failures: 1, consecutive: 1)
        #expect(try runCheck(#"jobs."weird-name".status == "failed""#, subject).status == .passed)
        let fail = try runCheck(#"jobs."weird-name".consecutive_failures == 0"#, subject)
        #expect(fail.message == #"observed jobs."weird-name".consecutive_failures = 1"#)
    }

    @Test("strings compare scalar by scalar, as Go does: é precomposed is not e + accent")
    func stringsCompareExactly() throws {
        var subject = CheckDictionarySubject.empty()
        subject.setJob("x", status: "failed", successes: 0, failures: 1, consecutive: 1, lastError: "caf\u{E9}")
        #expect(try runCheck(#"jobs.x.last_error == "caf\u00e9""#, subject).status == .passed)
        #expect(try runCheck(#"jobs.x.last_error == "cafe\u0301""#, subject).status == .failed)
    }

    @Test("a constant expression has nothing to observe")
    func constants() throws {
        let pass = try runCheck("true")
        #expect(pass.status == .passed)
        #expect(pass.message == "")
        #expect(try runCheck("false").status == .failed)
        #expect(try runCheck("not false").status == .passed)
    }

    // MARK: precedence, observed through results

    @Test("precedence decides the outcome", arguments: [
        ("true or false and false", true),  // or first would give false
        ("false and false or true", true),
        ("not true and false", false),  // not (true and false) would be true
        ("not false or false", true),
        (#"not verdict == "healthy""#, true),
        ("not not true", true),
        ("(true or false) and false", false),
    ])
    func precedence(_ text: String, _ holds: Bool) throws {
        #expect(try runCheck(text).status == (holds ? .passed : .failed))
    }

    @Test("the brief's compound example fails with both sides' observations")
    func compoundExample() throws {
        let result = try runCheck(#"not (verdict == "unhealthy") or count(jobs.*.status == "failed") <= 1"#)
        #expect(result.status == .failed)
        #expect(result.message == #"observed verdict = "unhealthy", count(jobs.*.status == "failed") = 2 "#
            + "(btc_transaction_indexing, swap_request_processing)")
    }

    @Test("and/or stop once the result is known: a missing job to the right is not read")
    func shortCircuit() throws {
        #expect(try runCheck(#"summary.total_jobs > 0 or jobs.nope.status == "x""#).status == .passed)
        let result = try runCheck(#"summary.total_jobs == 0 and jobs.nope.status == "x""#)
        #expect(result.status == .failed)
        #expect(result.message == "observed summary.total_jobs = 4")
    }

    // MARK: wildcards

    @Test("a failed wildcard comparison lists the jobs that failed it and their values")
    func wildcardFailure() throws {
        let result = try runCheck("jobs.*.consecutive_failures < 3")
        #expect(result.status == .failed)
        #expect(result.message == "failed for btc_transaction_indexing (4), swap_request_processing (3)")
        #expect(result.details == [
            "jobs.*.consecutive_failures < 3 failed for btc_transaction_indexing (4), swap_request_processing (3)",
            "  btc_transaction_indexing: jobs.btc_transaction_indexing.consecutive_failures = 4",
            "  swap_request_processing: jobs.swap_request_processing.consecutive_failures = 3",
        ])
        #expect(CheckTextReport.line(result)
            == "FAIL jobs.*.consecutive_failures < 3 \u{2014} failed for btc_transaction_indexing (4), "
            + "swap_request_processing (3)")
    }

    @Test("a passing wildcard comparison held for every job")
    func wildcardPass() throws {
        let result = try runCheck("jobs.*.success_count >= 2")
        #expect(result.status == .passed)
        #expect(result.message == "held for every job: btc_pending_transaction_processing (6), "
            + "btc_transaction_indexing (2), icy_transaction_indexing (6), swap_request_processing (4)")
    }

    @Test("a wildcard over no jobs holds vacuously")
    func wildcardEmpty() throws {
        let subject = CheckDictionarySubject.empty()
        let jobs = try runCheck("jobs.*.consecutive_failures < 3", subject)
        #expect(jobs.status == .passed)
        #expect(jobs.message == "held vacuously: the log has no jobs")
        let lifetime = try runCheck("lifetime.*.panics == 0", subject)
        #expect(lifetime.status == .passed)
        #expect(lifetime.message == "held vacuously: no jobs were seen")
    }

    @Test("lifetime.* ranges over every job seen, jobs.* only over the current ones")
    func lifetimeWildcard() throws {
        let result = try runCheck("lifetime.*.panics == 0")
        #expect(result.status == .failed)
        #expect(result.message == "failed for oracle_price_refresh (1)")
        #expect(try runCheck("jobs.*.failure_count < 5").status == .passed)
    }

    @Test("both sides of a comparison stand for the same job")
    func wildcardBothSides() throws {
        let result = try runCheck("jobs.*.success_count >= jobs.*.failure_count")
        #expect(result.status == .failed)
        #expect(result.message == "failed for btc_transaction_indexing (2, 4)")
    }

    @Test("a named path next to a wildcard is reported once")
    func wildcardWithNamedPath() throws {
        let result = try runCheck("jobs.*.max_execution <= jobs.btc_transaction_indexing.max_execution")
        #expect(result.status == .failed)
        #expect(result.message == "observed jobs.btc_transaction_indexing.max_execution = 281.283552ms; "
            + "failed for btc_pending_transaction_processing (299.688169ms), swap_request_processing (31.5s)")
    }

    @Test("wildcards in a compound expression are named by their comparison")
    func wildcardInCompound() throws {
        let result = try runCheck(#"verdict == "unhealthy" and jobs.*.status != "failed""#)
        #expect(result.status == .failed)
        #expect(result.message == #"jobs.*.status != "failed" failed for btc_transaction_indexing ("failed"), "#
            + #"swap_request_processing ("failed")"#)
    }

    @Test("not over a wildcard negates the whole 'for every job'")
    func notWildcard() throws {
        // Not every job failed, so this holds.
        #expect(try runCheck(#"not jobs.*.status == "failed""#).status == .passed)
        let result = try runCheck(#"not jobs.*.status != "pending""#)
        #expect(result.status == .failed)
        #expect(result.message == #"jobs.*.status != "pending" held for every job: "#
            + #"btc_pending_transaction_processing ("success"), btc_transaction_indexing ("failed"), "#
            + #"icy_transaction_indexing ("success"), swap_request_processing ("failed")"#)
    }

    // MARK: count, any, all

    @Test("count() counts the jobs its argument holds for", arguments: [
        (#"count(jobs.*.status == "failed") == 2"#, true),
        (#"count(jobs.*.status == "failed") <= 1"#, false),
        (#"count(jobs.*.status == "failed" and jobs.*.consecutive_failures > 3) == 1"#, true),
        (#"count(not jobs.*.status == "failed") == 2"#, true),
        ("count(lifetime.*.successes < lifetime.*.runs) == 3", true),
        ("count(jobs.*.consecutive_failures > 0 and count(lifetime.*.panics > 0) == 1) == 2", true),
        // The call ranges over its own scope; the comparison around it over jobs.*.
        ("jobs.*.failure_count <= count(lifetime.*.runs > 0)", true),
        ("count(jobs.*.min_execution < 11ms) == count(jobs.*.error_type == \"network\")", true),
    ])
    func count(_ text: String, _ holds: Bool) throws {
        let result = try runCheck(text)
        #expect(result.status == (holds ? .passed : .failed), "\(result.message)")
    }

    @Test("count() reports its value and the jobs it counted")
    func countMessage() throws {
        let result = try runCheck(#"count(jobs.*.status == "failed") <= 1"#)
        #expect(result.message == #"observed count(jobs.*.status == "failed") = 2 "#
            + "(btc_transaction_indexing, swap_request_processing)")
    }

    @Test("any() and all()")
    func anyAll() throws {
        let stalled = try runCheck(#"any(jobs.*.status == "stalled")"#)
        #expect(stalled.status == .failed)
        #expect(stalled.message == #"observed any(jobs.*.status == "stalled") = false"#)
        #expect(try runCheck(#"not any(jobs.*.status == "stalled")"#).status == .passed)
        let all = try runCheck(#"all(jobs.*.status == "success" or jobs.*.consecutive_failures < 4)"#)
        #expect(all.status == .failed)
        #expect(all.message == #"observed all(jobs.*.status == "success" or jobs.*.consecutive_failures < 4) = "#
            + "false (not for btc_transaction_indexing)")
        let any = try runCheck(#"any(jobs.*.consecutive_failures > 3)"#)
        #expect(any.status == .passed)
        #expect(any.message == "observed any(jobs.*.consecutive_failures > 3) = true (btc_transaction_indexing)")
    }

    @Test("functions over no jobs: count 0, any false, all true")
    func functionsOverNoJobs() throws {
        let subject = CheckDictionarySubject.empty()
        #expect(try runCheck(#"count(jobs.*.status == "failed") == 0"#, subject).status == .passed)
        #expect(try runCheck(#"any(jobs.*.status == "failed")"#, subject).status == .failed)
        #expect(try runCheck(#"all(jobs.*.status == "failed")"#, subject).status == .passed)
    }

    // MARK: missing jobs

    @Test("a job the log lacks fails the assertion and names the jobs that are there")
    func missingJob() throws {
        let result = try runCheck(#"jobs.nope.status == "success""#)
        #expect(result.status == .failed)
        #expect(result.message == "no job 'nope' in the log; jobs in the log: \(Self.present)")
        // Seen before the restart only: absent from jobs., present in lifetime.
        let before = try runCheck(#"jobs.oracle_price_refresh.status == "success""#)
        #expect(before.status == .failed)
        #expect(before.message == "no job 'oracle_price_refresh' in the log; jobs in the log: \(Self.present)")
        #expect(try runCheck("lifetime.oracle_price_refresh.runs == 3").status == .passed)
    }

    @Test("a missing job fails even under not, and inside functions")
    func missingJobUnderNot() throws {
        let negated = try runCheck(#"not jobs.nope.status == "success""#)
        #expect(negated.status == .failed)
        #expect(negated.message.hasPrefix("no job 'nope' in the log"))
        let inCount = try runCheck(#"count(jobs.*.status == jobs.nope.status) == 0"#)
        #expect(inCount.status == .failed)
        #expect(inCount.message.hasPrefix("no job 'nope' in the log"))
    }

    @Test("a missing lifetime job names the jobs seen; an empty log says so")
    func missingLifetimeJob() throws {
        let result = try runCheck("lifetime.nope.runs > 0")
        #expect(result.status == .failed)
        #expect(result.message == "no job 'nope' in the lifetime record; jobs seen: \(Self.seen)")
        let empty = try runCheck(#"jobs."weird name".status == "failed""#, .empty())
        #expect(empty.message == "no job 'weird name' in the log; the log has no jobs")
        let emptyLifetime = try runCheck("lifetime.x.runs == 0", .empty())
        #expect(emptyLifetime.message == "no job 'x' in the lifetime record; no jobs were seen")
    }

    // MARK: type errors

    struct TypeCase: Sendable, CustomTestStringConvertible {
        let text: String
        let message: String
        var testDescription: String { text }
    }

    @Test("type errors are assertion errors that point at the column", arguments: [
        TypeCase(
            text: #"summary.stalled_jobs == "0""#,
            message: #"column 25: expected a number to compare with 'summary.stalled_jobs' (an integer), "#
                + #"found string '"0"'"#),
        TypeCase(
            text: "jobs.swap_request_processing.max_execution < 30",
            message: "column 46: expected a duration such as 30s to compare with "
                + "'jobs.swap_request_processing.max_execution' (a duration), found integer '30'"),
        TypeCase(
            text: "30 > jobs.*.max_execution",
            message: "column 1: expected a duration such as 30s to compare with 'jobs.*.max_execution' "
                + "(a duration), found integer '30'"),
        TypeCase(
            text: "summary.total_jobs == 1s",
            message: "column 23: expected a number to compare with 'summary.total_jobs' (an integer), "
                + "found duration '1s'"),
        TypeCase(
            text: "verdict == 1",
            message: "column 12: expected a string in double quotes to compare with 'verdict' (a string), "
                + "found integer '1'"),
        TypeCase(
            text: "verdict == http_status",
            message: "column 12: expected a string in double quotes to compare with 'verdict' (a string), "
                + "found integer 'http_status'"),
        TypeCase(
            text: #"verdict < "z""#,
            message: "column 9: expected '==' or '!=' to compare strings (they have no order), found '<'"),
        TypeCase(
            text: #"jobs.*.last_run_time >= "2026-01-01T00:00:00Z""#,
            message: "column 22: expected '==' or '!=' to compare times (they have no order), found '>='"),
        TypeCase(
            text: "jobs.*.last_run_time == 5",
            message: "column 25: expected a time as a quoted RFC 3339 string to compare with "
                + "'jobs.*.last_run_time' (a time), found integer '5'"),
        TypeCase(
            text: #"any(jobs.*.status == "x") < true"#,
            message: "column 27: expected '==' or '!=' to compare booleans (they have no order), found '<'"),
        TypeCase(
            text: "summary.total_jobs == true",
            message: "column 23: expected a number to compare with 'summary.total_jobs' (an integer), "
                + "found boolean 'true'"),
        TypeCase(
            text: #"count(jobs.*.status == "failed") == "2""#,
            message: #"column 37: expected a number to compare with 'count(jobs.*.status == "failed")' "#
                + #"(an integer), found string '"2"'"#),
        // Found even where evaluation would never go, and inside functions.
        TypeCase(
            text: "true or verdict == 1",
            message: "column 20: expected a string in double quotes to compare with 'verdict' (a string), "
                + "found integer '1'"),
        TypeCase(
            text: "count(jobs.*.status == 1) == 0",
            message: "column 24: expected a string in double quotes to compare with 'jobs.*.status' "
                + "(a string), found integer '1'"),
    ])
    func typeErrors(_ typeCase: TypeCase) throws {
        let result = try runCheck(typeCase.text)
        #expect(result.status == .error)
        #expect(result.message == typeCase.message)
        #expect(result.details.count == 3)
        #expect(result.details.first?.hasPrefix("error: expected") == true)
        #expect(result.details.last?.hasSuffix("^") == true)
    }

    @Test("a type error's details are the caret display")
    func typeErrorDetails() throws {
        let result = try runCheck("jobs.swap_request_processing.max_execution < 30")
        #expect(result.details == [
            "error: expected a duration such as 30s to compare with 'jobs.swap_request_processing.max_execution' "
                + "(a duration), found integer '30'",
            "  jobs.swap_request_processing.max_execution < 30",
            "                                               ^",
        ])
    }

    @Test("a state value of the wrong kind, or none, is an error, not a crash")
    func badState() throws {
        var subject = CheckDictionarySubject.criticalUnhealthy()
        subject.values[.root(field: "verdict")] = .int(3)
        subject.values[.summary(field: "total_jobs")] = nil
        let wrongKind = try runCheck(#"verdict == "healthy""#, subject)
        #expect(wrongKind.status == .error)
        #expect(wrongKind.message == "the replayed state gave 3 for verdict, which should be a string")
        let missing = try runCheck("summary.total_jobs > 0", subject)
        #expect(missing.status == .error)
        #expect(missing.message == "the replayed state has no value for summary.total_jobs")
    }

    @Test("evaluating many rules keeps their order")
    func manyRules() throws {
        let rules = try ["true", "false", "verdict == 1"].map { text throws(CheckExpressionError) in
            try CheckRule(parsing: text)
        }
        let results = CheckEvaluator(subject: CheckDictionarySubject.criticalUnhealthy()).evaluate(rules)
        #expect(results.map(\.status) == [.passed, .failed, .error])
        #expect(results.map(\.expression) == ["true", "false", "verdict == 1"])
        #expect(CheckTally(results) == { var tally = CheckTally([]); tally.passed = 1; tally.failed = 1; tally.errors = 1; return tally }())
        #expect(!CheckTally(results).allPassed)
    }
}
