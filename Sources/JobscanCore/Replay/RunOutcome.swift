/// A failed completion, read once from its error text: the timeout of a `job timeout after 50ms`
/// error, and the panic value when the run panicked.
struct RunFailure {
    var error: String
    var timeout: String?
    var panicValue: String?

    var outcome: RunOutcome { panicValue != nil ? .panic : timeout != nil ? .timeout : .failed }
}

/// How one run ended, for the timeline and the lifetime totals.
public enum RunOutcome: String, Sendable, CaseIterable {
    case success, failed, timeout, panic, stalled, open

    /// The timeout of a `job timeout after 50ms` error, as the text the service stores.
    static func timeoutText(of error: String) -> String? {
        let prefix = "job timeout after "
        guard error.hasPrefix(prefix) else { return nil }
        let rest = String(error.dropFirst(prefix.count))
        return rest.isEmpty ? nil : rest
    }

    /// The value of a `job panicked: <value>` error.
    static func panicText(of error: String) -> String? {
        let prefix = "job panicked: "
        guard error.hasPrefix(prefix) else { return nil }
        return String(error.dropFirst(prefix.count))
    }
}
