/// What the input stages saw: per file and in total. Every later output carries it as `input`.
public struct InputSummary: Sendable, Equatable {
    /// One input file (or standard input).
    public struct File: Sendable, Equatable {
        public var name: String
        public var format: InputOpener.Format?
        /// Bytes read from the file itself (compressed bytes for gzip).
        public var fileBytes = 0
        /// Bytes of log text (after decompression).
        public var bytes = 0
        public var lines = 0
        public var events = 0
        public var firstTime: Instant?
        public var lastTime: Instant?
        public var error: InputError?
    }

    public var files: [File] = []
    public var bytes = 0
    public var lines = 0
    public var overlongLines = 0
    public var foreignLines = 0
    public var events: [EventMessage: Int] = [:]
    public var diagnostics: [DiagnosticReason: Int] = [:]
    /// The first diagnostics in full (at most `sampleLimit`); `diagnostics` counts them all.
    public var diagnosticSamples: [EventDiagnostic] = []
    /// Where over-long lines were skipped (first per file).
    public var overlongSamples: [LineLocation] = []
    public static let sampleLimit = 100

    public init() {}

    public var eventCount: Int { events.values.reduce(0, +) }
    public var diagnosticCount: Int { diagnostics.values.reduce(0, +) }
    public var errors: [InputError] { files.compactMap(\.error) }

    /// The same figures, whatever the files were called or how they were compressed:
    /// `jobscan x.log` and `jobscan x.log.gz` must agree on it.
    public var content: [String: Int] {
        var out = ["bytes": bytes, "lines": lines, "overlong_lines": overlongLines, "foreign_lines": foreignLines]
        for (k, v) in events { out["event." + k.key] = v }
        for (k, v) in diagnostics { out["diagnostic." + k.rawValue] = v }
        return out
    }
}

extension EventDiagnostic: Equatable {
    public static func == (a: EventDiagnostic, b: EventDiagnostic) -> Bool {
        a.location == b.location && a.message == b.message && a.reason == b.reason && a.detail == b.detail
    }
}
