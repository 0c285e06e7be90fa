/// The fuzz targets (Tests/Fuzz/) and their invariants, in the library so that the libFuzzer
/// binaries and `swift test` (which replays every input in Tests/Fuzz/Regressions/) run exactly the
/// same logic. Each check returns a description of the first broken invariant, nil when all hold;
/// a crash or a trap is a failure by itself.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// Line reader and event decoder: counts, and the fast path against the exact scan.
    case lines
    /// Go duration parser and formatter.
    case durations
    /// RFC 3339, console and epoch time parsers, and the foreign-time stamp.
    case times
    /// The gzip reader on arbitrary bytes, and on the gzip of arbitrary bytes.
    case gzip
    /// The check language: lexer, parser, type checker, evaluator, printer, rules files.
    case check
    /// The whole pipeline, plain and gzip, with its accounting invariants.
    case pipeline

    func check(_ data: [UInt8]) -> String? {
        switch self {
        case .lines: LineInvariants.check(data)
        case .durations: ParserInvariants.durations(data)
        case .times: ParserInvariants.times(data)
        case .gzip: GzipInvariants.check(data)
        case .check: CheckLanguageInvariants.check(data)
        case .pipeline: PipelineInvariants.check(data)
        }
    }
}

/// What an independent split of `bytes` on LF finds: lines (a final unterminated one included).
func independentLineCount(_ bytes: [UInt8]) -> Int {
    let newlines = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    return newlines + (bytes.last.map { $0 != 0x0A ? 1 : 0 } ?? 0)
}
