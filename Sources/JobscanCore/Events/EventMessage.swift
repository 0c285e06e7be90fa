#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    case serverShutdown
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
        case .serverShutdown: return "Server shutdown complete"
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
        case .serverShutdown: return "server_shutdown"
        case .circuitBreakerChange: return "circuit_breaker_change"
        case .externalAPIFailure: return "external_api_failure"
        }
    }

    public static func < (a: EventMessage, b: EventMessage) -> Bool { a.rawValue < b.rawValue }

    /// Whether the job monitor wrote it (about jobs, or its own health check and cleanup);
    /// server starts and the external-dependency lines are not enough for a verdict.
    public var isJobMonitorEvent: Bool {
        switch self {
        case .serverStarting, .serverShutdown, .circuitBreakerChange, .externalAPIFailure: return false
        default: return true
        }
    }

    /// Matches raw (unescaped) message bytes; nil for every other message.
    static func match(_ bytes: UnsafeRawBufferPointer) -> EventMessage? {
        // By length first: most foreign messages stop here without a byte compared.
        let candidate: EventMessage
        switch bytes.count {
        case 10: candidate = .jobFailed
        case 11: candidate = .jobStarted
        case 12: candidate = .jobPanicked
        case 15: candidate = .serverStarting
        case 23: candidate = .jobStalled
        case 24: candidate = bytes[0] == UInt8(ascii: "S") ? .serverShutdown : .externalAPIFailure
        case 26: candidate = .jobCompleted
        case 27: return bytes[0] == UInt8(ascii: "C") ? same(bytes, .cleanup) : same(bytes, .healthCheck)
        case 28: candidate = .circuitBreakerChange
        case 29: candidate = .jobRegistered
        case 38: candidate = .unregisteredCompletion
        default: return nil
        }
        return same(bytes, candidate)
    }

    private static func same(_ bytes: UnsafeRawBufferPointer, _ message: EventMessage) -> EventMessage? {
        var text = message.text
        let equal = text.withUTF8 { utf8 in
            utf8.count == bytes.count && memcmp(utf8.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        }
        return equal ? message : nil
    }
}
