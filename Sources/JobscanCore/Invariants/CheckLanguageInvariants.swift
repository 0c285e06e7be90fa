/// The check language on arbitrary text: as an expression (parse, type check, evaluate against a
/// real analysis, print, report) and as a rules file. Nothing may trap or recurse past its bound.
enum CheckLanguageInvariants {
    static func check(_ data: [UInt8]) -> String? {
        let text = String(decoding: data, as: UTF8.self)
        var results: [CheckResult] = []
        let evaluator = CheckEvaluator(subject: subject)
        do {
            let rule = try CheckRule(name: "fuzz", parsing: text)
            _ = rule.expression.structure
            _ = CheckTypeChecker.firstError(in: rule.expression)
            results.append(evaluator.evaluate(rule))
        } catch {
            // A rejection must point into the text (or just past its end).
            guard error.column >= 1, error.column <= text.unicodeScalars.count + 1 else {
                return "error column \(error.column) outside the \(text.unicodeScalars.count) scalars of the text"
            }
            _ = error.rendered()
        }
        if let rules = try? CheckRulesFile.parse(text, fileName: "fuzz.rules") {
            guard !rules.isEmpty else { return "a rules file without rules was accepted" }
            results += evaluator.evaluate(rules)
        }
        let report = CheckTextReport.render(results)
        guard report.split(separator: "\n", omittingEmptySubsequences: false).count == results.count + 2 else {
            return "the text report has a line break inside a result: \(report.debugDescription)"
        }
        // JUnit's escaping, without its Foundation-formatted header (slow, and not input-driven).
        for result in results {
            _ = XMLEscaping.attribute(result.message)
            _ = XMLEscaping.attribute(result.name ?? result.expression)
        }
        return nil
    }

    /// A real analysis to evaluate against: a few jobs, a failure, a restart (built once).
    static let subject: Analysis = {
        let log = [
            #"{"level":"info","ts":1795639521.1,"msg":"Job registered for monitoring","job_name":"btc_transaction_indexing"}"#,
            #"{"level":"info","ts":1795639521.2,"msg":"Job started","job_name":"btc_transaction_indexing","start_time":"2026-11-25T20:45:21Z"}"#,
            #"{"level":"info","ts":1795639521.4,"msg":"Job completed successfully","job_name":"btc_transaction_indexing","duration":"200ms"}"#,
            #"{"level":"info","ts":1795639522.0,"msg":"Starting server","port":"8080"}"#,
            #"{"level":"info","ts":1795639522.2,"msg":"Job started","job_name":"swap_request_processing","start_time":"2026-11-25T20:45:22Z"}"#,
            #"{"level":"error","ts":1795639522.9,"msg":"Job failed","job_name":"swap_request_processing","duration":"700ms","error":"job timeout after 500ms","consecutive_failures":"1"}"#,
            #"{"level":"info","ts":1795639523.0,"msg":"Job started","job_name":"caf\u00e9","start_time":"2026-11-25T20:45:23Z"}"#,
        ]
        let replayer = Replayer(options: ReplayOptions())
        var decoder = EventDecoder()
        var input = InputSummary()
        for (i, line) in log.enumerated() {
            var bytes = Array(line.utf8)
            if case .event(let event) = bytes.withUnsafeMutableBytes({ decoder.decode(UnsafeRawBufferPointer($0), lineNumber: i + 1) }) {
                replayer.apply(event)
                input.events[event.message, default: 0] += 1
            }
        }
        input.lines = log.count
        return Analysis(instance: InstanceIdentity(name: "app.log", shape: .plain), input: input, replay: replayer.finish())
    }()
}
