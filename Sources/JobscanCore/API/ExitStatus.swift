/// jobscan's exit status, after the Nagios plugin convention.
public enum ExitStatus {
    /// 0 healthy, 1 degraded, 2 unhealthy; 3 when nothing could be judged (no job event up to the
    /// evaluation instant) or an input failed.
    public static func of(_ analysis: Analysis, inputErrors: [InputError], exitZero: Bool) -> Int32 {
        if !inputErrors.isEmpty { return 3 }
        if !analysis.hasVerdict { return 3 }
        return exitZero ? 0 : analysis.replay.verdict.exitCode
    }
}
