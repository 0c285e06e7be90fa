#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A byte buffer the envelope stage decodes records into, reused across records: appends are
/// memcpy into memory it owns, with no per-record allocation once it has grown to the longest line.
final class ScratchBytes {
    private(set) var base: UnsafeMutableRawPointer
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int = 64 * 1024) {
        self.capacity = max(capacity, 16)
        base = .allocate(byteCount: self.capacity, alignment: 16)
    }

    deinit { base.deallocate() }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    func removeAll() { count = 0 }

    /// Room for `extra` more bytes.
    @inline(__always)
    func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        var grown = capacity
        while grown < count + extra { grown = grown > Int.max / 2 ? count + extra : grown * 2 }
        let fresh = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 16)
        fresh.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = fresh
        capacity = grown
    }

    @inline(__always)
    func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).copyMemory(from: source, byteCount: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        base.storeBytes(of: byte, toByteOffset: count, as: UInt8.self)
        count += 1
    }

    /// Drops a trailing `\n` (and a `\r` before it); returns whether there was one.
    func removeLineEnd() -> Bool {
        guard count > 0, base.load(fromByteOffset: count - 1, as: UInt8.self) == 0x0A else { return false }
        count -= 1
        if count > 0, base.load(fromByteOffset: count - 1, as: UInt8.self) == 0x0D { count -= 1 }
        return true
    }
}
