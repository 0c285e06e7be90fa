/// A value read from the replayed state or written as a literal in a check expression.
public enum CheckValue: Sendable, Equatable, Hashable {
    case int(Int64)
    case number(Double)
    case string(String)
    /// Nanoseconds, as Go's time.Duration.
    case duration(Int64)
    case bool(Bool)

    /// The value as it is shown in messages: strings quoted with the language's own
    /// escapes (so an observed value can be pasted back into an expression),
    /// durations in Go's notation.
    public var displayText: String {
        switch self {
        case .int(let value): String(value)
        case .number(let value): String(value)
        case .string(let value): CheckQuoting.quoted(value)
        case .duration(let nanoseconds): CheckDurationLiteral.format(nanoseconds)
        case .bool(let value): value ? "true" : "false"
        }
    }

    /// The kind of value, as the type checker names it.
    var kind: CheckValueType {
        switch self {
        case .int: .int
        case .number: .number
        case .string: .string
        case .duration: .duration
        case .bool: .bool
        }
    }
}

/// The static type of a field, literal or function result.
public enum CheckValueType: Sendable, Equatable, Hashable {
    case int
    case number
    case string
    case duration
    case bool
    /// An RFC 3339 time carried as a `.string`; only `==` and `!=` apply, because
    /// Go drops trailing zeros of the fraction and so the texts don't sort.
    case time

    /// With an article, for messages ("expected a duration …").
    var phrase: String {
        switch self {
        case .int: "an integer"
        case .number: "a number"
        case .string: "a string"
        case .duration: "a duration"
        case .bool: "a boolean"
        case .time: "a time"
        }
    }

    /// The CheckValue case a subject must return for a field of this type.
    func accepts(_ value: CheckValue) -> Bool {
        switch (self, value) {
        case (.int, .int), (.number, .number), (.string, .string), (.time, .string),
             (.duration, .duration), (.bool, .bool):
            true
        default:
            false
        }
    }
}
