/// Runs counted by job, time bucket and outcome on a grid that coarsens (the bucket width doubles)
/// whenever more than `limit` cells are in use, so that memory and the report stay bounded
/// whatever the log's size: what the HTML timeline draws at wide zoom when the runs themselves are
/// too many to embed.
struct RunBins {
    /// Cells in use at most (over all jobs).
    static let limit = 16_384
    /// The first bucket's width: 1 ms.
    static let initialWidth: Int64 = 1_000_000

    struct Key: Hashable {
        var job: Int
        var bucket: Int64
    }

    /// The time of bucket 0, in nanoseconds; the first run counted sets it.
    private(set) var origin: Int64?
    private(set) var width = RunBins.initialWidth
    /// Counts by outcome, in `RunOutcome.allCases` order.
    private(set) var cells: [Key: [Int]] = [:]

    /// Counts one run of job number `job` that began (or, with no start in view, ended) at `time`.
    mutating func count(job: Int, at time: Int64, outcome: RunOutcome) {
        let origin = self.origin ?? time
        self.origin = origin
        let key = Key(job: job, bucket: Self.floorDivide(SpanMath.span(from: origin, to: time), width))
        cells[key, default: [Int](repeating: 0, count: RunOutcome.allCases.count)][Self.index(of: outcome)] += 1
        while cells.count > Self.limit, width <= Int64.max / 2 { coarsen() }
    }

    /// Halves the number of buckets: each pair of neighbours becomes one of twice the width.
    private mutating func coarsen() {
        width *= 2
        var merged: [Key: [Int]] = [:]
        merged.reserveCapacity(cells.count / 2 + 1)
        for (key, counts) in cells {
            let coarse = Key(job: key.job, bucket: Self.floorDivide(key.bucket, 2))
            if let existing = merged[coarse] {
                merged[coarse] = zip(existing, counts).map { $0 &+ $1 }
            } else {
                merged[coarse] = counts
            }
        }
        cells = merged
    }

    static func index(of outcome: RunOutcome) -> Int { RunOutcome.allCases.firstIndex(of: outcome) ?? 0 }

    /// Division rounding towards minus infinity (a run can begin before the first one counted).
    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
