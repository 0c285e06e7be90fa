#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file atomically: the bytes go to a temporary file in the same directory, which is
/// flushed to disk, given its mode and renamed over the target. A reader (node_exporter scraping
/// its textfile directory) sees the old file or the new one, never half of one.
public enum AtomicFile {
    /// Writes `bytes` to `path` with `mode` (not subject to the umask).
    /// On failure the temporary file is removed and `path` is left as it was.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws(AtomicFileError) {
        let temporary = temporaryPath(for: path)
        var fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0, errno == EEXIST {
            // Left behind by an earlier process with the same id: it is ours to replace.
            unlink(temporary)
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        }
        guard fd >= 0 else { throw AtomicFileError(path: path, step: "cannot create \(temporary)", errno: errno) }
        var closed = false
        do throws(AtomicFileError) {
            try writeAll(bytes, to: fd, path: path)
            guard fchmod(fd, mode) == 0 else { throw AtomicFileError(path: path, step: "cannot set its mode", errno: errno) }
            guard fsync(fd) == 0 else { throw AtomicFileError(path: path, step: "cannot flush it to disk", errno: errno) }
            closed = true
            guard close(fd) == 0 else { throw AtomicFileError(path: path, step: "cannot close \(temporary)", errno: errno) }
            guard rename(temporary, path) == 0 else { throw AtomicFileError(path: path, step: "cannot rename \(temporary) over it", errno: errno) }
        } catch {
            if !closed { close(fd) }
            unlink(temporary)
            throw error
        }
        syncDirectory(of: path)
    }

    /// `dir/.name.tmp.PID`: same directory (rename stays on one file system), hidden, and not
    /// ending in `.prom`, so the textfile collector never reads it.
    public static func temporaryPath(for path: String) -> String {
        let (directory, name) = split(path)
        return directory + "." + name + ".tmp." + String(getpid())
    }

    private static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[...slash]), String(path[path.index(after: slash)...]))
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(AtomicFileError) {
        var offset = 0
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
        if let failure { throw AtomicFileError(path: path, step: "cannot write", errno: failure) }
    }

    /// Makes the rename itself durable; a failure here changes nothing for readers, so it is ignored.
    private static func syncDirectory(of path: String) {
        let directory = split(path).directory
        let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}

/// write(2), out of the way of `AtomicFile.write`.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}

/// Why the textfile could not be written, as one line: `PATH: step: reason`.
public struct AtomicFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var step: String
    public var code: Int32

    public init(path: String, step: String, errno code: Int32) {
        self.path = path
        self.step = step
        self.code = code
    }

    public var description: String { "\(path): \(step): \(String(cString: strerror(code)))" }
}
