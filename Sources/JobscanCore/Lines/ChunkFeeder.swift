import Dispatch
import Foundation
import Synchronization

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
/// ring of chunks bounds the memory, whatever the input size: empty chunks go to the reader and
/// filled ones come back through two `HandOff` queues.
final class ChunkFeeder: @unchecked Sendable {
    private enum Item: Sendable {
        case chunk(Chunk)
        case end
        case failure(InputError)
    }

    // The source is touched by one thread only: the producer's when threaded, else the caller's.
    private let source: ByteSource
    private let threaded: Bool
    /// Filled chunks, then the end or the error: reader → consumer. Never full (room for every
    /// chunk of the ring and the last item), so the reader never waits on it.
    private let ready: HandOff<Item>
    /// Empty chunks: consumer → reader; nil asks the reader to stop.
    private let free: HandOff<Chunk?>
    private let stopping = Atomic<Bool>(false)
    private let producerDone = DispatchSemaphore(value: 0)
    // The caller's side only.
    private var pending: [Item] = []
    private var ended = false
    private var finished = false

    /// - Parameters:
    ///   - headroom: room before each chunk's data for the previous chunk's unfinished line.
    ///   - depth: chunks in the ring (the consumer holds two at a time).
    init(source: ByteSource, chunkSize: Int, headroom: Int, depth: Int, threaded: Bool) {
        self.source = source
        self.threaded = threaded
        let depth = max(depth, 3)
        ready = HandOff(capacity: depth + 2)
        free = HandOff(capacity: depth + 1)
        for _ in 0..<depth { free.put(Chunk(headroom: headroom, size: chunkSize)) }
        if threaded {
            let thread = Thread { [self] in produce() }
            thread.name = "jobscan-reader"
            thread.start()
        }
    }

    /// The next filled chunk, nil at the end of the input; an input error comes after the
    /// chunks read before it.
    func next() throws(InputError) -> Chunk? {
        guard !ended else { return nil }
        let item: Item
        if threaded {
            item = ready.take()
        } else {
            if pending.isEmpty { pending = fill() }
            item = pending.removeFirst()
        }
        switch item {
        case .chunk(let chunk): return chunk
        case .end: ended = true; return nil
        case .failure(let error): ended = true; throw error
        }
    }

    /// Gives a chunk back once the consumer is done with it.
    func recycle(_ chunk: Chunk) {
        free.put(chunk)
    }

    /// Stops and waits for the reading thread; call when done with the input, however it ended.
    func finish() {
        guard threaded, !finished else { return }
        finished = true
        stopping.store(true, ordering: .releasing)
        free.put(nil)
        producerDone.wait()
    }

    private func produce() {
        while true {
            let items = fill()
            for item in items { ready.put(item) }
            guard case .chunk? = items.last, !stopping.load(ordering: .acquiring) else { break }
        }
        producerDone.signal()
    }

    /// Takes a free chunk (waiting for one when threaded) and reads the source into it until it is
    /// full. Returns the chunk; at the end `.end`; on damage, the bytes read before it, then the error.
    private func fill() -> [Item] {
        // Unthreaded, the consumer holds at most one chunk while asking: one is always free.
        guard let chunk = threaded ? free.take() : free.tryTake() ?? nil else { return [.end] }
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
