/// Rules that cannot be checked, found before any input is read (a syntax or type error, an
/// unreadable rules file), as error results: their `details` are the caret display for stderr,
/// and JUnit writes each as an `<error>`.
public enum CheckRuleErrors {
    /// An `--expect` expression that does not parse.
    public static func result(expect text: String, error: CheckExpressionError) -> CheckResult {
        CheckResult(name: nil, expression: text, location: nil, status: .error, message: "column \(error.column): \(error.message)",
                    details: lines(error.rendered()))
    }

    /// One result per malformed line of a rules file.
    public static func results(_ error: CheckRulesFileError) -> [CheckResult] {
        error.issues.map { issue in
            let header = "\(error.fileName):\(issue.line):\(issue.column): \(issue.message)"
            return CheckResult(
                name: nil, expression: issue.lineText,
                location: CheckRuleLocation(file: error.fileName, line: issue.line, column: issue.column, lineText: issue.lineText),
                status: .error, message: header,
                details: lines(CheckCaret.render(header: header, line: issue.lineText, column: issue.column)))
        }
    }

    /// A rules file that cannot be read.
    public static func result(unreadableRulesFile path: String) -> CheckResult {
        let message = "\(path): cannot read the rules file"
        return CheckResult(name: nil, expression: path, location: CheckRuleLocation(file: path, line: 1, column: 1, lineText: ""),
                           status: .error, message: message, details: ["jobscan: " + message])
    }

    /// The rule's first type error (`summary.stalled_jobs == 0s`), nil when the rule is well typed.
    public static func typeError(of rule: CheckRule) -> CheckResult? {
        guard let error = CheckTypeChecker.firstError(in: rule.expression) else { return nil }
        // An --expect expression shows as its parse errors do; a rules file's rule with file:line:column.
        let (message, details) = rule.location == nil
            ? ("column \(error.column): \(error.message)", lines(error.rendered()))
            : CheckEvaluator.describe(error, at: rule.location)
        return CheckResult(name: rule.name, expression: rule.expression.text, location: rule.location, status: .error,
                           message: message, details: details)
    }

    private static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
