#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the inputs named on the command line into the files to read: a directory stands for the
/// log files under it (`/var/log/pods`, `/var/lib/docker/containers`, a folder of rotated logs),
/// walked without recursion; a file named twice (also through a symlink, as `/var/log/containers`
/// links into `/var/log/pods`) is read once.
public enum InputCatalog {
    public static func expand(_ inputs: [InputSource]) -> [InputSource] {
        var out: [InputSource] = []
        var seen: Set<String> = []
        for input in inputs {
            guard case .path(let path) = input, path != "-", isDirectory(path) else {
                if case .path(let path) = input, path != "-", let real = realPath(path) {
                    guard seen.insert(real).inserted else { continue }
                }
                out.append(input)
                continue
            }
            let files = logFiles(under: path)
            // Kept as it is: reading it then says there is nothing to read in it.
            if files.isEmpty { out.append(input) }
            for file in files {
                guard let real = realPath(file), seen.insert(real).inserted else { continue }
                out.append(.path(file))
            }
        }
        return out
    }

    /// Whether a file in a directory is a log: `*.log`, rotated `*.log.*` (`.1`, `.2.gz`,
    /// `.20261125-204500`), `*-json.log*`, `*.jsonl`, `*.ndjson`; hidden files are not.
    public static func isLogFileName(_ name: String) -> Bool {
        guard !name.hasPrefix(".") else { return false }
        if name.hasSuffix(".log") || name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") { return true }
        return name.contains(".log.") || name.contains(".log-")
    }

    /// The log files below `root`, depth first, each directory's entries in name order.
    static func logFiles(under root: String) -> [String] {
        var files: [String] = []
        var pending = [root]
        while let dir = pending.popLast() {
            guard let stream = opendir(dir) else { continue }
            var names: [String] = []
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name != ".", name != ".." { names.append(name) }
            }
            closedir(stream)
            var subdirectories: [String] = []
            for name in names.sorted() {
                let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
                var info = stat()
                // lstat: directory symlinks are not followed (no loops); file symlinks are.
                guard lstat(path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: if !name.hasPrefix(".") { subdirectories.append(path) }
                case S_IFREG, S_IFLNK: if isLogFileName(name), !isDirectory(path) { files.append(path) }
                default: break
                }
            }
            pending.append(contentsOf: subdirectories.reversed())
        }
        return files
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
