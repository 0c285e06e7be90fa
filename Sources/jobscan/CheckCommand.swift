import ArgumentParser
import Foundation
import JobscanCore

/// `jobscan check`: assertions over the replayed state, for CI.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Assert facts about the replayed state (for CI): exit 0 when all hold.",
        discussion: """
            Each --expect (repeatable) and each line of a --rules file is an expression over the replayed \
            state, in the language of Grammar/check.ebnf:

              verdict == "healthy"
              summary.stalled_jobs == 0
              jobs.swap_request_processing.max_execution < 30s
              jobs.*.consecutive_failures < 3
              lifetime.btc_transaction_indexing.timeouts == 0 and input.diagnostics == 0
              count(jobs.*.status == "failed") <= 1

            Paths: verdict, http_status, summary.<field>, jobs.<name>.<field> (the endpoint's view since the last \
            restart), lifetime.<name>.<field> (across restarts), input.<field>; * ranges over every job. A rules \
            file holds one expression per line, '#' comments, and an optional 'name: ' before the expression.

            Every rule is parsed and type-checked before any input is read: a mistake (summary.stalled_jobs == 0s) \
            is shown with a caret under its column, and --junit still writes its file, each mistake an <error>. \
            --junit - prints the XML alone on standard output.

            Exit status: 0 all assertions hold, 1 one or more failed, 2 a usage or expression error, 3 an input \
            could not be read, 130 Ctrl-C ended standard input.
            """,
        version: JobscanVersion.full
    )

    @OptionGroup var input: InputArguments
    @OptionGroup var replay: ReplayArguments

    @Option(name: .customLong("expect"), help: ArgumentHelp("An assertion (repeatable).", valueName: "expr"))
    var expectations: [String] = []

    @Option(name: .customLong("rules"), help: ArgumentHelp("A file of assertions, one per line (repeatable).", valueName: "file"), completion: .file())
    var rulesFiles: [String] = []

    @Option(help: ArgumentHelp("Also write the results as JUnit XML to PATH (- for standard output).", valueName: "path"), completion: .file())
    var junit: String?

    func validate() throws {
        if expectations.isEmpty && rulesFiles.isEmpty {
            throw ValidationError("give at least one --expect EXPR or --rules FILE")
        }
    }

    mutating func run() throws {
        let started = Date()
        let (rules, ruleErrors) = loadRules()
        // A rule that cannot be checked stops the run before any input is read; CI still gets its JUnit file.
        if !ruleErrors.isEmpty {
            for error in ruleErrors { Terminal.standardError.write(error.details.joined(separator: "\n") + "\n") }
            try writeJUnit(ruleErrors, started: started)
            try Terminal.standardOutput.finish(closingStandardOutput: true)
            throw ExitCode(2)
        }
        let fleet = try Pipeline.analyze(input, options: try Pipeline.options(input, replay))
        let errors = fleet.errors
        let results = CheckEvaluator(subject: fleet).evaluate(rules)
        // --junit - is all that standard output then carries.
        if try StandardOutputOwner.option(among: [("--junit", junit)]) == nil {
            Terminal.standardOutput.write(CheckTextReport.render(results))
            Terminal.standardOutput.flush()
        }
        try writeJUnit(results, started: started)
        try Terminal.standardOutput.finish(closingStandardOutput: true)
        if !errors.isEmpty { throw ExitCode(Pipeline.exitStatus(3)) }
        throw ExitCode(Pipeline.exitStatus(CheckTally(results).allPassed ? 0 : 1))
    }

    private func writeJUnit(_ results: [CheckResult], started: Date) throws {
        guard let junit else { return }
        let file = try OutputFile.open(junit)
        file.write(JUnitReport.render(results, timestamp: ReproducibleTime.now(), duration: ReproducibleTime.elapsed(since: started)))
        try file.finish()
    }

    /// Parses and type-checks every expression before any input is read, so that a typo fails
    /// fast, with its caret; the rules, or what is wrong with them.
    private func loadRules() -> ([CheckRule], [CheckResult]) {
        var rules: [CheckRule] = []
        var errors: [CheckResult] = []
        for text in expectations {
            do {
                rules.append(try CheckRule(parsing: text))
            } catch {
                errors.append(CheckRuleErrors.result(expect: text, error: error))
            }
        }
        for path in rulesFiles {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                errors.append(CheckRuleErrors.result(unreadableRulesFile: path))
                continue
            }
            do {
                rules += try CheckRulesFile.parse(text, fileName: path)
            } catch {
                errors += CheckRuleErrors.results(error)
            }
        }
        errors += rules.compactMap(CheckRuleErrors.typeError(of:))
        return (rules, errors)
    }
}

/// Times for reports that must be reproducible: SOURCE_DATE_EPOCH, when set, fixes the clock
/// (and zeroes durations), as the reproducible-builds convention has it.
enum ReproducibleTime {
    static func now() -> Date {
        if let epoch = Terminal.environment("SOURCE_DATE_EPOCH").flatMap(Double.init) { return Date(timeIntervalSince1970: epoch) }
        return Date()
    }

    /// `now()` as an instant, for `--at now`.
    static func instant() -> Instant {
        Instant(nanoseconds: Int64((now().timeIntervalSince1970 * 1e9).rounded()))
    }

    static func elapsed(since start: Date) -> Double {
        Terminal.environment("SOURCE_DATE_EPOCH") == nil ? Date().timeIntervalSince(start) : 0
    }
}
