/// Escaping for XML 1.0 text and attribute values.
///
/// Characters XML 1.0 cannot carry at all (U+0000–U+0008, U+000B, U+000C,
/// U+000E–U+001F, U+FFFE, U+FFFF) are replaced by a visible escape, `\x07` or
/// `\uFFFE`, so the report still shows that something was there (ANSI escapes in
/// error texts come out as `\x1B[31m`). A real backslash is left as is, so such an
/// escape can't be told from the same characters typed literally.
enum XMLEscaping {
    /// For a double-quoted attribute value: also escapes tab, LF and CR as character
    /// references, which attribute-value normalization would otherwise turn into spaces.
    static func attribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    /// For element content. CR is written `&#13;` because parsers turn a raw CR into LF.
    static func text(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"
            case "\t": out += inAttribute ? "&#9;" : "\t"
            case "\n": out += inAttribute ? "&#10;" : "\n"
            default:
                if let replacement = replacement(for: scalar) {
                    out += replacement
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// The visible stand-in for a character XML 1.0 forbids, or nil if it is allowed.
    static func replacement(for scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D:
            return nil
        case 0x00...0x1F:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\\x" + (hex.count == 1 ? "0" + hex : hex)
        case 0xFFFE, 0xFFFF:
            return "\\u" + String(scalar.value, radix: 16, uppercase: true)
        default:
            return nil
        }
    }
}
