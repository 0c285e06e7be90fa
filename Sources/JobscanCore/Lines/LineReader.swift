#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits one input's byte stream into lines on `\n` (a trailing `\r` is dropped), in place in one reused
/// buffer: lines split across reads are joined, and a line longer than the limit is skipped and
/// counted rather than buffered whole. Memory is bounded by the limit, whatever the input size.
public final class LineReader {
    /// Counts of what the reader has seen so far.
    public struct Counts: Sendable, Equatable {
        public var lines = 0
        public var bytes = 0
        public var overlongLines = 0
        /// Line number of the first line skipped as over-long, for the message that reports it.
        public var firstOverlongLine: Int?
    }

    public let maxLineBytes: Int
    public private(set) var counts = Counts()
    private var buffer: UnsafeMutableRawBufferPointer
    private let readSize: Int

    /// - Parameters:
    ///   - maxLineBytes: longest line kept, terminator excluded.
    ///   - readSize: bytes asked of the source per read.
    public init(maxLineBytes: Int = 1 << 20, readSize: Int = 256 * 1024) {
        self.maxLineBytes = max(1, maxLineBytes)
        self.readSize = max(1, readSize)
        buffer = .allocate(byteCount: max(2 * self.readSize, 4096), alignment: 64)
    }

    deinit { buffer.deallocate() }

    /// Reads `source` to its end and calls `body` with each line and its 1-based number.
    /// When the source throws, the lines before the damage have already been delivered
    /// (a final partial line included) and the error is rethrown.
    public func forEachLine(
        in source: ByteSource,
        progress: ((Int) -> Void)? = nil,
        _ body: (UnsafeRawBufferPointer, Int) -> Void
    ) throws(InputError) {
        var start = 0       // first byte of the current (incomplete) line
        var end = 0         // end of valid data
        var skipping = false
        var lineNumber = 0
        defer { counts.lines = lineNumber }
        while true {
            // Make room: move the incomplete line to the front, grow only for a long line.
            if start > 0 {
                if end > start { memmove(buffer.baseAddress!, buffer.baseAddress! + start, end - start) }
                end -= start
                start = 0
            }
            if buffer.count - end < readSize {
                grow(to: end + readSize)
            }
            let n: Int
            do {
                n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end..<(end + readSize)]))
            } catch {
                if end > start, !skipping {
                    lineNumber += 1
                    deliver(start, end, lineNumber, body)
                }
                throw error
            }
            if n == 0 { break }
            counts.bytes += n
            progress?(counts.bytes)
            var scan = end
            end += n
            // Locals, not properties, in the per-line loop: no exclusivity checks per line.
            let base = buffer.baseAddress!
            let limit = maxLineBytes
            while scan < end, let hit = memchr(base + scan, 0x0A, end - scan) {
                let newline = base.distance(to: hit)
                lineNumber += 1
                if skipping {
                    skipping = false
                } else {
                    var stop = newline
                    if stop > start, base.load(fromByteOffset: stop - 1, as: UInt8.self) == 0x0D { stop -= 1 }
                    if stop - start <= limit {
                        body(UnsafeRawBufferPointer(start: base + start, count: stop - start), lineNumber)
                    } else {
                        noteOverlong(lineNumber)
                    }
                }
                start = newline + 1
                scan = start
            }
            if skipping {
                start = end
            } else if end - start > maxLineBytes + 1 {
                // Longer than the limit and not ended yet: drop what we have, skip to its newline.
                noteOverlong(lineNumber + 1)
                skipping = true
                start = end
            }
        }
        if end > start, !skipping {
            lineNumber += 1
            deliver(start, end, lineNumber, body)
        } else if skipping {
            lineNumber += 1
        }
    }

    private func deliver(_ start: Int, _ end: Int, _ number: Int, _ body: (UnsafeRawBufferPointer, Int) -> Void) {
        var stop = end
        if stop > start, buffer[stop - 1] == 0x0D { stop -= 1 }
        guard stop - start <= maxLineBytes else {
            noteOverlong(number)
            return
        }
        body(UnsafeRawBufferPointer(rebasing: buffer[start..<stop]), number)
    }

    private func noteOverlong(_ number: Int) {
        counts.overlongLines += 1
        if counts.firstOverlongLine == nil { counts.firstOverlongLine = number }
    }

    private func grow(to size: Int) {
        var capacity = buffer.count
        while capacity < size { capacity *= 2 }
        let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 64)
        bigger.copyMemory(from: UnsafeRawBufferPointer(buffer))
        buffer.deallocate()
        buffer = bigger
    }
}
