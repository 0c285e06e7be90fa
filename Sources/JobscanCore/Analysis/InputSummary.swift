/// What the input stages saw: per file and in total. Every later output carries it as `input`.
public struct InputSummary: Sendable, Equatable {
    /// One input file (or standard input).
    public struct File: Sendable, Equatable {
        public var name: String
        public var format: InputOpener.Format?
        /// How its lines were stored (plain zap, Docker, CRI, …); nil when it could not be read.
        public var shape: LogShape?
        /// Bytes read from the file itself (compressed bytes for gzip).
        public var fileBytes = 0
        /// Bytes of log text (after decompression).
        public var bytes = 0
        public var lines = 0
        public var events = 0
        public var firstTime: Instant?
        public var lastTime: Instant?
        public var error: InputError?

        public init(name: String) { self.name = name }
    }

    public var files: [File] = []
    public var bytes = 0
    public var lines = 0
    public var overlongLines = 0
    public var foreignLines = 0
    /// Partial records (Docker, CRI, journald) joined into the line they continue.
    public var joinedRecords = 0
    /// Records of a multiplexed shape that belong to no instance (kubectl's own messages).
    public var unattributedLines = 0
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

    /// Adds a diagnostic to the counts, keeping the first ones in full.
    mutating func note(_ diagnostic: EventDiagnostic) {
        diagnostics[diagnostic.reason, default: 0] += 1
        if diagnosticSamples.count < Self.sampleLimit { diagnosticSamples.append(diagnostic) }
    }

    /// Adds the line-level figures of `other` (events, foreign lines, diagnostics) to these.
    mutating func addLineFigures(of other: InputSummary) {
        foreignLines += other.foreignLines
        for (k, v) in other.events { events[k, default: 0] += v }
        for (k, v) in other.diagnostics { diagnostics[k, default: 0] += v }
        for d in other.diagnosticSamples where diagnosticSamples.count < Self.sampleLimit { diagnosticSamples.append(d) }
    }

    /// The same figures, whatever the files were called or how they were compressed:
    /// `jobscan x.log` and `jobscan x.log.gz` must agree on it.
    public var content: [String: Int] {
        var out = ["bytes": bytes, "lines": lines, "overlong_lines": overlongLines, "foreign_lines": foreignLines,
                   "joined_records": joinedRecords, "unattributed_lines": unattributedLines]
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
