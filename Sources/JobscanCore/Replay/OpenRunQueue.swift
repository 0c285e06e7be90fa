/// The runs of one job that started and have not ended, oldest first (completions pair with the
/// oldest). Every operation is O(1) amortised, and memory is bounded: beyond `detailLimit` open
/// runs (a hung job restarted by cron), newer ones are only counted.
struct OpenRunQueue {
    /// One open run kept in detail.
    struct Run {
        var start: Instant
        /// Position among the runs opened in this queue, for the overlap rule.
        var serial: Int
        /// Another run was open when this one started.
        var overlappedAtStart: Bool
        var stallDetected = false
    }

    /// Open runs kept in detail per job; the timeline of any ordinary log stays exact.
    static let detailLimit = 1000

    /// Detailed runs, the live ones from `head` on.
    private var runs: [Run] = []
    private var head = 0
    /// Open runs newer than the detailed ones, counted only (their starts are not kept).
    private(set) var untracked = 0
    /// Runs opened so far; the next run's serial.
    private var opened = 0
    /// Whether the newest open run is untracked had a stall logged (it has no record to carry it).
    private var newestIsUntracked: Bool { untracked > 0 }

    var isEmpty: Bool { head == runs.count && untracked == 0 }

    /// Opens a run at `start`; returns false when it is only counted (the detail limit is reached).
    @discardableResult
    mutating func open(at start: Instant) -> Bool {
        defer { opened += 1 }
        // Once runs are untracked, later ones must be too: the detailed ones stay the oldest.
        guard untracked == 0, runs.count - head < Self.detailLimit else {
            untracked += 1
            return false
        }
        runs.append(Run(start: start, serial: opened, overlappedAtStart: !isEmpty))
        return true
    }

    /// A run overlaps when another was open at its start, or one opened after it while it was
    /// going; runs close oldest first, so any later serial opened before this one closed.
    private func overlapping(_ run: Run) -> Bool {
        run.overlappedAtStart || opened > run.serial + 1
    }

    /// What closing the oldest open run found.
    enum Closed {
        /// A detailed run, with its final overlap flag.
        case run(Run, overlapping: Bool)
        /// A run beyond the detail limit: it started, but its start was not kept.
        case untracked
    }

    /// Closes the oldest open run; nil when none is open.
    mutating func closeOldest() -> Closed? {
        if head < runs.count {
            let run = runs[head]
            head += 1
            if head == runs.count {
                runs.removeAll(keepingCapacity: true)
                head = 0
            } else if head >= 64, head * 2 >= runs.count {
                runs.removeFirst(head)
                head = 0
            }
            return .run(run, overlapping: overlapping(run))
        }
        guard untracked > 0 else { return nil }
        untracked -= 1
        return .untracked
    }

    /// Whether the oldest open run had a stall logged; nil when none is open.
    var oldestStallDetected: Bool? {
        if head < runs.count { return runs[head].stallDetected }
        return untracked > 0 ? false : nil
    }

    /// A logged stall names the job's newest open run.
    mutating func markNewestStallDetected() {
        guard !newestIsUntracked, head < runs.count else { return }
        runs[runs.count - 1].stallDetected = true
    }

    /// The detailed open runs, oldest first, each with its final overlap flag.
    var detailed: [(run: Run, overlapping: Bool)] {
        runs[head...].map { ($0, overlapping($0)) }
    }
}
