import Foundation

/// One block of input: `count` bytes at `dataStart`, with free room before them where the line
/// reader moves the unfinished line of the previous block, so that no line is ever copied twice.
final class Chunk: @unchecked Sendable {
    let memory: UnsafeMutableRawBufferPointer
    let dataStart: Int
    var count = 0

    init(headroom: Int, size: Int) {
        memory = .allocate(byteCount: headroom + size, alignment: 64)
        dataStart = headroom
    }

    deinit { memory.deallocate() }
}

/// Fills chunks from a byte source, either on the calling thread or ahead of it on a thread of
/// its own (then reading and decompressing overlap with parsing on the other core). A fixed
/// ring of chunks bounds the memory, whatever the input size.
final class ChunkFeeder: @unchecked Sendable {
    private enum Item {
        case chunk(Chunk)
        case end
        case failure(InputError)
    }

    // The source is touched by one thread only: the producer's when threaded, else the caller's.
    private let source: ByteSource
    private let threaded: Bool
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var free: [Chunk]
    private var ready: [Item] = []
    private var stopping = false
    private var producerDone = false

    /// - Parameters:
    ///   - headroom: room before each chunk's data for the previous chunk's unfinished line.
    ///   - depth: chunks in the ring (the consumer holds two at a time).
    init(source: ByteSource, chunkSize: Int, headroom: Int, depth: Int, threaded: Bool) {
        self.source = source
        self.threaded = threaded
        free = (0..<max(depth, 3)).map { _ in Chunk(headroom: headroom, size: chunkSize) }
        if threaded {
            let thread = Thread { [self] in produce() }
            thread.name = "jobscan-reader"
            thread.start()
        }
    }

    /// The next filled chunk, nil at the end of the input; an input error comes after the
    /// chunks read before it.
    func next() throws(InputError) -> Chunk? {
        condition.lock()
        if !threaded && ready.isEmpty {
            condition.unlock()
            let items = fill()
            condition.lock()
            ready += items
        }
        while ready.isEmpty { condition.wait() }
        let item = ready.removeFirst()
        condition.unlock()
        switch item {
        case .chunk(let chunk): return chunk
        case .end: return nil
        case .failure(let error): throw error
        }
    }

    /// Gives a chunk back once the consumer is done with it.
    func recycle(_ chunk: Chunk) {
        condition.lock()
        free.append(chunk)
        condition.broadcast()
        condition.unlock()
    }

    /// Stops and waits for the reading thread; call when done with the input, however it ended.
    func finish() {
        guard threaded else { return }
        condition.lock()
        stopping = true
        condition.broadcast()
        while !producerDone { condition.wait() }
        condition.unlock()
    }

    private func produce() {
        var more = true
        while more {
            let items = fill()
            if case .chunk? = items.last { more = true } else { more = false }
            condition.lock()
            ready += items
            condition.broadcast()
            more = more && !stopping
            condition.unlock()
        }
        condition.lock()
        producerDone = true
        condition.broadcast()
        condition.unlock()
    }

    /// Takes a free chunk (waiting for one) and reads the source into it until it is full.
    /// Returns the chunk; at the end `.end`; on damage, the bytes read before it, then the error.
    private func fill() -> [Item] {
        condition.lock()
        while free.isEmpty && !stopping { condition.wait() }
        guard let chunk = free.popLast() else {
            condition.unlock()
            return [.end]
        }
        condition.unlock()
        chunk.count = 0
        let data = UnsafeMutableRawBufferPointer(rebasing: chunk.memory[chunk.dataStart...])
        var failure: InputError?
        do {
            while chunk.count < data.count {
                let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: data[chunk.count...]))
                if n == 0 { break }
                chunk.count += n
            }
        } catch {
            failure = error
        }
        if chunk.count == 0 {
            recycle(chunk)
            return [failure.map { .failure($0) } ?? .end]
        }
        return failure.map { [.chunk(chunk), .failure($0)] } ?? [.chunk(chunk)]
    }
}
