/// A fatal problem with one input, located by its name and, for compressed data, the byte offset.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened (missing, a directory, no permission).
    case cannotOpen(path: String, reason: String)
    /// A read from the file or stream failed.
    case readFailed(path: String, reason: String)
    /// The gzip data is damaged at `offset` (bytes into the compressed file).
    case corruptGzip(path: String, offset: Int, reason: String)
    /// The gzip data ends before its member does.
    case truncatedGzip(path: String, offset: Int)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "\(path): cannot open: \(reason)"
        case .readFailed(let path, let reason): return "\(path): read failed: \(reason)"
        case .corruptGzip(let path, let offset, let reason): return "\(path): corrupt gzip data at byte \(offset): \(reason)"
        case .truncatedGzip(let path, let offset): return "\(path): truncated gzip data: input ends at byte \(offset) inside a member"
        }
    }

    /// The input the error is about.
    public var path: String {
        switch self {
        case .cannotOpen(let p, _), .readFailed(let p, _), .corruptGzip(let p, _, _), .truncatedGzip(let p, _): return p
        }
    }
}
