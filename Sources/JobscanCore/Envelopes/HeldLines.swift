/// The lines of a logcli export, held to be replayed in time order (logcli writes newest first by
/// default). One byte arena and a small index entry per line, not an allocation per line.
struct HeldLines {
    private struct Entry {
        var time: Instant
        var slot: Int
        var line: Int
        var offset: Int
        var count: Int
    }

    private let arena = ScratchBytes(capacity: 1 << 20)
    private var entries: [Entry] = []

    mutating func append(_ bytes: UnsafeRawBufferPointer, time: Instant, slot: Int, line: Int) {
        entries.append(Entry(time: time, slot: slot, line: line, offset: arena.count, count: bytes.count))
        arena.append(bytes)
    }

    /// Every line in time order: a file whose times never increase (backward) is read from its
    /// end, any other order is sorted by time, equal times in file order.
    func inTimeOrder(_ body: (UnsafeRawBufferPointer, Int, Int) -> Void) {
        guard !entries.isEmpty else { return }
        let backward = zip(entries, entries.dropFirst()).allSatisfy { $0.time >= $1.time }
        let forward = zip(entries, entries.dropFirst()).allSatisfy { $0.time <= $1.time }
        let order: [Int]
        if forward {
            order = Array(entries.indices)
        } else if backward {
            order = entries.indices.reversed()
        } else {
            order = entries.indices.sorted { (entries[$0].time, $0) < (entries[$1].time, $1) }
        }
        let base = arena.base
        for i in order {
            let e = entries[i]
            body(UnsafeRawBufferPointer(start: base + e.offset, count: e.count), e.slot, e.line)
        }
    }
}
