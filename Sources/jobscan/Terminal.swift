#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JobscanCore

/// Standard streams and the questions asked of them (is it a terminal? NO_COLOR?).
enum Terminal {
    static let standardOutput = OutputFile(fd: 1)
    static let standardError = OutputFile(fd: 2)

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
/// `@unchecked Sendable`: the command runs on one thread; the statics exist only to name the streams.
final class OutputFile: TextSink, @unchecked Sendable {
    private let fd: Int32
    private let owned: Bool
    private var buffer: [UInt8] = []
    private var closed = false

    init(fd: Int32, owned: Bool = false) {
        self.fd = fd
        self.owned = owned
        buffer.reserveCapacity(64 * 1024)
    }

    deinit { close() }

    /// Opens PATH for writing (mode 0644 before the umask); `-` is standard output.
    static func open(_ path: String) throws -> OutputFile {
        if path == "-" { return Terminal.standardOutput }
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw CommandFailure("\(path): cannot write: \(String(cString: strerror(errno)))")
        }
        return OutputFile(fd: fd, owned: true)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        // Standard error is not buffered: a message must be out before any exit.
        if buffer.count >= 64 * 1024 || fd == 2 { flush() }
    }

    func flush() {
        var offset = 0
        buffer.withUnsafeBytes { bytes in
            while offset < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    break  // EPIPE and the like: the reader has gone; nothing more to say.
                }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    func close() {
        flush()
        if owned, !closed { _ = Glibc.close(fd) }
        closed = true
    }
}

/// A failure to report as one line and exit 3 with.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
