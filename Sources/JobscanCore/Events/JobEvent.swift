/// Where a line came from: the input's display name and its 1-based line number.
public struct LineLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}

/// Which of zap's encoders wrote a line.
public enum LineEncoding: String, Sendable {
    case json
    case console
}

/// One event of the catalogue, decoded from one log line, with typed fields.
public struct JobEvent: Sendable {
    /// The log line's own time (`ts` or the console time), not a time field of the message.
    public var time: Instant
    public var level: ZapLevel
    public var payload: Payload
    public var location: LineLocation
    public var encoding: LineEncoding

    public init(time: Instant, level: ZapLevel, payload: Payload, location: LineLocation, encoding: LineEncoding) {
        self.time = time
        self.level = level
        self.payload = payload
        self.location = location
        self.encoding = encoding
    }

    /// The message-specific fields, typed: durations in nanoseconds, times as instants.
    public enum Payload: Sendable, Equatable {
        case registered(job: String)
        case started(job: String, startTime: Instant)
        case completed(job: String, duration: Int64)
        case failed(job: String, duration: Int64, error: String, consecutiveFailures: Int)
        case panicked(job: String, value: String)
        case stalled(job: String, lastRunTime: Instant, duration: Int64)
        case unregisteredCompletion(job: String)
        case cleanup(count: Int)
        case healthCheck(HealthCheckRecord)
        case serverStarting(port: String)
        /// The process stopped serving: no endpoint answers until the next start.
        case serverShutdown
        case circuitBreakerChange(service: String, from: String, to: String)
        case externalAPIFailure(ExternalAPIFailure)
    }

    /// Which catalogue message this event is.
    public var message: EventMessage {
        switch payload {
        case .registered: return .jobRegistered
        case .started: return .jobStarted
        case .completed: return .jobCompleted
        case .failed: return .jobFailed
        case .panicked: return .jobPanicked
        case .stalled: return .jobStalled
        case .unregisteredCompletion: return .unregisteredCompletion
        case .cleanup: return .cleanup
        case .healthCheck: return .healthCheck
        case .serverStarting: return .serverStarting
        case .serverShutdown: return .serverShutdown
        case .circuitBreakerChange: return .circuitBreakerChange
        case .externalAPIFailure: return .externalAPIFailure
        }
    }

    /// The job the event is about, if any.
    public var jobName: String? {
        switch payload {
        case .registered(let j), .started(let j, _), .completed(let j, _), .failed(let j, _, _, _),
             .panicked(let j, _), .stalled(let j, _, _), .unregisteredCompletion(let j):
            return j
        default:
            return nil
        }
    }
}

/// The fields of a `Jobs health check completed` line: what the live endpoint answered then.
public struct HealthCheckRecord: Sendable, Equatable {
    public var overallStatus: String
    public var duration: Int64?
    public var totalJobs: Int
    public var unhealthyJobs: Int
    public var stalledJobs: Int
    public var runningJobs: Int
}

/// The fields of an `External API call failed` line.
public struct ExternalAPIFailure: Sendable, Equatable {
    public var service: String
    public var operation: String
    /// The `duration` field: seconds with three decimals, kept as nanoseconds.
    public var duration: Int64?
    public var error: String
    public var errorType: String
    public var circuitBreakerState: String
}
