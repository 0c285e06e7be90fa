/// One input the library reads: a path (`-` for standard input, a directory for the log files
/// under it) or a byte source of the caller's, plain or gzip.
public enum InputSource {
    case path(String)
    case bytes(name: String, source: ByteSource)

    /// How the input is named in messages and reports.
    public var displayName: String {
        switch self {
        case .path(let path): return InputOpener.displayName(path)
        case .bytes(let name, _): return InputOpener.displayName(name)
        }
    }
}
