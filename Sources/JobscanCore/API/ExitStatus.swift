/// jobscan's exit status, after the Nagios plugin convention.
public enum ExitStatus {
    /// 0 healthy, 1 degraded, 2 unhealthy (the worst over the instances); 3 when nothing could be
    /// judged or an input failed.
    public static func of(_ analysis: FleetAnalysis, exitZero: Bool) -> Int32 {
        if !analysis.errors.isEmpty { return 3 }
        if analysis.verdict == .unknown { return 3 }
        return exitZero ? 0 : analysis.verdict.exitCode
    }
}
