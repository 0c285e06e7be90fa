#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JobscanCore

/// Standard streams and the questions asked of them (is it a terminal? NO_COLOR?).
enum Terminal {
    static let standardOutput = OutputFile(fd: 1, name: "standard output")
    static let standardError = OutputFile(fd: 2, name: "standard error")

    /// The standard descriptors (0–2) that were closed when jobscan started. Each is opened on
    /// /dev/null at once, so that no file opened later lands on it: with stderr closed, an
    /// output file opened as fd 2 would receive the error messages. Evaluated first in `main`.
    static let closedAtStart: Set<Int32> = {
        var closed: Set<Int32> = []
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            closed.insert(fd)
            // open(2) takes the lowest free descriptor: this one, as the lower ones are open.
            let opened = Glibc.open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            if opened >= 0, opened != fd {
                _ = dup2(opened, fd)
                _ = Glibc.close(opened)
            }
        }
        return closed
    }()

    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// One line on stderr: `jobscan: <message>`; log text in it (names, error texts) cannot
    /// break the line or reach the terminal as control characters.
    static func error(_ message: String) {
        standardError.write("jobscan: \(TerminalText.neutralized(message))\n")
        standardError.flush()
    }
}

/// A buffered output stream over a file descriptor: standard output, standard error or a file.
/// Every write and the close are checked: the first failure is kept, later writes are dropped,
/// and `finish()` reports it, so that a full disk or a closed stream is never a silent success.
/// `@unchecked Sendable`: the command runs on one thread; the statics exist only to name the streams.
final class OutputFile: TextSink, @unchecked Sendable {
    private let fd: Int32
    private let owned: Bool
    /// How messages name it: the path, or "standard output".
    let name: String
    private var buffer: [UInt8] = []
    private var closed = false
    /// The errno of the first failed write or close.
    private(set) var failure: Int32?

    init(fd: Int32, name: String, owned: Bool = false) {
        self.fd = fd
        self.name = name
        self.owned = owned
        buffer.reserveCapacity(64 * 1024)
        // A standard stream that was closed at start-up now reads /dev/null: writing to it fails.
        if !owned, Terminal.closedAtStart.contains(fd) { failure = EBADF }
    }

    deinit {
        flush()
        if owned, !closed { _ = Glibc.close(fd) }
    }

    /// Opens PATH for writing (mode 0644 before the umask); `-` is standard output.
    static func open(_ path: String) throws -> OutputFile {
        if path == "-" { return Terminal.standardOutput }
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CommandFailure("\(path): cannot write: \(String(cString: strerror(errno)))")
        }
        return OutputFile(fd: fd, name: path, owned: true)
    }

    func write(_ text: String) {
        guard failure == nil else { return }
        buffer.append(contentsOf: text.utf8)
        // Standard error is not buffered: a message must be out before any exit.
        if buffer.count >= 64 * 1024 || fd == 2 { flush() }
    }

    func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil, !closed else { return }
        var offset = 0
        let error: Int32? = buffer.withUnsafeBytes { bytes in
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
        if let error { failure = error }
    }

    /// Flushes and closes (a file of ours; standard output too when `closingStandardOutput`, so
    /// that a deferred write error is seen); throws the first failure, as one line.
    func finish(closingStandardOutput: Bool = false) throws(CommandFailure) {
        flush()
        if !closed, owned || (closingStandardOutput && fd == 1) {
            closed = true
            if Glibc.close(fd) != 0, failure == nil, errno != EINTR { failure = errno }
        }
        if let failure {
            throw CommandFailure("\(name): cannot write: \(String(cString: strerror(failure)))")
        }
    }
}

/// A failure to report as one line and exit 3 with.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
