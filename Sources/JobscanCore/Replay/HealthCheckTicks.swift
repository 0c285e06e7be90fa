/// Every logged health check's time and whether replay agreed with it, thinned evenly to at most
/// `limit` (every 2nd, then every 4th, … check once there are more), for the HTML timeline's ticks.
public struct HealthCheckTicks: Sendable, Equatable {
    public static let limit = 4096

    /// One logged health check.
    public struct Tick: Sendable, Equatable {
        public var time: Instant
        public var agreed: Bool
    }

    /// The kept checks in log order: the 1st, (1 + stride)th, … of all checks seen.
    public private(set) var kept: [Tick] = []
    /// How many checks each kept one stands for.
    public private(set) var stride = 1
    private var seen = 0

    public init() {}

    mutating func append(_ tick: Tick) {
        defer { seen += 1 }
        guard seen % stride == 0 else { return }
        if kept.count >= Self.limit {
            // Keep every other one: the kept checks stay evenly spread over the whole log.
            kept = kept.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            stride *= 2
            guard seen % stride == 0 else { return }
        }
        kept.append(tick)
    }
}
