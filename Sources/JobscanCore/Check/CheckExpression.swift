/// A parsed, vocabulary-checked check expression; build one with `CheckExpression(_:)`.
public struct CheckExpression: Sendable, Equatable, CustomStringConvertible {
    /// The expression as the user wrote it.
    public let text: String
    let root: CheckNode
    let source: CheckSource

    /// Parses `text` and checks its paths and functions against `CheckVocabulary`.
    public init(_ text: String) throws(CheckExpressionError) {
        self = try CheckParser.parse(text)
    }

    init(text: String, root: CheckNode, source: CheckSource) {
        self.text = text
        self.root = root
        self.source = source
    }

    public var description: String { text }

    /// The tree fully parenthesized, one pair per operator: shows how precedence grouped it.
    public var structure: String { root.structure(in: source) }
}

/// `0`-based, half-open range of Unicode scalars in the expression text.
struct CheckSpan: Sendable, Equatable, Hashable {
    let start: Int
    let end: Int

    func through(_ other: CheckSpan) -> CheckSpan { CheckSpan(start: start, end: other.end) }
}

/// A comparison operator.
public enum CheckComparisonOperator: String, Sendable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    /// `==` and `!=`, the only ones strings, times and booleans have.
    var isEquality: Bool { self == .equal || self == .notEqual }

    func holds<T: Comparable>(_ lhs: T, _ rhs: T) -> Bool {
        switch self {
        case .equal: lhs == rhs
        case .notEqual: lhs != rhs
        case .less: lhs < rhs
        case .lessOrEqual: lhs <= rhs
        case .greater: lhs > rhs
        case .greaterOrEqual: lhs >= rhs
        }
    }
}

/// The functions over a wildcard predicate.
public enum CheckFunction: String, Sendable, CaseIterable {
    /// Number of jobs for which the predicate holds (an integer).
    case count
    /// Whether the predicate holds for at least one job.
    case any
    /// Whether the predicate holds for every job (true when there are none).
    case all

    var resultType: CheckValueType { self == .count ? .int : .bool }
}

/// The job part of a path: a name, or `*` for every job.
enum CheckJobSelector: Sendable, Equatable, Hashable {
    case named(String)
    case wildcard
}

/// A path as written, possibly with a wildcard.
struct CheckPathPattern: Sendable, Equatable, Hashable {
    let scope: CheckScope
    /// Set exactly when `scope.hasJobs`.
    let job: CheckJobSelector?
    let field: CheckField
    /// `instances.<name>.…`: the instance of a fleet the path reads (never with a `*` job).
    var instance: String?

    init(scope: CheckScope, job: CheckJobSelector?, field: CheckField, instance: String? = nil) {
        self.scope = scope
        self.job = job
        self.field = field
        self.instance = instance
    }

    /// The same path, read in one instance of a fleet.
    func inInstance(_ name: String) -> CheckPathPattern {
        CheckPathPattern(scope: scope, job: job, field: field, instance: name)
    }

    var isWildcard: Bool { job == .wildcard }

    /// The concrete path for the job `*` stands for (ignored for named jobs).
    func resolved(wildcardJob: String?) -> CheckPath? {
        if let instance {
            return CheckPathPattern(scope: scope, job: job, field: field).resolved(wildcardJob: wildcardJob)
                .map { .instance(name: instance, path: $0) }
        }
        let name: String?
        switch job {
        case .named(let named): name = named
        case .wildcard: name = wildcardJob
        case nil: name = nil
        }
        switch scope {
        case .root: return .root(field: field.name)
        case .summary: return .summary(field: field.name)
        case .input: return .input(field: field.name)
        case .jobs: return name.map { .job(name: $0, field: field.name) }
        case .lifetime: return name.map { .lifetime(name: $0, field: field.name) }
        case .history: return .history(field: field.name)
        case .circuitBreakers: return name.map { .circuitBreaker(name: $0, field: field.name) }
        }
    }

    var text: String {
        if let instance { return "instances.\(CheckPath.jobText(instance)).\(CheckPathPattern(scope: scope, job: job, field: field).text)" }
        switch job {
        case .wildcard:
            return "\(scope.rawValue).*.\(field.name)"
        case .named(let name):
            return (resolved(wildcardJob: name)?.description) ?? field.name
        case nil:
            return resolved(wildcardJob: nil)?.description ?? field.name
        }
    }
}

/// One side of a comparison.
indirect enum CheckOperand: Sendable, Equatable {
    /// `jobSpan` covers the job part (`*`, name or quoted name), for wildcard errors.
    case path(CheckPathPattern, span: CheckSpan, jobSpan: CheckSpan?)
    case literal(CheckValue, span: CheckSpan)
    /// `scope` is the one scope the predicate's `*` paths range over (set by validation).
    case call(CheckFunction, predicate: CheckNode, scope: CheckScope, span: CheckSpan)

    var span: CheckSpan {
        switch self {
        case .path(_, let span, _), .literal(_, let span), .call(_, _, _, let span): span
        }
    }

    /// The static type, from the vocabulary, the literal or the function.
    var type: CheckValueType {
        switch self {
        case .path(let pattern, _, _): pattern.field.type
        case .literal(let value, _): value.kind
        case .call(let function, _, _, _): function.resultType
        }
    }

    var isLiteral: Bool {
        if case .literal = self { return true }
        return false
    }
}

/// A node of the expression tree.
indirect enum CheckNode: Sendable, Equatable {
    case or(CheckNode, CheckNode)
    case and(CheckNode, CheckNode)
    case not(CheckNode)
    case comparison(CheckOperand, CheckComparisonOperator, CheckOperand, operatorSpan: CheckSpan)
    /// A boolean operand standing alone: `any(…)`, `true`.
    case test(CheckOperand)

    /// Whether this node is a single comparison or test (a leaf of the boolean tree).
    var isLeaf: Bool {
        switch self {
        case .comparison, .test: true
        default: false
        }
    }

    var operands: [CheckOperand] {
        switch self {
        case .comparison(let lhs, _, let rhs, _): [lhs, rhs]
        case .test(let operand): [operand]
        default: []
        }
    }

    /// The leaf's source span (leaves only).
    var leafSpan: CheckSpan? {
        switch self {
        case .comparison(let lhs, _, let rhs, _): lhs.span.through(rhs.span)
        case .test(let operand): operand.span
        default: nil
        }
    }

    func structure(in source: CheckSource) -> String {
        switch self {
        case .or(let lhs, let rhs): "(\(lhs.structure(in: source)) or \(rhs.structure(in: source)))"
        case .and(let lhs, let rhs): "(\(lhs.structure(in: source)) and \(rhs.structure(in: source)))"
        case .not(let inner): "(not \(inner.structure(in: source)))"
        case .comparison(let lhs, let op, let rhs, _):
            "(\(lhs.structure(in: source)) \(op.rawValue) \(rhs.structure(in: source)))"
        case .test(let operand): operand.structure(in: source)
        }
    }
}

extension CheckOperand {
    func structure(in source: CheckSource) -> String {
        switch self {
        case .path(let pattern, _, _): pattern.text
        case .literal(let value, _): value.displayText
        case .call(let function, let predicate, _, _): "\(function.rawValue)(\(predicate.structure(in: source)))"
        }
    }
}
