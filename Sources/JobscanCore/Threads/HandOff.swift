import Dispatch
import Synchronization

/// A bounded first-in first-out queue that hands items from one thread to another: `put` waits
/// while it is full, `take` while it is empty, so a fast producer cannot run away with memory and
/// a consumer sleeps instead of spinning.
///
/// Swift's Synchronization module offers `Mutex` (and atomics) but no condition variable, so the
/// waiting is done by two counting semaphores, the classic bounded buffer: `filled` counts the
/// items in the queue, `vacant` the free places; the `Mutex` guards the ring of items itself.
/// Every `put` is matched by one `take`; items come out in the order they went in.
final class HandOff<Item: Sendable>: Sendable {
    private struct Ring: ~Copyable {
        var items: [Item?]
        var head = 0
        var count = 0

        init(capacity: Int) { items = Array(repeating: nil, count: capacity) }

        mutating func append(_ item: Item) {
            items[(head + count) % items.count] = item
            count += 1
        }

        mutating func removeFirst() -> Item {
            let item = items[head]!
            items[head] = nil
            head = (head + 1) % items.count
            count -= 1
            return item
        }
    }

    private let ring: Mutex<Ring>
    private let filled: DispatchSemaphore
    private let vacant: DispatchSemaphore

    /// - Parameter capacity: items the queue holds before `put` waits (at least 1).
    init(capacity: Int) {
        let capacity = max(1, capacity)
        ring = Mutex(Ring(capacity: capacity))
        filled = DispatchSemaphore(value: 0)
        // Created at 0 and raised: libdispatch traps when a semaphore is freed below its
        // initial value, which a queue dropped with items still in it would be.
        vacant = DispatchSemaphore(value: 0)
        for _ in 0..<capacity { vacant.signal() }
    }

    /// Appends `item`, waiting for room.
    func put(_ item: Item) {
        vacant.wait()
        ring.withLock { $0.append(item) }
        filled.signal()
    }

    /// Removes the oldest item, waiting for one.
    func take() -> Item {
        filled.wait()
        let item = ring.withLock { $0.removeFirst() }
        vacant.signal()
        return item
    }

    /// Removes the oldest item if there is one, without waiting.
    func tryTake() -> Item? {
        guard filled.wait(timeout: .now()) == .success else { return nil }
        let item = ring.withLock { $0.removeFirst() }
        vacant.signal()
        return item
    }
}
