import Testing
@testable import JobscanCore

/// Hostile nesting: the parser, type checker, evaluator and printer recurse on the tree, so its
/// height is bounded (CheckParser.maximumHeight) with an error at the token that passes it.
@Suite("Check language: nesting depth is bounded")
struct CheckDepthTests {
    static let limit = CheckParser.maximumHeight

    @Test("5,000 nested parentheses: an error at the parenthesis past the limit, not a stack overflow")
    func parentheses() throws {
        let text = String(repeating: "(", count: 5000) + "verdict == \"healthy\"" + String(repeating: ")", count: 5000)
        let error = try #require(checkParseError(text))
        #expect(error.column == Self.limit + 1)
        #expect(error.message.contains("at most \(Self.limit) levels deep"))
        #expect(error.found == "'('")
    }

    @Test("a 200,000-deep not chain: an error at the first not past the limit")
    func notChain() throws {
        let text = String(repeating: "not ", count: 200_000) + "true"
        let error = try #require(checkParseError(text))
        #expect(error.column == 4 * Self.limit + 1)
        #expect(error.found == "'not'")
    }

    @Test("a 20,000-term and chain: an error at the and that makes the tree too tall")
    func andChain() throws {
        let terms = Array(repeating: "http_status == 503", count: 20_000)
        let error = try #require(checkParseError(terms.joined(separator: " and ")))
        // Each comparison is one level; the k-th 'and' makes the tree k + 1 high, the 100th too high.
        let column = Self.limit * ("http_status == 503".count + 5) - 3
        #expect(error.column == column)
        #expect(error.found == "'and'")
        #expect(checkParseError(terms.joined(separator: " or ")) != nil)
    }

    @Test("calls count as levels: any() nested past the limit is refused")
    func nestedCalls() throws {
        var text = "jobs.*.status == \"failed\""
        for _ in 0..<200 { text = "any(\(text) and jobs.*.failure_count > 0)" }
        #expect(checkParseError(text) != nil)
    }

    @Test("an expression at the limit parses, type checks, evaluates and prints")
    func atTheLimit() throws {
        // (limit - 1) nots around one comparison: exactly `limit` levels.
        let text = String(repeating: "not ", count: Self.limit - 1) + "http_status == 503"
        let expression = try CheckExpression(text)
        #expect(CheckTypeChecker.firstError(in: expression) == nil)
        #expect(expression.structure.hasPrefix(String(repeating: "(not ", count: Self.limit - 1)))
        let result = try runCheck(text)
        // 99 nots: an odd count negates the comparison, which holds (503 observed).
        #expect(result.status == .failed)
        let chain = Array(repeating: "http_status == 503", count: Self.limit - 1).joined(separator: " and ")
        #expect(try runCheck(chain).status == .passed)
        #expect(checkParseError(String(repeating: "not ", count: Self.limit) + "http_status == 503") != nil)
    }
}
