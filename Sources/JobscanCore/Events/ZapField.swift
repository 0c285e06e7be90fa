/// The field keys that catalogue messages carry; any other key of a line is skipped.
enum ZapField: Int, CaseIterable {
    case jobName, startTime, duration, error, consecutiveFailures, panic, lastRunTime, cleanedCount
    case overallStatus, totalJobs, unhealthyJobs, stalledJobs, runningJobs, port
    case service, from, to, operation, errorType, cbState

    var key: String {
        switch self {
        case .jobName: return "job_name"
        case .startTime: return "start_time"
        case .duration: return "duration"
        case .error: return "error"
        case .consecutiveFailures: return "consecutive_failures"
        case .panic: return "panic"
        case .lastRunTime: return "last_run_time"
        case .cleanedCount: return "cleaned_count"
        case .overallStatus: return "overall_status"
        case .totalJobs: return "total_jobs"
        case .unhealthyJobs: return "unhealthy_jobs"
        case .stalledJobs: return "stalled_jobs"
        case .runningJobs: return "running_jobs"
        case .port: return "port"
        case .service: return "service"
        case .from: return "from"
        case .to: return "to"
        case .operation: return "operation"
        case .errorType: return "error_type"
        case .cbState: return "cb_state"
        }
    }

    private static let table: [(ZapField, [UInt8])] = allCases.map { ($0, Array($0.key.utf8)) }

    static func match(_ bytes: UnsafeRawBufferPointer) -> ZapField? {
        for (field, key) in table where key.count == bytes.count {
            if key.withUnsafeBytes({ $0.elementsEqual(bytes) }) { return field }
        }
        return nil
    }
}

/// The raw values of the known fields of one line, by field; later duplicates win, as in Go's decoders.
struct ZapFieldValues {
    private var slots = [RawJSONValue?](repeating: nil, count: ZapField.allCases.count)

    subscript(field: ZapField) -> RawJSONValue? {
        get { slots[field.rawValue] }
        set { slots[field.rawValue] = newValue }
    }

    mutating func reset() {
        for i in slots.indices { slots[i] = nil }
    }
}
