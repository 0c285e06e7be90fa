#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file descriptor with read(2); standard input when the path is `-`.
public final class FileByteSource: ByteSource {
    public let path: String
    private let fd: Int32
    private let ownsDescriptor: Bool
    /// Bytes read ahead to sniff the format, served before the descriptor.
    private var pending: [UInt8] = []
    public private(set) var consumedBytes = 0

    /// Opens `path`; `-` means standard input.
    public init(path: String) throws(InputError) {
        self.path = path
        if path == "-" {
            fd = 0
            ownsDescriptor = false
            return
        }
        let opened = open(path, O_RDONLY | O_CLOEXEC)
        guard opened >= 0 else { throw .cannotOpen(path: path, reason: Self.errnoText()) }
        var info = stat()
        if fstat(opened, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(opened)
            // Directories are expanded into their log files before this: here it had none.
            throw .cannotOpen(path: path, reason: "is a directory with no log files in it")
        }
        fd = opened
        ownsDescriptor = true
    }

    deinit {
        if ownsDescriptor { close(fd) }
    }

    /// Reads up to `count` bytes without consuming them: the next reads return them first.
    public func peek(_ count: Int) throws(InputError) -> [UInt8] {
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 1)
        defer { scratch.deallocate() }
        while pending.count < count {
            let want = count - pending.count
            let got = try readDescriptor(into: UnsafeMutableRawBufferPointer(rebasing: scratch[0..<want]))
            if got == 0 { break }
            pending += scratch[0..<got]
        }
        return pending
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        if !pending.isEmpty {
            let n = min(buffer.count, pending.count)
            pending.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: n) }
            pending.removeFirst(n)
            consumedBytes += n
            return n
        }
        let n = try readDescriptor(into: buffer)
        consumedBytes += n
        return n
    }

    private func readDescriptor(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw .readFailed(path: path, reason: Self.errnoText())
        }
    }

    static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
