/// Why a line that carries a catalogue message could not become an event.
public enum DiagnosticReason: String, Sendable, CaseIterable, Comparable {
    case malformedJSON = "malformed_json"
    case missingField = "missing_field"
    case invalidDuration = "invalid_duration"
    case invalidTime = "invalid_time"
    case invalidInteger = "invalid_integer"
    case invalidString = "invalid_string"
    case invalidLevel = "invalid_level"
    /// A record of a container log shape (Docker, CRI, journald, logcli) that could not be unwrapped.
    case malformedEnvelope = "malformed_envelope"
    /// A field the exporter left out for its size (journalctl's `null` without `--all`).
    case truncatedField = "truncated_field"
    /// A line pieced together from partial records grew past `--max-line-bytes`.
    case overlongJoinedLine = "overlong_joined_line"

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
