/// Why a line that carries a catalogue message could not become an event.
public enum DiagnosticReason: String, Sendable, CaseIterable, Comparable {
    case malformedJSON = "malformed_json"
    case missingField = "missing_field"
    case invalidDuration = "invalid_duration"
    case invalidTime = "invalid_time"
    case invalidInteger = "invalid_integer"
    case invalidString = "invalid_string"
    case invalidLevel = "invalid_level"

    public static func < (a: DiagnosticReason, b: DiagnosticReason) -> Bool { a.rawValue < b.rawValue }
}

/// A malformed job event: where it is, which message it claimed to be, and what was wrong.
public struct EventDiagnostic: Sendable, Error, CustomStringConvertible {
    public var location: LineLocation
    public var message: EventMessage?
    public var reason: DiagnosticReason
    public var detail: String

    public var description: String {
        let what = message.map { "\"\($0.text)\": " } ?? ""
        return "\(location): \(what)\(detail)"
    }
}
