/// One service's circuit breaker and failed calls over the log.
public struct CircuitBreakerSummary: Sendable {
    public static let closed = "closed"
    public static let open = "open"
    public static let halfOpen = "half-open"

    public var service: String
    public var firstSeen: Instant
    /// The state at the evaluation instant; nil while no process runs, or before any line said it.
    public var state: String?
    /// When the current state began.
    public var stateSince: Instant?
    /// `Circuit breaker state change` lines.
    public var changes = 0
    /// Changes to open.
    public var trips = 0
    /// Nanoseconds in each state, from the first line that named the service.
    public var timeInState: [String: Int64] = [:]
    /// The state intervals, the first and latest kept; the current one has no end.
    public var intervals = FirstAndLatest<CircuitBreakerInterval>(limit: 20)
    /// `External API call failed` lines.
    public var failures = 0
    /// The sum of the failed calls' durations.
    public var failureTime: Int64 = 0
    /// Failed calls by operation and error type together (the textfile's labels).
    public var failuresByCall: [FailedCall: Int] = [:]

    public var failuresByOperation: [String: Int] {
        failuresByCall.reduce(into: [:]) { $0[$1.key.operation, default: 0] += $1.value }
    }

    public var failuresByErrorType: [String: Int] {
        failuresByCall.reduce(into: [:]) { $0[$1.key.errorType, default: 0] += $1.value }
    }
    /// The latest time this breaker has been counted to.
    var lastTime: Int64

    init(service: String, firstSeen: Instant) {
        self.service = service
        self.firstSeen = firstSeen
        lastTime = firstSeen.nanoseconds
    }

    /// An operation and the class of its error, as the service logs them.
    public struct FailedCall: Sendable, Hashable, Comparable {
        public var operation: String
        public var errorType: String

        public static func < (a: FailedCall, b: FailedCall) -> Bool {
            (a.operation, a.errorType) < (b.operation, b.errorType)
        }
    }

    /// The service's `icy_backend_circuit_breaker_state` value (gobreaker.State: 0 closed,
    /// 1 half-open, 2 open); nil for no state or one gobreaker does not name.
    public var stateCode: Int? {
        switch state {
        case Self.closed: return 0
        case Self.halfOpen: return 1
        case Self.open: return 2
        default: return nil
        }
    }

    /// Nanoseconds spent open.
    public var timeOpen: Int64 { timeInState[Self.open] ?? 0 }

    /// The state intervals in time order, the current one last (unended).
    public var intervalsWithCurrent: [CircuitBreakerInterval] {
        intervals.kept + (state.map { [CircuitBreakerInterval(state: $0, from: stateSince ?? firstSeen, to: nil)] } ?? [])
    }

    /// Counts the current state's time up to `time`.
    mutating func count(upTo time: Int64) {
        guard time > lastTime else { return }
        if let state { timeInState[state] = SpanMath.add(timeInState[state] ?? 0, SpanMath.span(from: lastTime, to: time)) }
        lastTime = time
    }

    /// Ends the current interval at `time` and starts `newState` there.
    mutating func begin(_ newState: String, at time: Int64) {
        end(at: time)
        state = newState
        stateSince = Instant(nanoseconds: time)
    }

    /// Ends the current interval at `time`; no state after it.
    mutating func end(at time: Int64) {
        if let state, let since = stateSince, since.nanoseconds < time {
            intervals.append(CircuitBreakerInterval(state: state, from: since, to: Instant(nanoseconds: time)))
        }
        state = nil
        stateSince = nil
    }
}

/// A circuit breaker's state over `[from, to)`; `to` is nil for the state at the evaluation instant.
public struct CircuitBreakerInterval: Sendable, Equatable {
    public var state: String
    public var from: Instant
    public var to: Instant?
}
