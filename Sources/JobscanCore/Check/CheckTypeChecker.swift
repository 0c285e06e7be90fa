/// Static type rules for comparisons; types come from `CheckVocabulary` and the literals.
///
/// - integers and decimals compare with each other, all six operators;
/// - durations compare only with durations (a bare number is not taken as seconds:
///   `30` next to a duration is an error that suggests `30s`);
/// - strings compare with strings, and times with quoted strings, by `==`/`!=` only
///   (no lexicographic order: it would be wrong for Go's RFC 3339 times and mean
///   nothing for statuses);
/// - booleans compare with booleans by `==`/`!=`.
public enum CheckTypeChecker {
    /// The first type error in source order, or nil when the expression is well typed.
    public static func firstError(in expression: CheckExpression) -> CheckExpressionError? {
        firstError(in: expression.root, source: expression.source)
    }

    static func firstError(in node: CheckNode, source: CheckSource) -> CheckExpressionError? {
        switch node {
        case .or(let lhs, let rhs), .and(let lhs, let rhs):
            return firstError(in: lhs, source: source) ?? firstError(in: rhs, source: source)
        case .not(let inner):
            return firstError(in: inner, source: source)
        case .test(let operand):
            return firstError(inCallsOf: operand, source: source)
        case .comparison(let lhs, let op, let rhs, let operatorSpan):
            if let error = firstError(inCallsOf: lhs, source: source) ?? firstError(inCallsOf: rhs, source: source) {
                return error
            }
            return comparisonError(lhs, op, rhs, operatorSpan: operatorSpan, source: source)
        }
    }

    private static func firstError(inCallsOf operand: CheckOperand, source: CheckSource) -> CheckExpressionError? {
        guard case .call(_, let predicate, _, _) = operand else { return nil }
        return firstError(in: predicate, source: source)
    }

    private static func comparisonError(
        _ lhs: CheckOperand, _ op: CheckComparisonOperator, _ rhs: CheckOperand,
        operatorSpan: CheckSpan, source: CheckSource
    ) -> CheckExpressionError? {
        let left = lhs.type
        let right = rhs.type
        let numeric: Set<CheckValueType> = [.int, .number]
        let textual: Set<CheckValueType> = [.string, .time]
        if numeric.contains(left), numeric.contains(right) { return nil }
        if left == .duration, right == .duration { return nil }
        let unordered: String?
        if textual.contains(left), textual.contains(right) {
            unordered = left == .time || right == .time ? "times" : "strings"
        } else if left == .bool, right == .bool {
            unordered = "booleans"
        } else {
            unordered = nil
        }
        if let unordered {
            guard !op.isEquality else { return nil }
            return CheckExpressionError(
                kind: .type, expression: source.string, column: operatorSpan.start + 1,
                expected: "'==' or '!=' to compare \(unordered) (they have no order)",
                found: CheckQuoting.sourceSnippet(op.rawValue))
        }
        // Point at the literal if there is one, since that is what usually needs changing.
        let (offending, other) = lhs.isLiteral && !rhs.isLiteral ? (lhs, rhs) : (rhs, lhs)
        return CheckExpressionError(
            kind: .type, expression: source.string, column: offending.span.start + 1,
            expected: "\(wanted(other.type)) to compare with \(source.quoted(other.span)) (\(other.type.phrase))",
            found: "\(noun(offending.type)) \(CheckQuoting.sourceSnippet(source.text(offending.span)))")
    }

    /// What the other side has to be, with a hint at the notation.
    private static func wanted(_ type: CheckValueType) -> String {
        switch type {
        case .int, .number: "a number"
        case .duration: "a duration such as 30s"
        case .string: "a string in double quotes"
        case .time: "a time as a quoted RFC 3339 string"
        case .bool: "true or false"
        }
    }

    private static func noun(_ type: CheckValueType) -> String {
        switch type {
        case .int: "integer"
        case .number: "number"
        case .string: "string"
        case .duration: "duration"
        case .bool: "boolean"
        case .time: "time"
        }
    }
}
