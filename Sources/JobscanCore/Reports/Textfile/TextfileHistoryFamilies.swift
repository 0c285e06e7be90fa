/// The textfile's series for the verdict through time (seconds in each verdict, incidents) and
/// for the circuit breakers, which reuse the service's own `circuit_breaker_state` (api_name label,
/// gobreaker's numbers).
enum TextfileHistoryFamilies {
    typealias Labelled = (labels: [(String, String)], value: TextfileValue)

    /// Each metric with its series, in catalogue order (constant labels are added by the caller).
    static func series(_ r: ReplayResult) -> [(TextfileMetric, [Labelled])] {
        let C = TextfileCatalogue.self
        let time = r.history.timeInState
        let breakers = r.circuitBreakers
        return [
            (C.healthSeconds, Verdict.allCases.map { ([("status", $0.rawValue)], .seconds(GoDuration.seconds(time[$0]))) }),
            (C.incidents, [([], .count(r.history.incidentCount))]),
            (C.circuitBreakerState, breakers.compactMap { b in
                b.stateCode.map { ([("api_name", b.service)], .gauge(Double($0))) }
            }),
            (C.circuitBreakerTrips, breakers.map { ([("api_name", $0.service)], .count($0.trips)) }),
            (C.circuitBreakerStateSeconds, breakers.flatMap { b in
                [CircuitBreakerSummary.closed, CircuitBreakerSummary.halfOpen, CircuitBreakerSummary.open].map { state in
                    ([("api_name", b.service), ("state", state)], .seconds(GoDuration.seconds(b.timeInState[state] ?? 0)))
                }
            }),
            (C.externalAPIFailures, breakers.flatMap { b in
                b.failuresByCall.sorted { $0.key < $1.key }.map { call, n in
                    ([("api_name", b.service), ("operation", call.operation), ("error_type", call.errorType)], .count(n))
                }
            }),
        ]
    }
}

extension TextfileCatalogue {
    public static let healthSeconds = TextfileMetric(
        namespace: .service, name: "jobs_health_seconds_total", kind: .counter, labels: ["status"],
        help: "Seconds the verdict of /api/v1/health/jobs was healthy, degraded, unhealthy or unknown (no process), from the first job-monitor line to the evaluation time; the ratio of rates is an availability SLI.")
    public static let incidents = TextfileMetric(
        namespace: .service, name: "jobs_health_incidents_total", kind: .counter, labels: [],
        help: "Incidents: maximal spans of the log during which the verdict was not healthy.")
    public static let circuitBreakerState = TextfileMetric(
        namespace: .service, name: "circuit_breaker_state", kind: .gauge, labels: ["api_name"],
        help: "Current state of circuit breakers (0=closed, 1=half-open, 2=open) at the evaluation time, from Circuit breaker state change lines.")
    public static let circuitBreakerTrips = TextfileMetric(
        namespace: .service, name: "circuit_breaker_trips_total", kind: .counter, labels: ["api_name"],
        help: "Circuit breaker changes to open, across restarts.")
    public static let circuitBreakerStateSeconds = TextfileMetric(
        namespace: .service, name: "circuit_breaker_state_seconds_total", kind: .counter, labels: ["api_name", "state"],
        help: "Seconds each circuit breaker spent closed, half-open or open, from the first line naming its service.")
    public static let externalAPIFailures = TextfileMetric(
        namespace: .service, name: "external_api_failures_total", kind: .counter, labels: ["api_name", "operation", "error_type"],
        help: "External API call failed lines by service, operation and error type, across restarts.")
}
