import Foundation
import Testing
@testable import JobscanCore

// Helpers shared by the grammar and parser tests.

/// What a line turned into, reduced to something comparable.
enum LineOutcomeKind: Equatable, Sendable, CustomStringConvertible {
    case event
    case foreign
    case diagnostic(DiagnosticReason)

    var description: String {
        switch self {
        case .event: return "event"
        case .foreign: return "foreign"
        case .diagnostic(let reason): return "diagnostic(\(reason.rawValue))"
        }
    }
}

extension LineOutcome {
    var kind: LineOutcomeKind {
        switch self {
        case .event: return .event
        case .foreign: return .foreign
        case .diagnostic(let d): return .diagnostic(d.reason)
        }
    }

    var event: JobEvent? {
        if case .event(let e) = self { return e }
        return nil
    }

    var diagnostic: EventDiagnostic? {
        if case .diagnostic(let d) = self { return d }
        return nil
    }
}

let probeLocation = LineLocation(file: "t", line: 1)

/// Decodes one line's bytes with a fresh decoder.
func probeLine(_ bytes: [UInt8], location: LineLocation = probeLocation) -> LineOutcome {
    var decoder = EventDecoder()
    return bytes.withUnsafeBytes { decoder.decode($0, location: location) }
}

func probeLine(_ text: String, location: LineLocation = probeLocation) -> LineOutcome {
    probeLine(Array(text.utf8), location: location)
}

/// The time a fresh decoder keeps for a foreign line (`.some(nil)` when it has none); nil when
/// the line is not foreign.
func probeForeignTime(_ text: String) -> Instant?? {
    var decoder = EventDecoder()
    let outcome = Array(text.utf8).withUnsafeBytes { decoder.decode($0, location: probeLocation) }
    guard case .foreign = outcome else { return nil }
    return .some(decoder.foreignTime())
}

/// Runs a byte-level parser on a String's UTF-8 bytes.
func withUTF8Bytes<R>(_ text: String, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    try Array(text.utf8).withUnsafeBytes(body)
}

/// Shows control bytes of a test input readably in test names.
func escapedForDisplay(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\t": out += "\\t"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\0": out += "\\0"
        default:
            if scalar.value < 0x20 || scalar.value == 0x2028 {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out
}

/// Paths into the package, from this file's location.
enum GrammarPaths {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let grammar = root.appendingPathComponent("Grammar")
    static let fixtures = root.appendingPathComponent("Samples/fixtures")

    /// The lines of a file, split on LF only (error texts may hold a raw U+2028).
    static func lines(_ url: URL) throws -> [[UInt8]] {
        let bytes = [UInt8](try Data(contentsOf: url))
        return bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    }
}
