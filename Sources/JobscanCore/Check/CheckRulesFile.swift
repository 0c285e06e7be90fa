/// Reads a rules file: one expression per line, optionally named, with `#` comments.
///
/// A line is blank, a comment, or `[name: ]expression [# comment]`, where `name` is
/// `[A-Za-z0-9_. -]+` (not only spaces) followed by `:` and a space or tab. A colon
/// can't appear in an expression outside a string, so the first `:` before any `"`
/// or `#` ends the name; if the text before it holds `=`, `<`, `>`, `(` or `)` it is
/// taken as an expression instead (an unquoted time, say), for a better message.
/// `#` outside a string starts a comment. Lines may end in CRLF; a leading BOM is skipped.
public enum CheckRulesFile {
    /// The rules in file order, or every malformed line at once. A file without any rule (empty,
    /// or only comments and blank lines) is an error too: a CI check that asserts nothing
    /// would pass whatever the log says.
    public static func parse(_ text: String, fileName: String) throws(CheckRulesFileError) -> [CheckRule] {
        var rules: [CheckRule] = []
        var issues: [CheckRulesFileError.Issue] = []
        // Split on scalars: as Characters, "\r\n" is one grapheme and never equals "\n".
        var body = Substring(text).unicodeScalars
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        for (offset, rawLine) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = String(String.UnicodeScalarView(rawLine))
            if line.unicodeScalars.last == "\r" { line.unicodeScalars.removeLast() }
            switch parseLine(line, number: offset + 1, fileName: fileName) {
            case .empty: break
            case .rule(let rule): rules.append(rule)
            case .issue(let issue): issues.append(issue)
            }
        }
        guard issues.isEmpty else { throw CheckRulesFileError(fileName: fileName, issues: issues) }
        guard !rules.isEmpty else {
            let firstLine = body.split(separator: "\n", omittingEmptySubsequences: false).first.map { String(String.UnicodeScalarView($0)) } ?? ""
            throw CheckRulesFileError(fileName: fileName, issues: [.init(
                line: 1, column: 1, expected: "at least one rule (an expression, optionally after 'name: ')",
                found: body.isEmpty ? "an empty file" : "only comments and blank lines",
                lineText: firstLine.hasSuffix("\r") ? String(firstLine.dropLast()) : firstLine)])
        }
        return rules
    }

    private enum LineResult {
        case empty
        case rule(CheckRule)
        case issue(CheckRulesFileError.Issue)
    }

    private static func parseLine(_ line: String, number: Int, fileName: String) -> LineResult {
        let scalars = Array(line.unicodeScalars)
        func issue(at index: Int, expected: String, found: String? = nil) -> LineResult {
            let foundText = found
                ?? (index < scalars.count
                    ? CheckQuoting.sourceSnippet(String(scalars[index])) : "end of line")
            return .issue(.init(line: number, column: index + 1, expected: expected, found: foundText, lineText: line))
        }
        var start = 0
        while start < scalars.count, isBlank(scalars[start]) { start += 1 }
        guard start < scalars.count, scalars[start] != "#" else { return .empty }

        // The name: text up to the first ':' that comes before any '"' or '#'.
        var name: String?
        var expressionStart = start
        if let colon = scalars[start...].firstIndex(where: { $0 == ":" || $0 == "\"" || $0 == "#" }),
            scalars[colon] == ":",
            !scalars[start..<colon].contains(where: { "=<>()".unicodeScalars.contains($0) })
        {
            if let bad = scalars[start..<colon].firstIndex(where: { !isNameScalar($0) }) {
                return issue(at: bad, expected: "a rule name of letters, digits, '_', '.', '-' and spaces before ':'")
            }
            let candidate = String(String.UnicodeScalarView(scalars[start..<colon]))
            let trimmed = candidate.trimmingSpaces()
            guard !trimmed.isEmpty else {
                return issue(at: colon, expected: "a rule name before ':'")
            }
            guard colon + 1 < scalars.count, isBlank(scalars[colon + 1]) else {
                return issue(at: colon + 1, expected: "a space after '\(candidate):'")
            }
            name = trimmed
            expressionStart = colon + 2
        }

        // The comment: the first '#' outside a string.
        var expressionEnd = scalars.count
        var inString = false
        var index = expressionStart
        while index < scalars.count {
            let scalar = scalars[index]
            if inString {
                if scalar == "\\" { index += 1 } else if scalar == "\"" { inString = false }
            } else if scalar == "\"" {
                inString = true
            } else if scalar == "#" {
                expressionEnd = index
                break
            }
            index += 1
        }
        // What ends the expression, for "found …" when it is missing a part.
        let ending = expressionEnd < scalars.count ? "a comment" : "end of line"
        while expressionStart < expressionEnd, isBlank(scalars[expressionStart]) { expressionStart += 1 }
        while expressionEnd > expressionStart, isBlank(scalars[expressionEnd - 1]) { expressionEnd -= 1 }
        let endColumnIndex = scalars[expressionEnd...].firstIndex(of: "#") ?? scalars.count
        if let name, expressionStart == expressionEnd {
            return issue(at: endColumnIndex, expected: "an expression after '\(name):'", found: ending)
        }
        let expressionText = String(String.UnicodeScalarView(scalars[expressionStart..<expressionEnd]))
        do {
            let expression = try CheckExpression(expressionText)
            let location = CheckRuleLocation(
                file: fileName, line: number, column: expressionStart + 1, lineText: line)
            return .rule(CheckRule(name: name, expression: expression, location: location))
        } catch {
            // Columns count from the line's start; the expression's end is the comment or the line's end.
            if error.found == "end of expression" {
                return issue(at: endColumnIndex, expected: error.expected, found: ending)
            }
            return issue(at: expressionStart + error.column - 1, expected: error.expected, found: error.found)
        }
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        CheckLexer.isWordScalar(scalar) || scalar == "." || scalar == " " || scalar == "-"
    }
}

extension String {
    /// Without leading and trailing spaces (U+0020 only, as rule names use).
    fileprivate func trimmingSpaces() -> String {
        let scalars = Array(unicodeScalars)
        guard let first = scalars.firstIndex(where: { $0 != " " }),
            let last = scalars.lastIndex(where: { $0 != " " })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
