import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serves a regular file's lines last first, each line's bytes in order and ended by `\n`: a
/// newest-first logcli export is then read in time order without holding it in memory. The file
/// is read backwards in chunks; only a line cut by a chunk boundary is carried over.
final class ReverseLinesByteSource: ByteSource {
    private let fd: Int32
    private let path: String
    /// File bytes [low, high) are in `buffer` at [0, high - low); [low, end) not yet served.
    private var buffer: UnsafeMutableRawPointer
    private var capacity: Int
    private var low: Int
    private var end: Int
    /// The line being handed out: buffer offsets, and whether it needs a `\n` added.
    private var line: Range<Int> = 0..<0
    private var addNewline = false
    private(set) var consumedBytes = 0
    /// 1 when the file's last line has no `\n`: served first, it gets one, which the file does not hold.
    private(set) var addedBytes = 0
    /// Lines in the file, counted up front (the line numbers of reports are the file's own).
    let lineCount: Int
    private let chunkSize: Int

    /// - Parameters:
    ///   - chunkSize: bytes read back at a time.
    ///   - splitCountFrom: files at least this long have their lines counted on every core.
    init(path: String, chunkSize: Int = 1 << 20, splitCountFrom: Int = 64 << 20) throws(InputError) {
        self.path = path
        self.chunkSize = max(16, chunkSize)
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            throw .readFailed(path: path, reason: String(cString: strerror(errno)))
        }
        end = Int(info.st_size)
        low = end
        capacity = self.chunkSize
        buffer = .allocate(byteCount: capacity, alignment: 64)
        let parts = end >= splitCountFrom ? max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) : 1
        let (lines, lastByte) = Self.countLines(fd: fd, size: end, parts: parts, bufferSize: capacity)
        lineCount = lines + (end > 0 && lastByte != 0x0A ? 1 : 0)
    }

    /// Counts the file's newlines and reads its last byte. The count comes before the first line can
    /// be served, so it is split over the cores: each counts a stretch of the file with its own buffer.
    private static func countLines(fd: Int32, size: Int, parts: Int, bufferSize: Int) -> (Int, UInt8) {
        let stretch = (size + parts - 1) / max(parts, 1)
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: parts)
        counts.initialize(repeating: 0)
        defer { counts.deallocate() }
        let lastByte = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        lastByte.initialize(to: 0x0A)
        defer { lastByte.deallocate() }
        // Each part writes its own slot; the last byte is written by the part that reads it.
        nonisolated(unsafe) let shared = (counts, lastByte)
        let count: @Sendable (Int) -> Void = { part in
            let own = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: 64)
            defer { own.deallocate() }
            var offset = part * stretch
            let stop = min(size, offset + stretch)
            var lines = 0
            while offset < stop {
                let n = pread(fd, own, min(bufferSize, stop - offset), off_t(offset))
                if n < 0, errno == EINTR { continue }
                // A read error or a shrunk file: the backward read reports it.
                if n <= 0 { break }
                var scan = own
                var left = n
                while left > 0, let hit = memchr(scan, 0x0A, left) {
                    lines += 1
                    let skip = scan.distance(to: hit) + 1
                    scan += skip
                    left -= skip
                }
                if offset + n == size { shared.1.pointee = own.load(fromByteOffset: n - 1, as: UInt8.self) }
                offset += n
            }
            shared.0[part] = lines
        }
        if parts == 1 { count(0) } else { DispatchQueue.concurrentPerform(iterations: parts, execute: count) }
        return (counts.reduce(0, +), lastByte.pointee)
    }

    deinit {
        buffer.deallocate()
        close(fd)
    }

    func read(into out: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        if line.isEmpty && !addNewline { try nextLine() }
        guard !line.isEmpty || addNewline else { return 0 }
        var written = 0
        if !line.isEmpty {
            let n = min(out.count, line.count)
            out.baseAddress!.copyMemory(from: buffer + line.lowerBound, byteCount: n)
            line = (line.lowerBound + n)..<line.upperBound
            written = n
        }
        if line.isEmpty, addNewline, written < out.count {
            out[written] = 0x0A
            written += 1
            addNewline = false
            addedBytes += 1
        }
        return written
    }

    /// Finds the last line not yet served, reading further back while it has no start in view.
    private func nextLine() throws(InputError) {
        while true {
            let count = end - low
            // The served line's own `\n` is at the end; its start follows the `\n` before it.
            var searchEnd = count
            if searchEnd > 0, buffer.load(fromByteOffset: searchEnd - 1, as: UInt8.self) == 0x0A { searchEnd -= 1 }
            if let newline = Self.lastNewline(buffer, before: searchEnd) {
                let start = newline + 1
                serve(start..<count, fileEnd: end)
                end = low + start
                return
            }
            if low == 0 {
                if count > 0 { serve(0..<count, fileEnd: end) }
                end = 0
                return
            }
            try readBack(count)
        }
    }

    private static func lastNewline(_ p: UnsafeMutableRawPointer, before end: Int) -> Int? {
        var i = end - 1
        // Thirty-two bytes at a time while none is a newline (the usual case inside a line): a
        // word has a newline byte exactly when the flag test below is nonzero.
        let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A, ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func flags(_ at: Int) -> UInt64 {
            let x = p.loadUnaligned(fromByteOffset: at, as: UInt64.self) ^ newlines
            return (x &- ones) & ~x & highs
        }
        while i >= 31, flags(i - 7) | flags(i - 15) | flags(i - 23) | flags(i - 31) == 0 { i -= 32 }
        while i >= 7, flags(i - 7) == 0 { i -= 8 }
        while i >= 0 {
            if p.load(fromByteOffset: i, as: UInt8.self) == 0x0A { return i }
            i -= 1
        }
        return nil
    }

    private func serve(_ range: Range<Int>, fileEnd: Int) {
        line = range
        addNewline = range.isEmpty || buffer.load(fromByteOffset: range.upperBound - 1, as: UInt8.self) != 0x0A
    }

    /// Reads the chunk before `low` in front of the `count` bytes kept.
    private func readBack(_ count: Int) throws(InputError) {
        let take = min(chunkSize, low)
        if take + count > capacity {
            let grown = UnsafeMutableRawPointer.allocate(byteCount: take + count, alignment: 64)
            grown.advanced(by: take).copyMemory(from: buffer, byteCount: count)
            buffer.deallocate()
            buffer = grown
            capacity = take + count
        } else {
            memmove(buffer + take, buffer, count)
        }
        var got = 0
        while got < take {
            let n = pread(fd, buffer + got, take - got, off_t(low - take + got))
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { throw .readFailed(path: path, reason: n == 0 ? "the file shrank while read" : String(cString: strerror(errno))) }
            got += n
        }
        low -= take
        consumedBytes += take
    }
}
