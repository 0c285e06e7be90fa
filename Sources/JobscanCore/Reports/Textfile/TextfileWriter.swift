#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file atomically: the bytes go to a temporary file in the same directory, which is
/// flushed to disk, given its mode and renamed over the target. A reader (node_exporter scraping
/// its textfile directory) sees the old file or the new one, never half of one.
///
/// Nothing is left behind by a process killed mid-write: the bytes go first to an unnamed file
/// (`O_TMPFILE`), which the kernel frees with the process, and get a name only once complete, just
/// before the rename. Where the file system has no `O_TMPFILE`, a named temporary file is written
/// instead; either way, temporary files of processes that are gone are removed on the next write.
public enum AtomicFile {
    /// Writes `bytes` to `path` with `mode` (not subject to the umask).
    /// On failure the temporary file is removed and `path` is left as it was.
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws(AtomicFileError) {
        removeStaleTemporaries(for: path)
        let temporary = temporaryPath(for: path)
        var named = false
        var fd = openUnnamed(in: split(path).directory)
        if fd < 0 {
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd < 0, errno == EEXIST {
                // Left behind by an earlier process with the same id: it is ours to replace.
                unlink(temporary)
                fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            }
            guard fd >= 0 else { throw AtomicFileError(path: path, step: "cannot create \(temporary)", errno: errno) }
            named = true
        }
        var closed = false
        do throws(AtomicFileError) {
            try writeAll(bytes, to: fd, path: path)
            guard fchmod(fd, mode) == 0 else { throw AtomicFileError(path: path, step: "cannot set its mode", errno: errno) }
            guard fsync(fd) == 0 else { throw AtomicFileError(path: path, step: "cannot flush it to disk", errno: errno) }
            if !named {
                // The complete file gets its name only now, for the rename.
                unlink(temporary)
                guard linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, temporary, AT_SYMLINK_FOLLOW) == 0 else {
                    throw AtomicFileError(path: path, step: "cannot link \(temporary)", errno: errno)
                }
                named = true
            }
            closed = true
            guard close(fd) == 0 else { throw AtomicFileError(path: path, step: "cannot close \(temporary)", errno: errno) }
            guard rename(temporary, path) == 0 else { throw AtomicFileError(path: path, step: "cannot rename \(temporary) over it", errno: errno) }
        } catch {
            if !closed { close(fd) }
            if named { unlink(temporary) }
            throw error
        }
        syncDirectory(of: path)
    }

    /// `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`, a macro Swift does not import; the same value on
    /// every Linux architecture): an unnamed regular file in the directory.
    private static let unnamedFileFlag: Int32 = 0o20000000 | O_DIRECTORY

    /// An unnamed file in `directory`, or -1 where the file system (or /proc, for the link) lacks it.
    private static func openUnnamed(in directory: String) -> Int32 {
        guard access("/proc/self/fd", X_OK) == 0 else { return -1 }
        return open(directory.isEmpty ? "." : directory, unnamedFileFlag | O_WRONLY | O_CLOEXEC, 0o600)
    }

    /// `dir/.name.tmp.PID`: same directory (rename stays on one file system), hidden, and not
    /// ending in `.prom`, so the textfile collector never reads it. The name is cut (on a character
    /// boundary) so that the whole stays within NAME_MAX, 255 bytes.
    public static func temporaryPath(for path: String) -> String {
        temporaryPath(for: path, pid: getpid())
    }

    static func temporaryPath(for path: String, pid: pid_t) -> String {
        let (directory, name) = split(path)
        return directory + temporaryPrefix(for: name) + String(pid)
    }

    /// `.name.tmp.`, the name cut to leave room for any process id.
    private static func temporaryPrefix(for name: String) -> String {
        let room = 255 - ".".utf8.count - ".tmp.".utf8.count - 10
        var cut = ""
        for character in name {
            if cut.utf8.count + character.utf8.count > room { break }
            cut.append(character)
        }
        return "." + cut + ".tmp."
    }

    /// Removes the temporary files for `path` of processes that no longer exist (killed during
    /// a write before the rename).
    static func removeStaleTemporaries(for path: String) {
        let (directory, name) = split(path)
        let prefix = temporaryPrefix(for: name)
        guard let dir = opendir(directory.isEmpty ? "." : directory) else { return }
        defer { closedir(dir) }
        var stale: [String] = []
        while let entry = readdir(dir) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard entryName.hasPrefix(prefix), let pid = pid_t(entryName.dropFirst(prefix.count)), pid > 0,
                  pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            stale.append(directory + entryName)
        }
        for file in stale { unlink(file) }
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
