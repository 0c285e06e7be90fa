/// A small JSON builder that writes in one pass, escaping strings the way Go's encoding/json does
/// (`<`, `>`, `&`, U+2028 and U+2029 as \u escapes), so endpoint-compatible output matches Go's.
public struct JSONWriter {
    public private(set) var output = ""
    private let indentUnit: String?
    private var depth = 0
    private var needsComma = [false]

    /// - Parameter pretty: two-space indentation and one member per line.
    public init(pretty: Bool) {
        indentUnit = pretty ? "  " : nil
    }

    public mutating func beginObject(_ key: String? = nil) { open(key, "{") }
    public mutating func endObject() { close("}") }
    public mutating func beginArray(_ key: String? = nil) { open(key, "[") }
    public mutating func endArray() { close("]") }

    public mutating func string(_ key: String?, _ value: String?) {
        member(key)
        if let value { Self.appendQuoted(value, to: &output) } else { output += "null" }
    }

    public mutating func int<T: BinaryInteger>(_ key: String?, _ value: T?) {
        member(key)
        output += value.map { String($0) } ?? "null"
    }

    public mutating func double(_ key: String?, _ value: Double?) {
        member(key)
        guard let value, value.isFinite else { output += "null"; return }
        // Integral values print without an exponent or ".0", as Go does for float64.
        if value == value.rounded(), abs(value) < 1e15 {
            output += String(Int64(value))
        } else {
            output += "\(value)"
        }
    }

    public mutating func bool(_ key: String?, _ value: Bool) {
        member(key)
        output += value ? "true" : "false"
    }

    private mutating func open(_ key: String?, _ bracket: String) {
        member(key)
        output += bracket
        depth += 1
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadMembers = needsComma.removeLast()
        depth -= 1
        if hadMembers { newline() }
        output += bracket
        if depth == 0, indentUnit != nil { output += "\n" }
    }

    private mutating func member(_ key: String?) {
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = true
        if depth > 0 { newline() }
        if let key {
            Self.appendQuoted(key, to: &output)
            output += indentUnit == nil ? ":" : ": "
        }
    }

    private mutating func newline() {
        guard let indentUnit else { return }
        output += "\n"
        output += String(repeating: indentUnit, count: depth)
    }

    /// Appends `value` as a JSON string literal with Go's escaping.
    public static func appendQuoted(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += hexEscape(scalar.value)
            default:
                if scalar.value < 0x20 { out += hexEscape(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        out += "\""
    }

    private static func hexEscape(_ v: UInt32) -> String {
        let hex = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
