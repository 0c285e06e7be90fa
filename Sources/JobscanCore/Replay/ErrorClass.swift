/// The service's error classification for `metadata.error_type`: case-insensitive substrings, first match wins.
public enum ErrorClass: String, Sendable, CaseIterable {
    case timeout, database, network
    case externalAPI = "external_api"
    case panic, unknown

    public init(classifying error: String) {
        // Go's strings.ToLower then strings.Contains; Swift's lowercased() maps Unicode the same way.
        var text = error.lowercased()
        self = text.withUTF8 { utf8 in
            let t = UnsafeRawBufferPointer(utf8)
            func has(_ s: StaticString) -> Bool { ByteSearch.contains(s, in: t) }
            if has("timeout") || has("deadline") { return .timeout }
            if has("database") || has("sql") { return .database }
            if has("connection") || has("network") { return .network }
            if has("external") || has("api") { return .externalAPI }
            if has("panic") { return .panic }
            return .unknown
        }
    }
}
