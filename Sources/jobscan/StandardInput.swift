#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JobscanCore

/// Standard input as jobscan reads it: Ctrl-C (SIGINT) ends it rather than the program, so that
/// `kubectl logs -f … | jobscan` reports what was read (and exits 130); a second Ctrl-C kills.
enum StandardInput {
    /// The byte source for `-`, installing the SIGINT handler on first use.
    static func source() -> ByteSource {
        installInterruptHandler()
        return InterruptibleStandardInput()
    }

    /// Whether Ctrl-C ended standard input.
    static var interrupted: Bool {
        guard interruptPipe.read >= 0 else { return false }
        var wake = pollfd(fd: interruptPipe.read, events: Int16(POLLIN), revents: 0)
        return poll(&wake, 1, 0) == 1
    }

    /// One line on stderr when jobscan would wait silently for a person to type a log.
    static func hintIfTerminal() {
        guard Terminal.isTerminal(0) else { return }
        Terminal.error("reading standard input (a terminal); give a log file, or pipe one in; --help for more")
    }

    private static func installInterruptHandler() {
        guard interruptPipe.read < 0 else { return }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(ends[1], F_SETFL, O_NONBLOCK)
        interruptPipe = (ends[0], ends[1])
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            // Async-signal-safe: one write(2) to the pipe the reading loop polls; errno kept.
            let saved = errno
            var byte: UInt8 = 1
            _ = write(interruptPipe.write, &byte, 1)
            errno = saved
        }
        sigemptyset(&action.sa_mask)
        // SA_RESETHAND: a second Ctrl-C kills as usual. SA_RESTART: other system calls carry on.
        action.sa_flags = SA_RESTART | Int32(bitPattern: UInt32(SA_RESETHAND))
        sigaction(SIGINT, &action, nil)
        // A parent may have spawned jobscan with SIGINT blocked (Foundation's Process does); the
        // reading threads, started after this, inherit the unblocked mask.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
    }
}

/// The pipe the SIGINT handler writes to; set before the handler is installed, then only read.
nonisolated(unsafe) private var interruptPipe: (read: Int32, write: Int32) = (-1, -1)

/// Reads file descriptor 0, waiting in poll(2) beside the interrupt pipe: once Ctrl-C is pressed
/// the input ends (read returns 0), whichever thread the signal reached.
/// The end is kept: a terminal's Ctrl-D ends one read only, and the input is probed before it is read.
private final class InterruptibleStandardInput: ByteSource {
    private(set) var consumedBytes = 0
    private var ended = false

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        while !ended {
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: interruptPipe.read, events: Int16(POLLIN), revents: 0)]
            if poll(&fds, 2, -1) < 0 {
                if errno == EINTR { continue }
                throw .readFailed(path: "-", reason: String(cString: strerror(errno)))
            }
            if fds[1].revents != 0 { break }
            let n = Glibc.read(0, buffer.baseAddress, buffer.count)
            if n > 0 {
                consumedBytes += n
                return n
            }
            if n == 0 { break }
            if errno == EINTR || errno == EAGAIN { continue }
            throw .readFailed(path: "-", reason: String(cString: strerror(errno)))
        }
        ended = true
        return 0
    }
}
