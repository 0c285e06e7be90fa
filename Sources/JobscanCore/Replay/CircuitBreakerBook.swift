/// The external-dependency lines replayed per service (`btc_rpc`, `base_rpc`): the circuit
/// breaker's state through time, its trips, and the failed calls by operation and error type.
///
/// The service's breakers (sony/gobreaker) live in memory and start closed, so a new process
/// starts them closed again; while no process runs (after `Server shutdown complete`) they have
/// no state. A breaker's time is counted from the first line that names its service.
struct CircuitBreakerBook {
    private var breakers: [String: CircuitBreakerSummary] = [:]
    /// Distinct (operation, error type) pairs kept per service; the rest count under `otherKey`.
    static let keyLimit = 64
    static let otherKey = "(other)"

    /// `Circuit breaker state change`.
    mutating func change(service: String, from: String, to: String, at time: Instant) {
        update(service, at: time) { breaker, t in
            breaker.begin(to, at: t)
            breaker.changes += 1
            if to == CircuitBreakerSummary.open { breaker.trips += 1 }
        }
    }

    /// `External API call failed`; its `cb_state` tells the state when none is known yet.
    mutating func failure(_ failure: ExternalAPIFailure, at time: Instant) {
        update(failure.service, at: time) { breaker, t in
            if breaker.state == nil, !failure.circuitBreakerState.isEmpty { breaker.begin(failure.circuitBreakerState, at: t) }
            breaker.failures += 1
            breaker.failureTime = SpanMath.add(breaker.failureTime, failure.duration ?? 0)
            let call = CircuitBreakerSummary.FailedCall(operation: failure.operation, errorType: failure.errorType)
            let other = CircuitBreakerSummary.FailedCall(operation: Self.otherKey, errorType: Self.otherKey)
            Self.count(call, or: other, in: &breaker.failuresByCall)
        }
    }

    /// A process starts: every breaker it has is new, hence closed.
    mutating func processStarted(at time: Instant) {
        for service in Array(breakers.keys) {
            update(service, at: time) { breaker, t in
                if breaker.state != CircuitBreakerSummary.closed { breaker.begin(CircuitBreakerSummary.closed, at: t) }
            }
        }
    }

    /// The process has shut down: no breaker exists until the next start.
    mutating func processStopped(at time: Instant) {
        for service in Array(breakers.keys) {
            update(service, at: time) { breaker, t in breaker.end(at: t) }
        }
    }

    /// Every service seen, by name, with the time in its current state counted up to `evaluation`.
    func finish(at evaluation: Instant) -> [CircuitBreakerSummary] {
        breakers.values.map { breaker in
            var breaker = breaker
            breaker.count(upTo: max(evaluation.nanoseconds, breaker.lastTime))
            return breaker
        }.sorted { $0.service < $1.service }
    }

    private mutating func update(_ service: String, at time: Instant, _ body: (inout CircuitBreakerSummary, Int64) -> Void) {
        // Like the verdict's history, time never runs backwards: a late line counts at the latest time.
        func apply(_ breaker: inout CircuitBreakerSummary) {
            let t = max(time.nanoseconds, breaker.lastTime)
            breaker.count(upTo: t)
            body(&breaker, t)
        }
        apply(&breakers[service, default: CircuitBreakerSummary(service: service, firstSeen: time)])
    }

    /// Counts `key`, or `other` once `keyLimit` distinct keys are held, so the map stays bounded.
    private static func count(_ key: CircuitBreakerSummary.FailedCall, or other: CircuitBreakerSummary.FailedCall,
                              in counts: inout [CircuitBreakerSummary.FailedCall: Int]) {
        if counts.count < keyLimit || counts[key] != nil {
            counts[key, default: 0] += 1
        } else {
            counts[other, default: 0] += 1
        }
    }
}
