/// The gzip inflaters this build has: zlib always, ISA-L with the `ISAL` package trait (the
/// default), which is then the one jobscan reads gzip with.
public enum GzipInflaterKind: Sendable, CaseIterable, CustomStringConvertible {
    case zlib
    #if ISAL
    case isal
    #endif

    /// The inflater gzip input is read with.
    public static var builtIn: GzipInflaterKind {
        #if ISAL
        return .isal
        #else
        return .zlib
        #endif
    }

    /// The library's name: `zlib` or `ISA-L`.
    public var description: String {
        switch self {
        case .zlib: return "zlib"
        #if ISAL
        case .isal: return "ISA-L"
        #endif
        }
    }

    /// A new inflater of this kind, ready for a member's first byte.
    func makeInflater(path: String) throws(InputError) -> GzipInflater {
        switch self {
        case .zlib: return try ZlibGzipInflater(path: path)
        #if ISAL
        case .isal: return IsalGzipInflater()
        #endif
        }
    }
}
