/// Splits a check expression into tokens: the "Tokens" section of Grammar/check.ebnf.
struct CheckLexer {
    private let source: CheckSource
    private var scalars: [Unicode.Scalar] { source.scalars }

    init(source: CheckSource) {
        self.source = source
    }

    /// All tokens, ending with `.end`. Never throws: bad literals become `.malformed` tokens.
    func tokens() -> [CheckToken] {
        var tokens: [CheckToken] = []
        var index = 0
        while true {
            while index < scalars.count, CheckLexer.isWhitespace(scalars[index]) { index += 1 }
            guard index < scalars.count else {
                tokens.append(CheckToken(kind: .end, text: "", start: index, end: index))
                return tokens
            }
            let afterDot = tokens.last?.kind == .dot
            let token = next(at: index, afterDot: afterDot)
            tokens.append(token)
            index = token.end
        }
    }

    private func next(at start: Int, afterDot: Bool) -> CheckToken {
        let scalar = scalars[start]
        if afterDot, CheckLexer.isWordScalar(scalar) {
            return word(at: start)
        }
        switch scalar {
        case "(": return make(.leftParen, start, start + 1)
        case ")": return make(.rightParen, start, start + 1)
        case "*": return make(.star, start, start + 1)
        case ".": return make(.dot, start, start + 1)
        case "=", "!", "<", ">":
            let twoWith = start + 1 < scalars.count && scalars[start + 1] == "="
            let text = twoWith ? String(scalar) + "=" : String(scalar)
            if let op = CheckComparisonOperator(rawValue: text) {
                return make(.comparison(op), start, start + text.unicodeScalars.count)
            }
            return make(.invalid, start, start + 1)
        case "\"":
            return string(at: start)
        default:
            break
        }
        if CheckDurationLiteral.digitValue(scalar) != nil
            || (scalar == "-" && start + 1 < scalars.count
                && CheckDurationLiteral.digitValue(scalars[start + 1]) != nil)
        {
            return numeric(at: start)
        }
        if CheckLexer.isIdentifierStart(scalar) {
            return word(at: start)
        }
        return make(.invalid, start, start + 1)
    }

    // MARK: words

    private func word(at start: Int) -> CheckToken {
        var index = start
        while index < scalars.count, CheckLexer.isWordScalar(scalars[index]) { index += 1 }
        return make(.name, start, index)
    }

    // MARK: numbers and durations

    private func numeric(at start: Int) -> CheckToken {
        var index = start
        if scalars[index] == "-" { index += 1 }
        var isDecimal = false
        var isDuration = false
        // One component per pass: digits, an optional fraction, then (for a duration) a unit.
        while true {
            while index < scalars.count, CheckDurationLiteral.digitValue(scalars[index]) != nil { index += 1 }
            if index < scalars.count, scalars[index] == "." {
                guard index + 1 < scalars.count, CheckDurationLiteral.digitValue(scalars[index + 1]) != nil else {
                    return malformed(
                        start, at: index + 1,
                        expected: "a digit after \(source.quoted(start, index + 1))")
                }
                index += 1
                isDecimal = true
                while index < scalars.count, CheckDurationLiteral.digitValue(scalars[index]) != nil { index += 1 }
            }
            let unitStart = index
            while index < scalars.count, CheckLexer.isUnitScalar(scalars[index]) { index += 1 }
            if unitStart == index {
                if isDuration {
                    // `2m3`: a later component without its unit.
                    return malformed(
                        start, at: index,
                        expected: "a duration unit (\(CheckLexer.unitList)) after \(source.quoted(start, index))")
                }
                break
            }
            guard CheckDurationLiteral.unitNanoseconds(source.text(unitStart, index)) != nil else {
                return malformed(
                    start, at: unitStart, foundEnd: index,
                    expected: "a duration unit (\(CheckLexer.unitList)) after \(source.quoted(start, unitStart))")
            }
            isDuration = true
            guard index < scalars.count, CheckDurationLiteral.digitValue(scalars[index]) != nil else { break }
        }
        let text = source.text(start, index)
        if isDuration {
            guard let nanoseconds = CheckDurationLiteral.parse(text) else {
                return malformed(
                    start, at: start, foundEnd: index,
                    expected: "a duration from \(CheckDurationLiteral.format(.min)) to \(CheckDurationLiteral.format(.max))")
            }
            return make(.duration(nanoseconds), start, index)
        }
        if isDecimal {
            guard let value = Double(text), value.isFinite else {
                return malformed(start, at: start, foundEnd: index, expected: "a finite number")
            }
            return make(.decimal(value), start, index)
        }
        guard let value = Int64(text) else {
            return malformed(
                start, at: start, foundEnd: index,
                expected: "an integer from \(Int64.min) to \(Int64.max)")
        }
        return make(.integer(value), start, index)
    }

    static let unitList = "ns, us, \u{00B5}s, ms, s, m, h"

    // MARK: strings

