/// Text from a log (job names, statuses, error texts, file names) made safe for a terminal.
///
/// A log is written by anyone: an escape sequence in a job name could recolour or clear the
/// screen, a CR overwrite a row, an LF forge a `verdict HEALTHY` line, a bidi override reorder
/// what is shown. Every human output (table, stderr, check text) passes log text through here;
/// the machine formats (JSON, textfile, JUnit) escape by their own rules.
public enum TerminalText {
    /// C0 controls, DEL, C1 controls, the Unicode line and paragraph separators and the bidi
    /// embedding, override and isolate controls.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
            || v == 0x200E || v == 0x200F || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// `text` with each control character written as a visible escape (`\n`, `\r`, `\t`,
    /// `\u{1B}`), so that it stays on its line and shows what the log held. Unchanged (and not
    /// copied) when there is none.
    public static func neutralized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else { out.unicodeScalars.append(scalar); continue }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    /// `text` with each control character replaced by one space: for columns and carets, which
    /// must keep their width.
    public static func flattened(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            out.unicodeScalars.append(isControl(scalar) ? " " : scalar)
        }
        return out
    }
}
