import Foundation

/// A strict reader of Prometheus text exposition (format 0.0.4), enough to read back what jobscan
/// writes and what node_exporter serves: `# HELP`, `# TYPE`, samples without timestamps.
struct TextfileDocument: Sendable {
    struct Sample: Sendable, Hashable {
        var name: String
        var labels: [String: String]
        var value: Double
        /// The value as written (`3`, `1.0`, `1.795639569553222e+09`).
        var text: String

        /// A key independent of label order and of how a number is written.
        var key: String { TextfileDocument.key(name, labels) }
    }

    struct ParseError: Error, CustomStringConvertible {
        var line: Int
        var reason: String
        var description: String { "line \(line): \(reason)" }
    }

    var samples: [Sample] = []
    var help: [String: String] = [:]
    var types: [String: String] = [:]

    static func key(_ name: String, _ labels: [String: String]) -> String {
        var labels = labels
        // node_exporter rewrites le="1.0" as le="1": compare bucket bounds as numbers.
        if let le = labels["le"], let v = Double(le) { labels["le"] = v == .infinity ? "+Inf" : "\(v)" }
        return name + "{" + labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.debugDescription)" }.joined(separator: ",") + "}"
    }

    init(parsing text: String) throws {
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = Substring(raw)
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
                guard parts.count >= 3 else { continue }
                switch parts[1] {
                case "HELP": help[String(parts[2])] = parts.count > 3 ? Self.unescapeHelp(parts[3]) : ""
                case "TYPE": types[String(parts[2])] = parts.count > 3 ? String(parts[3]) : ""
                default: break
                }
                continue
            }
            samples.append(try Self.sample(Array(line.utf8), line: number))
        }
    }

    private static func sample(_ bytes: [UInt8], line: Int) throws -> Sample {
        var i = 0
        func fail(_ reason: String) -> ParseError { ParseError(line: line, reason: reason) }
        func isNameByte(_ b: UInt8, first: Bool) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F || b == 0x3A || (!first && b >= 0x30 && b <= 0x39)
        }
        let nameStart = i
        while i < bytes.count, isNameByte(bytes[i], first: i == nameStart) { i += 1 }
        guard i > nameStart else { throw fail("no metric name") }
        let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
        var labels: [String: String] = [:]
        if i < bytes.count, bytes[i] == UInt8(ascii: "{") {
            i += 1
            while i < bytes.count, bytes[i] != UInt8(ascii: "}") {
                let labelStart = i
                while i < bytes.count, isNameByte(bytes[i], first: i == labelStart), bytes[i] != 0x3A { i += 1 }
                guard i > labelStart, i + 1 < bytes.count, bytes[i] == UInt8(ascii: "="), bytes[i + 1] == UInt8(ascii: "\"") else {
                    throw fail("bad label")
                }
                let labelName = String(decoding: bytes[labelStart..<i], as: UTF8.self)
                i += 2
                var value: [UInt8] = []
                while true {
                    guard i < bytes.count else { throw fail("unterminated label value") }
                    let b = bytes[i]
                    i += 1
                    if b == UInt8(ascii: "\"") { break }
                    if b == UInt8(ascii: "\\") {
                        guard i < bytes.count else { throw fail("dangling backslash") }
                        switch bytes[i] {
                        case UInt8(ascii: "\\"): value.append(UInt8(ascii: "\\"))
                        case UInt8(ascii: "\""): value.append(UInt8(ascii: "\""))
                        case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
                        default: throw fail("invalid escape \\\(Character(UnicodeScalar(bytes[i])))")
                        }
                        i += 1
                    } else {
                        value.append(b)
                    }
                }
                guard String(validating: value, as: UTF8.self) != nil else { throw fail("label value is not UTF-8") }
                guard labels.updateValue(String(decoding: value, as: UTF8.self), forKey: labelName) == nil else {
                    throw fail("label \(labelName) twice")
                }
                if i < bytes.count, bytes[i] == UInt8(ascii: ",") { i += 1 }
            }
            guard i < bytes.count else { throw fail("unterminated label set") }
            i += 1
        }
        guard i < bytes.count, bytes[i] == UInt8(ascii: " ") else { throw fail("no space before the value") }
        let rest = String(decoding: bytes[(i + 1)...], as: UTF8.self)
        let fields = rest.split(separator: " ")
        guard fields.count == 1 else { throw fail("a timestamp or extra field: \(rest)") }
        guard let value = Double(fields[0]) else { throw fail("bad value \(fields[0])") }
        return Sample(name: name, labels: labels, value: value, text: String(fields[0]))
    }

    private static func unescapeHelp(_ text: Substring) -> String {
        var out = ""
        var escaped = false
        for ch in text {
            if escaped {
                out.append(ch == "n" ? "\n" : ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// The value of the one sample named `name` with exactly these labels.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        let matching = samples.filter { $0.name == name && $0.labels == labels }
        return matching.count == 1 ? matching[0].value : nil
    }

    /// Samples of one metric, whatever their labels.
    func samples(_ name: String) -> [Sample] { samples.filter { $0.name == name } }
}
