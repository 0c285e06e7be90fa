/// An error in a check expression, located at a column of its text.
///
/// Columns are 1-based and count Unicode scalars; a column one past the last
/// scalar means "at the end of the expression".
public struct CheckExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of mistake it is; all kinds render the same way.
    public enum Kind: String, Sendable, Equatable {
        /// The text does not follow the grammar (Grammar/check.ebnf).
        case syntax
        /// A root, field or function the vocabulary doesn't have, or a misplaced `*`.
        case vocabulary
        /// Two operands that cannot be compared, or an operator their type lacks.
        case type
    }

    public let kind: Kind
    /// The whole expression, as given.
    public let expression: String
    public let column: Int
    /// What the language needed here, e.g. "a comparison operator after 'verdict'".
    public let expected: String
    /// What was there instead, quoted (`'0'`) or `end of expression`.
    public let found: String

    public init(kind: Kind, expression: String, column: Int, expected: String, found: String) {
        self.kind = kind
        self.expression = expression
        self.column = column
        self.expected = expected
        self.found = found
    }

    /// `expected …, found …`.
    public var message: String { "expected \(expected), found \(found)" }

    /// The three-line form: the message, the expression, and a caret under the column.
    public func rendered() -> String {
        CheckCaret.render(header: "error: \(message)", line: expression, column: column)
    }

    public var description: String { rendered() }
}

/// Errors found in a rules file, each with its line and column.
public struct CheckRulesFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One mistake on one line.
    public struct Issue: Sendable, Equatable {
        /// 1-based line number.
        public let line: Int
        /// 1-based column in the line, in Unicode scalars.
        public let column: Int
        public let expected: String
        public let found: String
        /// The line as it is in the file, for the caret display.
        public let lineText: String

        public var message: String { "expected \(expected), found \(found)" }
    }

    /// The file name as the user gave it; it starts every message.
    public let fileName: String
    public let issues: [Issue]

    /// `file:line:column: expected …, found …` for the first issue.
    public var message: String {
        issues.first.map { "\(fileName):\($0.line):\($0.column): \($0.message)" } ?? fileName
    }

    /// Every issue as `file:line:column: expected …, found …`, the line and a caret.
    public func rendered() -> String {
        issues.map {
            CheckCaret.render(
                header: "\(fileName):\($0.line):\($0.column): \($0.message)",
                line: $0.lineText, column: $0.column)
        }.joined(separator: "\n")
    }

    public var description: String { rendered() }
}

/// The caret display shared by expression and rules-file errors.
enum CheckCaret {
    static func render(header: String, line: String, column: Int) -> String {
        let shown = CheckQuoting.flattened(line)
        // Pad with as many spaces as there are Characters before the column, so a
        // combining mark in the prefix does not push the caret off its target.
        let prefix = String(String.UnicodeScalarView(shown.unicodeScalars.prefix(max(0, column - 1))))
        let padding = prefix.count + max(0, column - 1 - prefix.unicodeScalars.count)
        return header + "\n  " + shown + "\n  " + String(repeating: " ", count: padding) + "^"
    }
}
