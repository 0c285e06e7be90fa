/// jobscan's version, printed by `--version`.
public enum JobscanVersion {
    public static let current = "0.1.0"

    /// What `--version` prints: the version and the gzip inflater built in, e.g. `0.1.0 (gzip: ISA-L)`.
    public static var full: String { "\(current) (gzip: \(GzipInflaterKind.builtIn))" }
}
