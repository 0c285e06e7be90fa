/// The instants at which running jobs may become read-time stalls (`last_run_time + threshold +
/// 1 ns`), earliest first: a binary min-heap, so the next one is found without scanning time or
/// jobs. An entry that comes due is checked against its job's current state by the recorder.
struct StallSchedule {
    struct Entry {
        var instant: Int64
        var job: JobName
    }

    private var heap: [Entry] = []

    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }
    var next: Entry? { heap.first }

    mutating func push(_ entry: Entry) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].instant < heap[parent].instant else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    @discardableResult
    mutating func pop() -> Entry? {
        guard !heap.isEmpty else { return nil }
        let top = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(from: 0)
        }
        return top
    }

    mutating func removeAll() { heap.removeAll(keepingCapacity: true) }

    private mutating func siftDown(from start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { return }
            var smallest = left
            if left + 1 < heap.count, heap[left + 1].instant < heap[left].instant { smallest = left + 1 }
            guard heap[smallest].instant < heap[parent].instant else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
