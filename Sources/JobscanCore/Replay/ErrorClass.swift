/// The service's error classification for `metadata.error_type`: case-insensitive substrings, first match wins.
public enum ErrorClass: String, Sendable, CaseIterable {
    case timeout, database, network
    case externalAPI = "external_api"
    case panic, unknown

    public init(classifying error: String) {
        let text = error.lowercased()
        if text.contains("timeout") || text.contains("deadline") { self = .timeout }
        else if text.contains("database") || text.contains("sql") { self = .database }
        else if text.contains("connection") || text.contains("network") { self = .network }
        else if text.contains("external") || text.contains("api") { self = .externalAPI }
        else if text.contains("panic") { self = .panic }
        else { self = .unknown }
    }
}
