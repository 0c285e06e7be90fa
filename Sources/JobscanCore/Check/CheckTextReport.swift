/// The plain-text report of `jobscan check`: one line per assertion, then the tally.
///
/// ```
/// PASS verdict == "healthy"
/// FAIL jobs.*.consecutive_failures < 3 — failed for btc_transaction_indexing (4)
/// ERROR summary.stalled_jobs == "0" — column 25: expected a number …
/// 1 passed, 2 failed
/// ```
/// A named rule reads `FAIL name: expression — …` (`PASS name` when it passes). Errors
/// count as failed in the last line, which holds nothing else.
public enum CheckTextReport {
    public static func render(_ results: [CheckResult]) -> String {
        var lines = results.map(line)
        let tally = CheckTally(results)
        lines.append("\(tally.passed) passed, \(tally.failed + tally.errors) failed")
        return lines.joined(separator: "\n") + "\n"
    }

    static func line(_ result: CheckResult) -> String {
        let expression = CheckQuoting.flattened(result.expression)
        let name = result.name.map(CheckQuoting.flattened)
        switch result.status {
        case .passed:
            return "PASS " + (name ?? expression)
        case .failed, .error:
            let title = name.map { "\($0): \(expression)" } ?? expression
            let word = result.status == .failed ? "FAIL" : "ERROR"
            let message = CheckQuoting.flattened(result.message)
            return "\(word) \(title)" + (message.isEmpty ? "" : " \u{2014} \(message)")
        }
    }
}
