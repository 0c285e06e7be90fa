/// Recursive-descent parser for Grammar/check.ebnf, one method per production.
///
/// It also applies the rules the grammar states in prose: fields come from
/// `CheckVocabulary`, a lone operand must be boolean, and `*` paths in one
/// comparison (or one function argument) range over one scope.
///
/// The tree's height is bounded by `maximumHeight` (an error at the token that would pass
/// it): the parser, the type checker, the evaluator and the printer all recurse on the tree,
/// so a hostile expression (5,000 parentheses, a 200,000-deep `not`) must not reach them.
struct CheckParser {
    /// The most levels an expression tree may have: every `and`, `or`, `not`, comparison and
    /// function call is one; parentheses add none.
    static let maximumHeight = 100

    /// A subtree and its height, which bounds every recursion over it.
    private typealias Tree = (node: CheckNode, height: Int)

    private let source: CheckSource
    private let tokens: [CheckToken]
    private var position = 0
    /// The last primary parsed (comparison, test or parenthesized group), for "after '…'" phrases.
    private var lastPrimary = CheckSpan(start: 0, end: 0)

    private init(_ text: String) {
        source = CheckSource(text)
        tokens = CheckLexer(source: source).tokens()
    }

    static func parse(_ text: String) throws(CheckExpressionError) -> CheckExpression {
        var parser = CheckParser(text)
        let root = try parser.parseOr(after: nil).node
        let next = try parser.peek()
        guard next.kind == .end else {
            throw parser.error(
                "'and', 'or' or end of expression after \(parser.source.quoted(parser.lastPrimary))", found: next)
        }
        return CheckExpression(text: text, root: root, source: parser.source)
    }

    // MARK: Expression, OrExpr, AndExpr, NotExpr

    /// `after` names the token before, for "expected an expression after 'and'".
    private mutating func parseOr(after: String?) throws(CheckExpressionError) -> Tree {
        var tree = try parseAnd(after: after)
        while try peek().isName("or") {
            let op = try peek()
            try checkHeight(tree.height + 1, at: op)
            advance()
            let rhs = try parseAnd(after: "'or'")
            tree = (.or(tree.node, rhs.node), try checkHeight(max(tree.height, rhs.height) + 1, at: op))
        }
        return tree
    }

    private mutating func parseAnd(after: String?) throws(CheckExpressionError) -> Tree {
        var tree = try parseNot(after: after)
        while try peek().isName("and") {
            let op = try peek()
            try checkHeight(tree.height + 1, at: op)
            advance()
            let rhs = try parseNot(after: "'and'")
            tree = (.and(tree.node, rhs.node), try checkHeight(max(tree.height, rhs.height) + 1, at: op))
        }
        return tree
    }

    private mutating func parseNot(after: String?) throws(CheckExpressionError) -> Tree {
        if try peek().isName("not") {
            let op = try peek()
            try enter(at: op)
            defer { nesting -= 1 }
            advance()
            let inner = try parseNot(after: "'not'")
            return (.not(inner.node), try checkHeight(inner.height + 1, at: op))
        }
        return try parsePrimary(after: after)
    }

    /// Open `not`s, parentheses and calls around the current token: the parser's own recursion.
    private var nesting = 0

    /// Counts one more level of the parser's recursion at `token`, which must stay within the bound.
    private mutating func enter(at token: CheckToken) throws(CheckExpressionError) {
        nesting += 1
        if nesting > Self.maximumHeight {
            nesting -= 1
            throw tooDeep(at: token)
        }
    }

    /// `height`, if it is within the bound; else the error at `token`.
    @discardableResult
    private func checkHeight(_ height: Int, at token: CheckToken) throws(CheckExpressionError) -> Int {
        guard height <= Self.maximumHeight else { throw tooDeep(at: token) }
        return height
    }

    private func tooDeep(at token: CheckToken) -> CheckExpressionError {
        CheckExpressionError(
            kind: .syntax, expression: source.string, column: token.column,
            expected: "an expression at most \(Self.maximumHeight) levels deep (each 'and', 'or', 'not', comparison and call is one)",
            found: token.foundText)
    }

    // MARK: Primary, Comparison

    private mutating func parsePrimary(after: String?) throws(CheckExpressionError) -> Tree {
        let first = try peek()
        if first.kind == .leftParen {
            try enter(at: first)
            defer { nesting -= 1 }
            advance()
            let inner = try parseOr(after: "'('")
            let close = try peek()
            guard close.kind == .rightParen else {
                throw error("'and', 'or' or ')' after \(source.quoted(lastPrimary))", found: close)
            }
            advance()
            lastPrimary = CheckSpan(start: first.start, end: close.end)
            return inner
        }
        let expectation = "an expression" + (after.map { " after \($0)" } ?? "")
        let (lhs, lhsHeight) = try parseOperand(expected: expectation)
        let next = try peek()
        guard case .comparison(let op) = next.kind else {
            guard lhs.type == .bool else {
                throw error("a comparison operator after \(source.quoted(lhs.span))", found: next)
            }
            lastPrimary = lhs.span
            return (.test(lhs), try checkHeight(lhsHeight + 1, at: first))
        }
        advance()
        let (rhs, rhsHeight) = try parseOperand(expected: "a value after '\(op.rawValue)'")
        try checkWildcardScopes([lhs, rhs])
        lastPrimary = lhs.span.through(rhs.span)
        return (.comparison(lhs, op, rhs, operatorSpan: next.span), try checkHeight(max(lhsHeight, rhsHeight) + 1, at: next))
    }

