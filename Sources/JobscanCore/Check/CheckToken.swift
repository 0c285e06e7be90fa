/// One lexical token of a check expression.
struct CheckToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A word: root, field, job name, keyword or function name. After a '.',
        /// a run of `[A-Za-z0-9_]` (so `jobs.9x` gets a job-name error, not a number one).
        case name
        case string(String)
        case integer(Int64)
        case decimal(Double)
        /// Nanoseconds.
        case duration(Int64)
        case star
        case dot
        case leftParen
        case rightParen
        case comparison(CheckComparisonOperator)
        /// A character the language has no use for; the parser says what it expected instead.
        case invalid
        /// A literal that does not scan. Kept as a token so that the parser reports
        /// errors left to right: it throws this one only when it reaches the token.
        case malformed(CheckExpressionError)
        case end
    }

    let kind: Kind
    /// The token's source text (empty at the end).
    let text: String
    /// 0-based offset of the first Unicode scalar.
    let start: Int
    /// 0-based offset one past the last Unicode scalar.
    let end: Int

    /// 1-based column, as errors report it.
    var column: Int { start + 1 }

    var span: CheckSpan { CheckSpan(start: start, end: end) }

    func isName(_ word: String) -> Bool { kind == .name && text == word }

    /// The token as a "found …" phrase.
    var foundText: String {
        kind == .end ? "end of expression" : CheckQuoting.sourceSnippet(text)
    }
}
