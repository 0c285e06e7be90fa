#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits one input's byte stream into lines on `\n` (a trailing `\r` is dropped, and a UTF-8
/// byte order mark before the first line). Lines are
/// delivered in place, inside the chunks the input is read into; a line split across two chunks
/// is joined by moving its start into the room before the next chunk's data, and a line longer
/// than the limit is skipped and counted rather than buffered whole. Memory is bounded by the
/// chunk ring and the limit, whatever the input size.
public final class LineReader {
    /// Counts of what the reader has seen so far.
    public struct Counts: Sendable, Equatable {
        public var lines = 0
        public var bytes = 0
        public var overlongLines = 0
        /// Line number of the first line skipped as over-long, for the message that reports it.
        public var firstOverlongLine: Int?
    }

    /// The largest `maxLineBytes` honoured (1 GiB): each chunk of the ring keeps that much room.
    public static let maximumLineBytes = 1 << 30

    public let maxLineBytes: Int
    public private(set) var counts = Counts()
    private let readSize: Int
    private let readAhead: Bool

    /// - Parameters:
    ///   - maxLineBytes: longest line kept, terminator excluded.
    ///   - readSize: bytes per chunk.
    ///   - readAhead: read (and decompress) on a thread of its own, ahead of the parsing.
    public init(maxLineBytes: Int = 1 << 20, readSize: Int = 1 << 20, readAhead: Bool = false) {
        self.maxLineBytes = min(max(1, maxLineBytes), Self.maximumLineBytes)
        self.readSize = min(max(1, readSize), Self.maximumLineBytes)
        self.readAhead = readAhead
    }

    /// Reads `source` to its end and calls `body` with each line and its 1-based number.
    /// When the source throws, the lines before the damage have already been delivered
    /// (a final partial line included) and the error is rethrown.
    public func forEachLine(
        in source: ByteSource,
        progress: ((Int) -> Void)? = nil,
        _ body: (UnsafeRawBufferPointer, Int) -> Void
    ) throws(InputError) {
        // Room for the longest kept line plus its CR: a longer unfinished line is being skipped.
        let headroom = maxLineBytes + 1
        let feeder = ChunkFeeder(source: source, chunkSize: readSize, headroom: headroom, depth: 4, threaded: readAhead)
        defer { feeder.finish() }
        let limit = maxLineBytes
        var lineNumber = 0
        var skipping = false
        var previous: Chunk?
        var carry = 0..<0      // the unfinished line, inside `previous`
        defer { counts.lines = lineNumber }
        while true {
            let next: Chunk?
            do {
                next = try feeder.next()
            } catch {
                if let previous, !carry.isEmpty, !skipping {
                    lineNumber += 1
                    deliver(previous.memory.baseAddress!, carry, lineNumber, limit, body)
                }
                // An over-long line cut by the damage is a line too, as at a clean end.
                if skipping { lineNumber += 1 }
                throw error
            }
            guard let chunk = next else { break }
            let base = chunk.memory.baseAddress!
            var start = chunk.dataStart
            if let previous {
                if !skipping, !carry.isEmpty {
                    start -= carry.count
                    (base + start).copyMemory(from: previous.memory.baseAddress! + carry.lowerBound, byteCount: carry.count)
                }
                feeder.recycle(previous)
            }
            let end = chunk.dataStart + chunk.count
            counts.bytes += chunk.count
            progress?(counts.bytes)
            var scan = chunk.dataStart
            while scan < end, let hit = memchr(base + scan, 0x0A, end - scan) {
                let newline = base.distance(to: hit)
                lineNumber += 1
                if skipping {
                    skipping = false
                } else {
                    deliver(base, start..<newline, lineNumber, limit, body)
                }
                start = newline + 1
                scan = start
            }
            if skipping || end - start > limit + 1 {
                // Longer than the limit and not ended yet: skip to its newline.
                if !skipping { noteOverlong(lineNumber + 1) }
                skipping = true
                carry = end..<end
            } else {
                carry = start..<end
            }
            previous = chunk
        }
        if let previous {
            if !carry.isEmpty, !skipping {
                lineNumber += 1
                deliver(previous.memory.baseAddress!, carry, lineNumber, limit, body)
            }
            feeder.recycle(previous)
        }
        if skipping { lineNumber += 1 }
    }

    @inline(__always)
    private func deliver(_ base: UnsafeMutableRawPointer, _ range: Range<Int>, _ number: Int, _ limit: Int,
                         _ body: (UnsafeRawBufferPointer, Int) -> Void) {
        var start = range.lowerBound
        var stop = range.upperBound
        if stop > start, base.load(fromByteOffset: stop - 1, as: UInt8.self) == 0x0D { stop -= 1 }
        // A UTF-8 byte order mark before the first line (editors, Windows tools) is no part of it.
        if number == 1, stop - start >= 3, base.load(fromByteOffset: start, as: UInt8.self) == 0xEF,
           base.load(fromByteOffset: start + 1, as: UInt8.self) == 0xBB, base.load(fromByteOffset: start + 2, as: UInt8.self) == 0xBF {
            start += 3
        }
        guard stop - start <= limit else {
            noteOverlong(number)
            return
        }
        body(UnsafeRawBufferPointer(start: base + start, count: stop - start), number)
    }

    private func noteOverlong(_ number: Int) {
        counts.overlongLines += 1
        if counts.firstOverlongLine == nil { counts.firstOverlongLine = number }
    }
}