    // MARK: Operand, Literal, Call

    /// The operand and the height of a call's predicate (0 for the rest).
    private mutating func parseOperand(expected: String) throws(CheckExpressionError) -> (CheckOperand, Int) {
        let token = try peek()
        switch token.kind {
        case .string(let value):
            advance()
            return (.literal(.string(value), span: token.span), 0)
        case .integer(let value):
            advance()
            return (.literal(.int(value), span: token.span), 0)
        case .decimal(let value):
            advance()
            return (.literal(.number(value), span: token.span), 0)
        case .duration(let nanoseconds):
            advance()
            return (.literal(.duration(nanoseconds), span: token.span), 0)
        case .name:
            break
        default:
            throw error(expected, found: token)
        }
        let word = token.text
        if word == "true" || word == "false" {
            advance()
            return (.literal(.bool(word == "true"), span: token.span), 0)
        }
        let followedByParen = tokens[position + 1].kind == .leftParen
        if let function = CheckFunction(rawValue: word) {
            guard followedByParen else {
                throw error("'(' after '\(word)'", found: tokens[position + 1])
            }
            return try parseCall(function, name: token)
        }
        if followedByParen {
            throw error(
                "a function (\(CheckVocabulary.functions.joined(separator: ", ")))", found: token,
                kind: .vocabulary)
        }
        if word == CheckVocabulary.instancesRoot {
            return (try parseInstancePath(root: token), 0)
        }
        if CheckVocabulary.roots.contains(word) {
            return (try parsePath(root: token), 0)
        }
        if ["and", "or", "not"].contains(word) {
            throw error(expected, found: token)
        }
        if expected.hasPrefix("a value") {
            throw error(
                "\(expected) (a path, a literal or a function call; strings need double quotes)",
                found: token, kind: .vocabulary)
        }
        throw error(
            "a path starting with \(CheckParser.rootList), a literal, a function, 'not' or '('",
            found: token, kind: .vocabulary)
    }

    static let rootList =
        CheckVocabulary.roots.dropLast().joined(separator: ", ") + " or " + (CheckVocabulary.roots.last ?? "")

    private mutating func parseCall(_ function: CheckFunction, name: CheckToken)
        throws(CheckExpressionError) -> (CheckOperand, Int)
    {
        try enter(at: name)
        defer { nesting -= 1 }
        advance()  // name
        advance()  // (
        let argumentStart = try peek()
        let (predicate, height) = try parseOr(after: "'\(function.rawValue)('")
        let close = try peek()
        guard close.kind == .rightParen else {
            throw error("'and', 'or' or ')' after \(source.quoted(lastPrimary))", found: close)
        }
        advance()
        let span = CheckSpan(start: name.start, end: close.end)
        lastPrimary = span
        // The argument ranges over the scope of its first `*` path.
        guard let scope = CheckParser.wildcardPaths(in: predicate).first?.pattern.scope else {
            throw CheckExpressionError(
                kind: .vocabulary, expression: source.string, column: argumentStart.column,
                expected: "a 'jobs.*' or 'lifetime.*' path in the argument of \(function.rawValue)()",
                found: CheckQuoting.sourceSnippet(source.text(argumentStart.start, close.start)))
        }
        try checkWildcardScopes(in: predicate, function: function, scope: scope)
        return (.call(function, predicate: predicate, scope: scope, span: span), try checkHeight(height + 1, at: name))
    }

    // MARK: Path, JobRef, Field

    private mutating func parsePath(root: CheckToken) throws(CheckExpressionError) -> CheckOperand {
        advance()
        guard let scope = CheckScope(rawValue: root.text), scope != .root else {
            // `verdict`, `http_status`: a root field alone.
            let field = CheckVocabulary.field(root.text, in: .root)!
            return .path(CheckPathPattern(scope: .root, job: nil, field: field), span: root.span, jobSpan: nil)
        }
        try expectDot(after: root.start)
        var job: CheckJobSelector?
        var jobSpan: CheckSpan?
        if scope.hasJobs {
            let token = try peek()
            let what = scope == .circuitBreakers ? "service" : "job"
            let expectation = "a \(what) name, a quoted \(what) name or '*' after \(source.quoted(root.start, token.start))"
            switch token.kind {
            case .star:
                job = .wildcard
            case .name where CheckLexer.isIdentifier(token.text):
                job = .named(token.text)
            case .string(let name) where !name.isEmpty:
                job = .named(name)
            default:
                throw error(expectation, found: token)
            }
            advance()
            jobSpan = token.span
            try expectDot(after: root.start)
        }
        let fieldToken = try peek()
        let fields = CheckVocabulary.fields(of: scope)
        guard fieldToken.kind == .name, let field = CheckVocabulary.field(fieldToken.text, in: scope) else {
            let list = fields.map(\.name).joined(separator: ", ")
            throw error(
                "a field of \(scope.pattern) (\(list))", found: fieldToken,
                kind: fieldToken.kind == .name ? .vocabulary : .syntax)
        }
        advance()
        return .path(
            CheckPathPattern(scope: scope, job: job, field: field),
            span: CheckSpan(start: root.start, end: fieldToken.end), jobSpan: jobSpan)
    }

