import Foundation

/// Runs the replay on a thread of its own, fed batches of events in file order, so that decoding
/// (this thread) and replaying (that one) share the two cores. The order of events is kept
/// exactly; the batch queue is bounded, so memory stays flat whatever the input size.
final class ReplayWorker: @unchecked Sendable {
    enum Item: Sendable {
        case event(JobEvent)
        case lineTime(Instant)
    }

    // Touched only by the worker thread until `drain()` returns, then only by the caller.
    private let replayer: Replayer
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var queue: [[Item]] = []
    private var closed = false
    private var idle = true
    private var stopped = false
    // The caller's batch being filled.
    private var batch: [Item] = []
    private static let batchSize = 512
    private static let queueLimit = 32

    init(replayer: Replayer) {
        self.replayer = replayer
        batch.reserveCapacity(Self.batchSize)
        let thread = Thread { [self] in run() }
        thread.name = "jobscan-replay"
        thread.start()
    }

    /// Queues one item; hands the batch over when it is full.
    func submit(_ item: Item) {
        batch.append(item)
        if batch.count >= Self.batchSize { flush() }
    }

    /// Waits until every submitted item has been applied; afterwards the replayer is the caller's.
    func drain() -> Replayer {
        flush()
        condition.lock()
        while !queue.isEmpty || !idle { condition.wait() }
        condition.unlock()
        return replayer
    }

    /// Ends the worker thread (after draining).
    func stop() {
        condition.lock()
        closed = true
        condition.broadcast()
        while !stopped { condition.wait() }
        condition.unlock()
    }

    private func flush() {
        guard !batch.isEmpty else { return }
        condition.lock()
        while queue.count >= Self.queueLimit { condition.wait() }
        queue.append(batch)
        condition.broadcast()
        condition.unlock()
        batch = []
        batch.reserveCapacity(Self.batchSize)
    }

    private func run() {
        while true {
            condition.lock()
            while queue.isEmpty && !closed { condition.wait() }
            if queue.isEmpty {
                stopped = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let items = queue.removeFirst()
            idle = false
            condition.broadcast()
            condition.unlock()
            for item in items {
                switch item {
                case .event(let event): replayer.apply(event)
                case .lineTime(let time): replayer.observeLineTime(time)
                }
            }
            condition.lock()
            idle = true
            condition.broadcast()
            condition.unlock()
        }
    }
}
