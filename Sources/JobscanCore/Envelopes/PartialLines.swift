/// Lines being pieced together from partial records (Docker's 16 KiB chunks, CRI `P` records,
/// journald's `CONTAINER_PARTIAL_MESSAGE`), one per instance and stream. A line that grows past
/// the line limit is dropped, and its remaining pieces skipped, rather than buffered whole.
struct PartialLines {
    struct Pending {
        var slot: Int
        var stream: UInt8
        var bytes: [UInt8] = []
        /// The line number of the record the line began in: the location of the joined line.
        var firstLine: Int
        var overlong = false
        /// Records taken so far.
        var records = 0
    }

    private(set) var pending: [Pending] = []
    let limit: Int

    init(limit: Int) { self.limit = limit }

    var isEmpty: Bool { pending.isEmpty }

    private func index(_ slot: Int, _ stream: UInt8) -> Int? {
        pending.firstIndex { $0.slot == slot && $0.stream == stream }
    }

    /// Whether a line is being joined for this instance and stream.
    func isJoining(slot: Int, stream: UInt8) -> Bool { index(slot, stream) != nil }

    /// Adds a piece that does not end the line.
    mutating func append(_ piece: UnsafeRawBufferPointer, slot: Int, stream: UInt8, line: Int) {
        let i = index(slot, stream) ?? {
            pending.append(Pending(slot: slot, stream: stream, firstLine: line))
            return pending.count - 1
        }()
        pending[i].records += 1
        guard !pending[i].overlong else { return }
        if pending[i].bytes.count + piece.count > limit {
            pending[i].overlong = true
            pending[i].bytes = []
            return
        }
        pending[i].bytes.append(contentsOf: piece)
    }

    /// Adds the last piece and hands the whole line over (nil when it grew too long); the
    /// pending entry is removed.
    mutating func complete(_ piece: UnsafeRawBufferPointer, slot: Int, stream: UInt8) -> Pending? {
        guard let i = index(slot, stream) else { return nil }
        var entry = pending.remove(at: i)
        entry.records += 1
        if !entry.overlong {
            if entry.bytes.count + piece.count > limit {
                entry.overlong = true
                entry.bytes = []
            } else {
                entry.bytes.append(contentsOf: piece)
            }
        }
        return entry
    }

    /// The lines still open at the end of the input (a process that exited mid-line), oldest first.
    mutating func drain() -> [Pending] {
        defer { pending = [] }
        return pending.sorted { $0.firstLine < $1.firstLine }
    }
}
