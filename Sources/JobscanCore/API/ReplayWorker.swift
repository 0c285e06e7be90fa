import Dispatch
import Foundation

/// Runs the replay on a thread of its own, fed batches of events in file order, so that decoding
/// (this thread) and replaying (that one) share the two cores. The order of events is kept
/// exactly; the batch queue (a `HandOff`) is bounded, so memory stays flat whatever the input size.
final class ReplayWorker: @unchecked Sendable {
    enum Item: Sendable {
        case event(JobEvent)
        case lineTime(Instant)
    }

    private enum Message: Sendable {
        case batch([Item])
        /// Answered on `answered` once every batch before it has been applied.
        case drain
        /// Ends the thread, answered on `answered`.
        case stop
    }

    // Touched only by the worker thread until `drain()` returns, then only by the caller.
    private let replayer: Replayer
    private let inbox = HandOff<Message>(capacity: ReplayWorker.queueLimit)
    private let answered = DispatchSemaphore(value: 0)
    // The caller's side only.
    private var batch: [Item] = []
    private var stopped = false
    static let batchSize = 512
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
        inbox.put(.drain)
        answered.wait()
        return replayer
    }

    /// Ends the worker thread (after what was submitted is applied).
    func stop() {
        guard !stopped else { return }
        stopped = true
        flush()
        inbox.put(.stop)
        answered.wait()
    }

    private func flush() {
        guard !batch.isEmpty else { return }
        inbox.put(.batch(batch))
        batch = []
        batch.reserveCapacity(Self.batchSize)
    }

    private func run() {
        while true {
            switch inbox.take() {
            case .batch(let items):
                for item in items {
                    switch item {
                    case .event(let event): replayer.apply(event)
                    case .lineTime(let time): replayer.observeLineTime(time)
                    }
                }
            case .drain:
                answered.signal()
            case .stop:
                answered.signal()
                return
            }
        }
    }
}
