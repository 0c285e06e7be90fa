#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A job name compared, hashed and ordered by its UTF-8 bytes, as the service's Go map keys it:
/// Swift's `String` equality is canonical equivalence, which would merge `café` (NFC) with
/// `café` (NFD) and `Å` with the Ångström sign, and fake a restart on the second registration.
public struct JobName: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) { self.text = text }

    public var description: String { text }

    public static func == (a: JobName, b: JobName) -> Bool { a.text.isSameJobName(as: b.text) }

    public func hash(into hasher: inout Hasher) {
        if text.utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            for byte in text.utf8 { hasher.combine(byte) }
        }
        hasher.combine(text.utf8.count)
    }

    /// Byte order, as Go sorts strings.
    public static func < (a: JobName, b: JobName) -> Bool { a.text.utf8.lexicographicallyPrecedes(b.text.utf8) }
}

extension String {
    /// Whether two job names are the same bytes (not merely canonically equivalent).
    public func isSameJobName(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        // Native strings compare their bytes with memcmp; others byte by byte.
        let fast = utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b in
                a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0
            }
        }
        if let fast, let same = fast { return same }
        return utf8.elementsEqual(other.utf8)
    }

    /// Byte order of job names, as Go sorts strings.
    public func precedesJobName(_ other: String) -> Bool { utf8.lexicographicallyPrecedes(other.utf8) }
}

extension ReplayOptions {
    /// Whether `job` is one of the critical jobs, byte for byte.
    public func isCritical(_ job: String) -> Bool {
        criticalJobs.contains { $0.isSameJobName(as: job) }
    }
}
