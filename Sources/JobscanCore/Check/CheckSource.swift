/// The expression's text as Unicode scalars, which is what columns count.
struct CheckSource: Sendable, Equatable {
    let string: String
    let scalars: [Unicode.Scalar]

    init(_ string: String) {
        self.string = string
        self.scalars = Array(string.unicodeScalars)
    }

    /// The text of scalars `start..<end`, clamped to the source.
    func text(_ start: Int, _ end: Int) -> String {
        let lower = max(0, min(start, scalars.count))
        let upper = max(lower, min(end, scalars.count))
        return String(String.UnicodeScalarView(scalars[lower..<upper]))
    }

    func text(_ span: CheckSpan) -> String { text(span.start, span.end) }

    /// The text between single quotes, control characters escaped: for messages.
    func quoted(_ start: Int, _ end: Int) -> String { CheckQuoting.sourceSnippet(text(start, end)) }

    func quoted(_ span: CheckSpan) -> String { quoted(span.start, span.end) }
}
