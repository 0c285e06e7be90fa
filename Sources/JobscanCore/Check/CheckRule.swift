/// One assertion to check: an expression, with the name and place it has in a rules file.
public struct CheckRule: Sendable, Equatable {
    /// The `name:` before the expression in a rules file; nil for `--expect` expressions.
    public let name: String?
    public let expression: CheckExpression
    /// Where the rule's expression is in its rules file; nil for `--expect` expressions.
    public let location: CheckRuleLocation?

    public init(name: String? = nil, expression: CheckExpression, location: CheckRuleLocation? = nil) {
        self.name = name
        self.expression = expression
        self.location = location
    }

    /// Parses `text` as an expression given on the command line.
    public init(name: String? = nil, parsing text: String) throws(CheckExpressionError) {
        self.init(name: name, expression: try CheckExpression(text))
    }
}

/// Where a rule's expression starts in a rules file.
public struct CheckRuleLocation: Sendable, Equatable {
    /// The file name as the user gave it.
    public let file: String
    /// 1-based line.
    public let line: Int
    /// 1-based column (Unicode scalars) of the expression's first character.
    public let column: Int
    /// The whole line, for caret displays.
    public let lineText: String

    public init(file: String, line: Int, column: Int, lineText: String) {
        self.file = file
        self.line = line
        self.column = column
        self.lineText = lineText
    }
}
