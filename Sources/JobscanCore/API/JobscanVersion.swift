/// jobscan's version, printed by `--version`.
public enum JobscanVersion {
    public static let current = "0.1.0"
}
