/// Quoting shared by messages and error texts.
enum CheckQuoting {
    /// `"text"` with the escapes the language reads back: `\" \\ \n \r \t \uXXXX`.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if isControl(scalar) {
                    out += "\\u" + hex4(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Source text shown between single quotes in a "found '…'" phrase; control
    /// characters are escaped so that a message always stays on one line.
    static func sourceSnippet(_ text: String) -> String {
        var out = "'"
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out += "\\u" + hex4(scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "'"
    }

    /// Source text with every control character replaced by one space, so a caret
    /// drawn under it lines up and the echo stays on one line.
    static func flattened(_ text: String) -> String { TerminalText.flattened(text) }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool { TerminalText.isControl(scalar) }

    static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
