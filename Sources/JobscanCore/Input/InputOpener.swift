/// Opens an input by path (`-` for standard input) and picks its decoder from the first bytes:
/// gzip by its magic number, whatever the file is called; anything else reads as plain text.
public enum InputOpener {
    /// How an input was recognised.
    public enum Format: String, Sendable {
        case plain
        case gzip
    }

    public static func open(_ path: String) throws(InputError) -> (source: ByteSource, format: Format) {
        let file = try FileByteSource(path: path)
        let head = try file.peek(2)
        if head.count == 2, head[0] == 0x1f, head[1] == 0x8b {
            return (try GzipByteSource(upstream: file, path: displayName(path)), .gzip)
        }
        return (file, .plain)
    }

    /// How an input is named in messages.
    public static func displayName(_ path: String) -> String {
        path == "-" ? "<stdin>" : path
    }
}
