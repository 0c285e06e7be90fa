import ArgumentParser

/// Standard output belongs to one output at a time: the report, or the one output sent to `-`
/// (`--timeline -`, `--history -`, `--html -`, `--junit -`), which is then printed alone.
enum StandardOutputOwner {
    /// The option among `outputs` whose path is `-`, if any; two of them are a usage error, as
    /// is an explicit `--format` (`reportFormatGiven`) beside one.
    static func option(among outputs: [(option: String, path: String?)], reportFormatGiven: Bool = false) throws -> String? {
        let claims = outputs.filter { $0.path == "-" }.map(\.option)
        if claims.count > 1 {
            throw ValidationError("\(claims.joined(separator: " - and ")) - \(claims.count == 2 ? "both" : "all") write to standard output: send all but one to a file")
        }
        if let claim = claims.first, reportFormatGiven {
            throw ValidationError("--format and \(claim) - both write to standard output: send one of them to a file")
        }
        return claims.first
    }
}
