import Foundation

/// Reads a source ahead, on a thread of its own, into a few buffers from the moment it is made:
/// the next gzip file of an instance inflates while the current one is still parsed. Memory is
/// bounded by the buffers; `finish()` ends the thread however far it got.
final class PrefetchedByteSource: ByteSource, @unchecked Sendable {
    private struct Filled {
        var chunk: UnsafeMutableRawBufferPointer
        var count: Int
        /// The source's consumed bytes once this chunk was read, handed over with it.
        var consumed: Int
        var failure: InputError?
    }

    private let source: ByteSource
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var free: [UnsafeMutableRawBufferPointer]
    private var ready: [Filled] = []
    private var ended = false
    private var stopping = false
    private var producerDone = false
    // The consumer's side.
    private var current: Filled?
    private var offset = 0
    private var all: [UnsafeMutableRawBufferPointer]
    private(set) var consumedBytes = 0

    init(_ source: ByteSource, chunkSize: Int = 1 << 20, chunks: Int = 4) {
        self.source = source
        all = (0..<max(2, chunks)).map { _ in .allocate(byteCount: chunkSize, alignment: 64) }
        free = all
        let thread = Thread { [self] in produce() }
        thread.name = "jobscan-prefetch"
        thread.start()
    }

    deinit {
        for chunk in all { chunk.deallocate() }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        while true {
            if let filled = current {
                if offset < filled.count {
                    let n = min(buffer.count, filled.count - offset)
                    buffer.baseAddress!.copyMemory(from: filled.chunk.baseAddress! + offset, byteCount: n)
                    offset += n
                    return n
                }
                current = nil
                recycle(filled.chunk)
                if let failure = filled.failure { throw failure }
            }
            condition.lock()
            while ready.isEmpty && !ended { condition.wait() }
            guard !ready.isEmpty else {
                condition.unlock()
                return 0
            }
            let next = ready.removeFirst()
            condition.unlock()
            consumedBytes = next.consumed
            current = next
            offset = 0
        }
    }

    /// Stops reading ahead and waits for the thread; call once done with the source.
    func finish() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while !producerDone { condition.wait() }
        condition.unlock()
    }

    private func recycle(_ chunk: UnsafeMutableRawBufferPointer) {
        condition.lock()
        free.append(chunk)
        condition.broadcast()
        condition.unlock()
    }

    private func produce() {
        var more = true
        while more {
            condition.lock()
            while free.isEmpty && !stopping { condition.wait() }
            guard !stopping, let chunk = free.popLast() else {
                condition.unlock()
                break
            }
            condition.unlock()
            var count = 0
            var failure: InputError?
            do {
                while count < chunk.count {
                    let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: chunk[count...]))
                    if n == 0 { more = false; break }
                    count += n
                }
            } catch {
                failure = error
                more = false
            }
            condition.lock()
            ready.append(Filled(chunk: chunk, count: count, consumed: source.consumedBytes, failure: failure))
            condition.broadcast()
            condition.unlock()
        }
        condition.lock()
        ended = true
        producerDone = true
        condition.broadcast()
        condition.unlock()
    }
}
