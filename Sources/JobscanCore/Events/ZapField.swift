/// The field keys that catalogue messages carry; any other key of a line is skipped.
enum ZapField: Int, CaseIterable {
    case jobName, startTime, duration, error, consecutiveFailures, panic, lastRunTime, cleanedCount
    case overallStatus, totalJobs, unhealthyJobs, stalledJobs, runningJobs, port
    case service, from, to, operation, errorType, cbState

    /// The key as the service writes it; `match` must recognise exactly these (a test checks).
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

    static func match(_ bytes: UnsafeRawBufferPointer) -> ZapField? {
        // By length first, then one compare: this runs for every key of every event line.
        switch bytes.count {
        case 2: return ByteSearch.equals(bytes, "to") ? .to : nil
        case 4:
            if ByteSearch.equals(bytes, "port") { return .port }
            return ByteSearch.equals(bytes, "from") ? .from : nil
        case 5:
            if ByteSearch.equals(bytes, "error") { return .error }
            return ByteSearch.equals(bytes, "panic") ? .panic : nil
        case 7: return ByteSearch.equals(bytes, "service") ? .service : nil
        case 8:
            if ByteSearch.equals(bytes, "job_name") { return .jobName }
            if ByteSearch.equals(bytes, "duration") { return .duration }
            return ByteSearch.equals(bytes, "cb_state") ? .cbState : nil
        case 9: return ByteSearch.equals(bytes, "operation") ? .operation : nil
        case 10:
            if ByteSearch.equals(bytes, "start_time") { return .startTime }
            if ByteSearch.equals(bytes, "total_jobs") { return .totalJobs }
            return ByteSearch.equals(bytes, "error_type") ? .errorType : nil
        case 12:
            if ByteSearch.equals(bytes, "stalled_jobs") { return .stalledJobs }
            return ByteSearch.equals(bytes, "running_jobs") ? .runningJobs : nil
        case 13:
            if ByteSearch.equals(bytes, "last_run_time") { return .lastRunTime }
            return ByteSearch.equals(bytes, "cleaned_count") ? .cleanedCount : nil
        case 14:
            if ByteSearch.equals(bytes, "overall_status") { return .overallStatus }
            return ByteSearch.equals(bytes, "unhealthy_jobs") ? .unhealthyJobs : nil
        case 20: return ByteSearch.equals(bytes, "consecutive_failures") ? .consecutiveFailures : nil
        default: return nil
        }
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
