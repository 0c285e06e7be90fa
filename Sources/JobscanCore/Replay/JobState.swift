/// A job's status as the service's monitor names it.
public enum JobState: String, Sendable, CaseIterable, Comparable {
    case pending, running, success, failed, stalled

    public static func < (a: JobState, b: JobState) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
