/// How the lines of one input are stored: the service's own zap lines, or wrapped by a container
/// runtime, kubectl, journald or Loki. Detected per input from its first lines (`ShapeSniffer`).
public enum LogShape: String, Sendable, CaseIterable {
    /// zap's JSON or console lines as the service wrote them.
    case plain
    /// `kubectl logs --prefix`: `[pod/NAME/CONTAINER] ` before each line, optionally with `--timestamps`.
    case kubectl
    /// `kubectl logs --timestamps` without `--prefix`: an RFC 3339 time and a space before each line.
    case kubectlTimestamps = "kubectl-timestamps"
    /// Docker's json-file driver: `{"log":…,"stream":…,"time":…}`, long lines split into partial records.
    case docker
    /// Kubernetes CRI log files (containerd, CRI-O): `TIME STREAM P|F CONTENT`.
    case cri
    /// `journalctl -o json`: one JSON object per journal entry, the line in `MESSAGE`.
    case journald
    /// Loki's `logcli query --output=jsonl`: `{"labels":…,"line":…,"timestamp":…}`, newest first by default.
    case logcli

    /// Whether one input of this shape can hold the lines of several instances.
    public var isMultiplexed: Bool {
        switch self {
        case .kubectl, .journald, .logcli: return true
        case .plain, .kubectlTimestamps, .docker, .cri: return false
        }
    }

    /// Whether each record is a JSON document whose string holds the line (Docker, journald, logcli):
    /// unwrapping then costs about as much as decoding the line, worth a thread of its own.
    var wrapsLinesInJSON: Bool {
        switch self {
        case .docker, .journald, .logcli: return true
        case .plain, .kubectl, .kubectlTimestamps, .cri: return false
        }
    }

    /// What the shape is, for `--help` and the README.
    public var summary: String {
        switch self {
        case .plain: return "the service's own zap lines (JSON or console)"
        case .kubectl: return "kubectl logs --prefix (also with --timestamps)"
        case .kubectlTimestamps: return "kubectl logs --timestamps, one pod"
        case .docker: return "Docker json-file (/var/lib/docker/containers/ID/ID-json.log)"
        case .cri: return "Kubernetes CRI files, containerd or CRI-O (/var/log/pods/…/0.log)"
        case .journald: return "journalctl -o json"
        case .logcli: return "Loki logcli query --output=jsonl"
        }
    }
}
