/// The messages of the event catalogue (DESIGN.md §2), matched byte for byte against a log line's `msg`.
public enum EventMessage: Int, CaseIterable, Sendable, Comparable {
    case jobRegistered
    case jobStarted
    case jobCompleted
    case jobFailed
    case jobPanicked
    case jobStalled
    case unregisteredCompletion
    case cleanup
    case healthCheck
    case serverStarting
    case circuitBreakerChange
    case externalAPIFailure

    /// The exact `msg` text the service logs.
    public var text: String {
        switch self {
        case .jobRegistered: return "Job registered for monitoring"
        case .jobStarted: return "Job started"
        case .jobCompleted: return "Job completed successfully"
        case .jobFailed: return "Job failed"
        case .jobPanicked: return "Job panicked"
        case .jobStalled: return "Job detected as stalled"
        case .unregisteredCompletion: return "Attempted to complete unregistered job"
        case .cleanup: return "Cleaned up old job statuses"
        case .healthCheck: return "Jobs health check completed"
        case .serverStarting: return "Starting server"
        case .circuitBreakerChange: return "Circuit breaker state change"
        case .externalAPIFailure: return "External API call failed"
        }
    }

    /// A short stable key for reports (`job_started`, `health_check`, ...).
    public var key: String {
        switch self {
        case .jobRegistered: return "job_registered"
        case .jobStarted: return "job_started"
        case .jobCompleted: return "job_completed"
        case .jobFailed: return "job_failed"
        case .jobPanicked: return "job_panicked"
        case .jobStalled: return "job_stalled"
        case .unregisteredCompletion: return "unregistered_completion"
        case .cleanup: return "cleanup"
        case .healthCheck: return "health_check"
        case .serverStarting: return "server_starting"
        case .circuitBreakerChange: return "circuit_breaker_change"
        case .externalAPIFailure: return "external_api_failure"
        }
    }

    public static func < (a: EventMessage, b: EventMessage) -> Bool { a.rawValue < b.rawValue }

    private static let table: [(EventMessage, [UInt8])] = allCases.map { ($0, Array($0.text.utf8)) }

    /// Matches raw (unescaped) message bytes; nil for every other message.
    static func match(_ bytes: UnsafeRawBufferPointer) -> EventMessage? {
        // Every catalogue message starts with one of these letters; most foreign messages stop here.
        guard let first = bytes.first else { return nil }
        switch first {
        case UInt8(ascii: "J"), UInt8(ascii: "A"), UInt8(ascii: "C"), UInt8(ascii: "S"), UInt8(ascii: "E"): break
        default: return nil
        }
        for (message, text) in table where text.count == bytes.count && text[0] == first {
            if text.withUnsafeBytes({ $0.elementsEqual(bytes) }) { return message }
        }
        return nil
    }
}