    private func string(at start: Int) -> CheckToken {
        var value = String.UnicodeScalarView()
        var index = start + 1
        let unclosed = "'\"' to close the string"
        while true {
            guard index < scalars.count else {
                return malformed(start, at: index, expected: unclosed)
            }
            let scalar = scalars[index]
            switch scalar {
            case "\"":
                return make(.string(String(value)), start, index + 1)
            case "\n", "\r":
                return malformed(start, at: index, expected: unclosed + " (write a line break as \\n)")
            case "\\":
                let escape = index + 1
                guard escape < scalars.count else {
                    return malformed(start, at: escape, expected: CheckLexer.escapeExpectation)
                }
                switch scalars[escape] {
                case "\"": value.append("\""); index += 2
                case "\\": value.append("\\"); index += 2
                case "n": value.append("\n"); index += 2
                case "r": value.append("\r"); index += 2
                case "t": value.append("\t"); index += 2
                case "u":
                    do {
                        let (decoded, next) = try unicodeEscape(at: index, tokenStart: start)
                        value.append(decoded)
                        index = next
                    } catch {
                        return error.token
                    }
                default:
                    return malformed(start, at: escape, expected: CheckLexer.escapeExpectation)
                }
            default:
                value.append(scalar)
                index += 1
            }
        }
    }

    static let escapeExpectation =
        "an escape sequence after '\\' (\\\" \\\\ \\n \\r \\t or \\uXXXX)"

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`, starting at the backslash:
    /// the scalar and the offset after the escape.
    private func unicodeEscape(at backslash: Int, tokenStart: Int) throws(CheckMalformedToken)
        -> (Unicode.Scalar, Int)
    {
        func hex4(at position: Int) throws(CheckMalformedToken) -> UInt32 {
            var value: UInt32 = 0
            for index in position..<position + 4 {
                guard index < scalars.count, scalars[index].isASCII,
                    let digit = UInt32(String(scalars[index]), radix: 16)
                else {
                    throw CheckMalformedToken(
                        malformed(tokenStart, at: index, expected: "four hex digits after '\\u'"))
                }
                value = value * 16 + digit
            }
            return value
        }
        let first = try hex4(at: backslash + 2)
        let afterFirst = backslash + 6
        switch first {
        case 0xD800...0xDBFF:
            let expectation = "a low surrogate \\uDC00 to \\uDFFF after '\(source.text(backslash, afterFirst))'"
            guard afterFirst + 1 < scalars.count, scalars[afterFirst] == "\\", scalars[afterFirst + 1] == "u" else {
                throw CheckMalformedToken(malformed(tokenStart, at: afterFirst, expected: expectation))
            }
            let second = try hex4(at: afterFirst + 2)
            guard (0xDC00...0xDFFF).contains(second) else {
                throw CheckMalformedToken(
                    malformed(tokenStart, at: afterFirst, foundEnd: afterFirst + 6, expected: expectation))
            }
            // Both halves are in range, so the combined value is a valid scalar.
            let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            return (Unicode.Scalar(combined)!, afterFirst + 6)
        case 0xDC00...0xDFFF:
            throw CheckMalformedToken(malformed(
                tokenStart, at: backslash, foundEnd: afterFirst,
                expected: "a Unicode scalar value (a lone low surrogate is not one)"))
        default:
            // Below 0x10000 and not a surrogate: always a valid scalar.
            return (Unicode.Scalar(first)!, afterFirst)
        }
    }

    // MARK: helpers

    private func make(_ kind: CheckToken.Kind, _ start: Int, _ end: Int) -> CheckToken {
        CheckToken(kind: kind, text: source.text(start, end), start: start, end: end)
    }

    /// A `.malformed` token spanning `tokenStart` up to the offending text, whose error
    /// points at `position`. `foundEnd` bounds the offending text; by default it is
    /// the one scalar at `position` (or the end of the expression).
    private func malformed(
        _ tokenStart: Int, at position: Int, foundEnd: Int? = nil, expected: String
    ) -> CheckToken {
        let found: String
        if position >= scalars.count {
            found = "end of expression"
        } else {
            found = CheckQuoting.sourceSnippet(source.text(position, foundEnd ?? position + 1))
        }
        let error = CheckExpressionError(
            kind: .syntax, expression: source.string, column: position + 1,
            expected: expected, found: found)
        let end = min(max(foundEnd ?? position + 1, tokenStart + 1), scalars.count)
        return CheckToken(kind: .malformed(error), text: source.text(tokenStart, end), start: tokenStart, end: end)
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }

    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || ("0"..."9").contains(scalar)
    }

    /// Letters and the two micro signs: what a duration unit is made of.
    static func isUnitScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            || scalar == "\u{00B5}" || scalar == "\u{03BC}"
    }

    /// Whether `text` is a name `[A-Za-z_][A-Za-z0-9_]*`.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isIdentifierStart(first) else { return false }
        return text.unicodeScalars.allSatisfy(isWordScalar)
    }
}

/// Carries a `.malformed` token out of a helper that returns a Result.
struct CheckMalformedToken: Error {
    let token: CheckToken
    init(_ token: CheckToken) { self.token = token }
}