    /// `instances.<name>.<path>`: the path of one instance of a fleet; `*` inside it is not
    /// allowed (its jobs are not the ones `*` ranges over).
    private mutating func parseInstancePath(root: CheckToken) throws(CheckExpressionError) -> CheckOperand {
        advance()
        try expectDot(after: root.start)
        let token = try peek()
        let name: String
        switch token.kind {
        case .name where CheckLexer.isIdentifier(token.text): name = token.text
        case .string(let quoted) where !quoted.isEmpty: name = quoted
        default:
            throw error("an instance name or a quoted instance name after \(source.quoted(root.start, token.start))", found: token)
        }
        advance()
        try expectDot(after: root.start)
        let inner = try peek()
        guard inner.kind == .name, CheckVocabulary.roots.contains(inner.text) else {
            throw error("a path starting with \(CheckParser.rootList) after \(source.quoted(root.start, inner.start))", found: inner,
                        kind: inner.kind == .name ? .vocabulary : .syntax)
        }
        guard case .path(let pattern, let span, let jobSpan) = try parsePath(root: inner) else {
            throw error("a path", found: inner)
        }
        if pattern.isWildcard, let jobSpan {
            throw CheckExpressionError(
                kind: .vocabulary, expression: source.string, column: jobSpan.start + 1,
                expected: "a named job or service inside instances.<name> ('*' ranges over the jobs of --instance's one instance)",
                found: "*")
        }
        return .path(pattern.inInstance(name), span: CheckSpan(start: root.start, end: span.end), jobSpan: nil)
    }

    private mutating func expectDot(after start: Int) throws(CheckExpressionError) {
        let token = try peek()
        guard token.kind == .dot else {
            throw error("'.' after \(source.quoted(start, tokens[position - 1].end))", found: token)
        }
        advance()
    }

    // MARK: wildcard scopes

    /// Outside a function, one comparison's `*` paths must share a scope: each job
    /// of that scope is tried in turn.
    private func checkWildcardScopes(_ operands: [CheckOperand]) throws(CheckExpressionError) {
        var scope: CheckScope?
        for operand in operands {
            guard case .path(let pattern, let span, let jobSpan?) = operand, pattern.isWildcard else { continue }
            guard let expectedScope = scope else {
                scope = pattern.scope
                continue
            }
            if pattern.scope != expectedScope {
                throw CheckExpressionError(
                    kind: .vocabulary, expression: source.string, column: span.start + 1,
                    expected: "'\(expectedScope.rawValue).*' like the rest of this comparison",
                    found: CheckQuoting.sourceSnippet(source.text(span.start, jobSpan.end)))
            }
        }
    }

    /// Inside a function, every `*` path (outside nested functions) ranges over the
    /// function's scope.
    private func checkWildcardScopes(in predicate: CheckNode, function: CheckFunction, scope: CheckScope)
        throws(CheckExpressionError)
    {
        for (pattern, span, jobSpan) in CheckParser.wildcardPaths(in: predicate) where pattern.scope != scope {
            throw CheckExpressionError(
                kind: .vocabulary, expression: source.string, column: span.start + 1,
                expected: "'\(scope.rawValue).*' (the argument of \(function.rawValue)() ranges over \(scope.rawValue).*)",
                found: CheckQuoting.sourceSnippet(source.text(span.start, jobSpan.end)))
        }
    }

    /// The `*` paths of a predicate in source order, not counting nested functions'.
    static func wildcardPaths(in node: CheckNode) -> [(pattern: CheckPathPattern, span: CheckSpan, jobSpan: CheckSpan)] {
        switch node {
        case .or(let lhs, let rhs), .and(let lhs, let rhs):
            return wildcardPaths(in: lhs) + wildcardPaths(in: rhs)
        case .not(let inner):
            return wildcardPaths(in: inner)
        case .comparison, .test:
            return node.operands.compactMap { operand in
                guard case .path(let pattern, let span, let jobSpan?) = operand, pattern.isWildcard else { return nil }
                return (pattern, span, jobSpan)
            }
        }
    }

    // MARK: tokens

    /// The current token; a malformed literal throws its own error here, so errors
    /// come out in source order.
    private func peek() throws(CheckExpressionError) -> CheckToken {
        let token = tokens[position]
        if case .malformed(let error) = token.kind { throw error }
        return token
    }

    private mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    private func error(_ expected: String, found token: CheckToken, kind: CheckExpressionError.Kind = .syntax)
        -> CheckExpressionError
    {
        if case .malformed(let error) = token.kind { return error }
        return CheckExpressionError(
            kind: kind, expression: source.string, column: token.column, expected: expected,
            found: token.foundText)
    }
}
