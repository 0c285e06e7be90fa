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

    /// Opens a caller's byte source the same way: gzip by its magic number, else plain.
    public static func open(_ source: ByteSource, name: String) throws(InputError) -> (source: ByteSource, format: Format) {
        var head: [UInt8] = []
        var two = (UInt8(0), UInt8(0))
        while head.count < 2 {
            let n = try withUnsafeMutableBytes(of: &two) { raw throws(InputError) -> Int in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[head.count...]))
            }
            if n == 0 { break }
            withUnsafeBytes(of: two) { head.append(contentsOf: $0[head.count..<(head.count + n)]) }
        }
        let prefixed = PrefixedByteSource(head: head, rest: source)
        if head == [0x1f, 0x8b] { return (try GzipByteSource(upstream: prefixed, path: name), .gzip) }
        return (prefixed, .plain)
    }

    /// Opens either kind of input.
    static func open(_ input: InputSource) throws(InputError) -> (source: ByteSource, format: Format) {
        switch input {
        case .path(let path): return try open(path)
        case .bytes(let name, let source): return try open(source, name: name)
        }
    }

    /// How an input is named in messages.
    public static func displayName(_ path: String) -> String {
        path == "-" ? "<stdin>" : path
    }
}
