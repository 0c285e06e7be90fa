/// Evaluates rules against the replayed state.
///
/// Semantics (also in Grammar/check.ebnf):
/// - a comparison with a `*` path outside a function holds when it holds for every
///   job of the path's scope (`jobs.*` over `jobNames`, `lifetime.*` over
///   `lifetimeJobNames`); with no jobs it holds vacuously;
/// - inside `count(…)`, `any(…)`, `all(…)` the `*` stands for one job at a time and
///   the whole argument is evaluated per job;
/// - `and`/`or` evaluate left to right and stop once the result is known;
/// - a named job absent from the state makes the whole assertion fail, with a
///   message naming the jobs that are there;
/// - a type error, or a state value of the wrong kind, makes it an error.
public struct CheckEvaluator: Sendable {
    public let subject: any CheckSubject

    public init(subject: any CheckSubject) {
        self.subject = subject
    }

    /// One result per rule, in order.
    public func evaluate(_ rules: [CheckRule]) -> [CheckResult] {
        rules.map(evaluate)
    }

    public func evaluate(_ rule: CheckRule) -> CheckResult {
        let expression = rule.expression
        func result(_ status: CheckResult.Status, _ message: String, _ details: [String]) -> CheckResult {
            CheckResult(
                name: rule.name, expression: expression.text, location: rule.location, status: status,
                message: message, details: details)
        }
        if let error = CheckTypeChecker.firstError(in: expression) {
            let (message, details) = CheckEvaluator.describe(error, at: rule.location)
            return result(.error, message, details)
        }
        let run = Run(subject: subject, source: expression.source)
        do {
            let outcome = try run.evaluate(expression.root, Bindings())
            let (message, details) = outcome.explanation.rendered(rootIsLeaf: expression.root.isLeaf)
            return result(outcome.holds ? .passed : .failed, message, details)
        } catch {
            switch error {
            case .missingJob(let scope, let name):
                let message = missingJobMessage(scope: scope, name: name)
                return result(.failed, message, [message])
            case .missingInstance(let name):
                let seen = subject.instanceNames
                let message = "no instance \(CheckQuoting.sourceSnippet(name)) in the input; "
                    + (seen.isEmpty ? "the input is one instance (drop the instances.<name> prefix)" : "instances: " + seen.joined(separator: ", "))
                return result(.failed, message, [message])
            case .noValue(let path):
                let message = "the replayed state has no value for \(path)"
                return result(.error, message, [message])
            case .wrongKind(let path, let expected, let found):
                let message =
                    "the replayed state gave \(found.displayText) for \(path), which should be \(expected.phrase)"
                return result(.error, message, [message])
            case .incomparable(let text, let lhs, let rhs):
                let message = "cannot compare \(lhs.displayText) with \(rhs.displayText) in '\(text)'"
                return result(.error, message, [message])
            }
        }
    }

    private func missingJobMessage(scope: CheckScope, name: String) -> String {
        let quoted = CheckQuoting.sourceSnippet(name)
        if scope == .circuitBreakers {
            let seen = subject.circuitBreakerNames
            return "no circuit breaker \(quoted) in the log; "
                + (seen.isEmpty ? "the log names none" : "services in the log: " + seen.joined(separator: ", "))
        }
        if scope == .lifetime {
            let seen = subject.lifetimeJobNames
            return "no job \(quoted) in the lifetime record; "
                + (seen.isEmpty ? "no jobs were seen" : "jobs seen: " + seen.joined(separator: ", "))
        }
        let present = subject.jobNames
        return "no job \(quoted) in the log; "
            + (present.isEmpty ? "the log has no jobs" : "jobs in the log: " + present.joined(separator: ", "))
    }

    /// A type error as a one-line message (with file:line:column when the rule has a
    /// location) and the caret display.
    static func describe(_ error: CheckExpressionError, at location: CheckRuleLocation?) -> (String, [String]) {
        guard let location else {
            return ("column \(error.column): \(error.message)", error.rendered().split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
        let column = location.column + error.column - 1
        let header = "\(location.file):\(location.line):\(column): \(error.message)"
        let display = CheckCaret.render(header: header, line: location.lineText, column: column)
        return (header, display.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }
}

/// Which job each wildcard scope currently stands for.
private struct Bindings {
    var jobs: String?
    var lifetime: String?
    var circuitBreakers: String?

    subscript(scope: CheckScope) -> String? {
        get {
            switch scope {
            case .jobs: jobs
            case .lifetime: lifetime
            case .circuitBreakers: circuitBreakers
            default: nil
            }
        }
        set {
            switch scope {
            case .jobs: jobs = newValue
            case .lifetime: lifetime = newValue
            case .circuitBreakers: circuitBreakers = newValue
            default: break
            }
        }
    }
}

/// Why evaluation stopped before reaching a truth value.
private enum Stop: Error {
    case missingJob(CheckScope, String)
    case missingInstance(String)
    case noValue(CheckPath)
    case wrongKind(CheckPath, CheckValueType, CheckValue)
    case incomparable(String, CheckValue, CheckValue)
}

private struct Outcome {
    var holds: Bool
    var explanation: Explanation
}

/// The observed values that explain an outcome.
private struct Explanation {
    struct Observation {
        let path: String
        let value: String
        /// Read for a job `*` stood for in a quantified comparison (listed per job instead).
        let perJob: Bool
    }

    /// What a quantified comparison found: `subject` is its text.
    struct Phrase {
        let subject: String
        let body: String
        let jobLines: [String]
    }

    var observations: [Observation] = []
    var phrases: [Phrase] = []

    mutating func append(_ other: Explanation) {
        observations += other.observations
        phrases += other.phrases
    }

    /// The one-line message and the detail lines. A lone comparison's phrase drops
    /// its subject: the report already shows the expression.
    func rendered(rootIsLeaf: Bool) -> (String, [String]) {
        var seen = Set<String>()
        let shared = observations.filter { !$0.perJob && seen.insert($0.path).inserted }
        var parts: [String] = []
        var details: [String] = []
        if !shared.isEmpty {
            parts.append("observed " + shared.map { "\($0.path) = \($0.value)" }.joined(separator: ", "))
            details += shared.map { "\($0.path) = \($0.value)" }
        }
        for phrase in phrases {
            parts.append(rootIsLeaf ? phrase.body : "\(phrase.subject) \(phrase.body)")
            details.append("\(phrase.subject) \(phrase.body)")
            details += phrase.jobLines.map { "  " + $0 }
        }
        return (parts.joined(separator: "; "), details)
    }
}

/// One evaluation of one expression.
private struct Run {
    let subject: any CheckSubject
    let source: CheckSource

    func evaluate(_ node: CheckNode, _ bindings: Bindings) throws(Stop) -> Outcome {
        switch node {
        case .and(let lhs, let rhs):
            let left = try evaluate(lhs, bindings)
            guard left.holds else { return left }
            let right = try evaluate(rhs, bindings)
            guard right.holds else { return right }
            var both = left.explanation
            both.append(right.explanation)
            return Outcome(holds: true, explanation: both)
        case .or(let lhs, let rhs):
            let left = try evaluate(lhs, bindings)
            if left.holds { return left }
            let right = try evaluate(rhs, bindings)
            if right.holds { return right }
            var both = left.explanation
            both.append(right.explanation)
            return Outcome(holds: false, explanation: both)
        case .not(let inner):
            let outcome = try evaluate(inner, bindings)
            return Outcome(holds: !outcome.holds, explanation: outcome.explanation)
        case .comparison, .test:
            return try evaluateLeaf(node, bindings)
        }
    }

    /// A comparison or test; quantified over the jobs of its scope if it has a `*`
    /// path no function has bound.
    private func evaluateLeaf(_ node: CheckNode, _ bindings: Bindings) throws(Stop) -> Outcome {
        let unbound = node.operands.lazy.compactMap { operand -> CheckScope? in
            guard case .path(let pattern, _, _) = operand, pattern.isWildcard,
                bindings[pattern.scope] == nil
            else { return nil }
            return pattern.scope
        }.first
        guard let scope = unbound else {
            var explanation = Explanation()
            let holds = try decide(node, bindings, &explanation)
            return Outcome(holds: holds, explanation: explanation)
        }
        let names = jobNames(of: scope)
        var explanation = Explanation()
        var failing: [String] = []
        var holding: [String] = []
        var jobLines: [String] = []
        for (index, name) in names.enumerated() {
            var jobBindings = bindings
            jobBindings[scope] = name
            var local = Explanation()
            let holds = try decide(node, jobBindings, &local)
            let perJob = local.observations.filter(\.perJob)
            let summary = "\(name) (\(perJob.map(\.value).joined(separator: ", ")))"
            if holds {
                holding.append(summary)
            } else {
                failing.append(summary)
                jobLines += perJob.map { "\(name): \($0.path) = \($0.value)" }
            }
            if index == 0 {
                // Values that don't depend on the job: report them once.
                explanation.observations += local.observations.filter { !$0.perJob }
            }
        }
        let body: String
        if !failing.isEmpty {
            body = "failed for " + failing.joined(separator: ", ")
        } else if names.isEmpty {
            body = "held vacuously: "
                + (scope == .lifetime ? "no jobs were seen" : scope == .circuitBreakers ? "the log names no circuit breaker" : "the log has no jobs")
        } else {
            body = "held for every job: " + holding.joined(separator: ", ")
        }
        let text = CheckQuoting.flattened(source.text(node.leafSpan ?? CheckSpan(start: 0, end: 0)))
        explanation.phrases.append(Explanation.Phrase(subject: text, body: body, jobLines: jobLines))
        return Outcome(holds: failing.isEmpty, explanation: explanation)
    }

    /// The truth of a leaf whose `*` paths are all bound.
    private func decide(_ node: CheckNode, _ bindings: Bindings, _ explanation: inout Explanation)
        throws(Stop) -> Bool
    {
        switch node {
        case .test(let operand):
            let value = try value(of: operand, bindings, &explanation)
            guard case .bool(let holds) = value else {
                throw .incomparable(source.text(operand.span), value, .bool(true))
            }
            return holds
        case .comparison(let lhs, let op, let rhs, _):
            let left = try value(of: lhs, bindings, &explanation)
            let right = try value(of: rhs, bindings, &explanation)
            guard let holds = Run.compare(left, op, right) else {
                throw .incomparable(source.text(lhs.span.through(rhs.span)), left, right)
            }
            return holds
        default:
            return false
        }
    }

    private func value(of operand: CheckOperand, _ bindings: Bindings, _ explanation: inout Explanation)
        throws(Stop) -> CheckValue
    {
        switch operand {
        case .literal(let value, _):
            return value
        case .path(let pattern, _, _):
            let wildcardJob = pattern.isWildcard ? bindings[pattern.scope] : nil
            guard let path = pattern.resolved(wildcardJob: wildcardJob) else {
                // Unreachable: evaluateLeaf binds every `*` before asking for values.
                throw .noValue(.root(field: pattern.text))
            }
            guard let value = subject.value(at: path) else {
                if case .instance(let name, _) = path, !subject.instanceNames.contains(name) { throw .missingInstance(name) }
                if let name = path.jobName { throw .missingJob(pattern.scope, name) }
                throw .noValue(path)
            }
            guard pattern.field.type.accepts(value) else {
                throw .wrongKind(path, pattern.field.type, value)
            }
            explanation.observations.append(
                .init(path: path.description, value: value.displayText, perJob: pattern.isWildcard))
            return value
        case .call(let function, let predicate, let scope, let span):
            let names = jobNames(of: scope)
            var holding: [String] = []
            for name in names {
                var jobBindings = bindings
                jobBindings[scope] = name
                if try evaluate(predicate, jobBindings).holds { holding.append(name) }
            }
            let value: CheckValue
            let shown: String
            func listed(_ names: [String]) -> String {
                names.isEmpty ? "" : " (" + names.joined(separator: ", ") + ")"
            }
            switch function {
            case .count:
                value = .int(Int64(holding.count))
                shown = "\(holding.count)" + listed(holding)
            case .any:
                value = .bool(!holding.isEmpty)
                shown = (holding.isEmpty ? "false" : "true") + listed(holding)
            case .all:
                let failing = names.filter { !holding.contains($0) }
                value = .bool(failing.isEmpty)
                shown = failing.isEmpty ? "true" : "false (not for " + failing.joined(separator: ", ") + ")"
            }
            explanation.observations.append(
                .init(path: CheckQuoting.flattened(source.text(span)), value: shown, perJob: false))
            return value
        }
    }

    private func jobNames(of scope: CheckScope) -> [String] {
        switch scope {
        case .lifetime: subject.lifetimeJobNames
        case .circuitBreakers: subject.circuitBreakerNames
        default: subject.jobNames
        }
    }

    /// Compares two values the type checker allowed; nil if their kinds don't mix.
    static func compare(_ lhs: CheckValue, _ op: CheckComparisonOperator, _ rhs: CheckValue) -> Bool? {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): return op.holds(a, b)
        case (.int(let a), .number(let b)): return op.holds(Double(a), b)
        case (.number(let a), .int(let b)): return op.holds(a, Double(b))
        case (.number(let a), .number(let b)): return op.holds(a, b)
        case (.duration(let a), .duration(let b)): return op.holds(a, b)
        case (.string(let a), .string(let b)):
            guard op.isEquality else { return nil }
            // Scalar by scalar, as Go compares strings, not by canonical equivalence.
            let equal = a.unicodeScalars.elementsEqual(b.unicodeScalars)
            return op == .equal ? equal : !equal
        case (.bool(let a), .bool(let b)):
            guard op.isEquality else { return nil }
            return op == .equal ? a == b : a != b
        default:
            return nil
        }
    }
}
