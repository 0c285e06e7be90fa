/// Names the instance of an input whose shape holds one instance per file, from where the file
/// lies: Docker's container directory, kubelet's pod directory, or the rotation family.
public enum InstanceNaming {
    /// How plain logs (and single-pod kubectl timestamps) are grouped into instances.
    public enum PlainGrouping: String, Sendable, CaseIterable {
        /// Every such input is one instance (one process's log, rotated or not).
        case one
        /// One instance per directory (`host-a/app.log`, `host-b/app.log`).
        case directory
        /// One instance per rotation family (`a.log a.log.1` and `b.log` are two).
        case file
    }

    /// The instance name of an input at `path` in `shape`; nil for multiplexed shapes, whose
    /// records name their instances.
    public static func name(path: String, shape: LogShape, plain: PlainGrouping, firstPlainPath: String) -> String? {
        switch shape {
        case .kubectl, .journald, .logcli:
            return nil
        case .docker:
            return dockerContainer(path) ?? RotationFamily.name(of: path)
        case .cri:
            return criContainer(path) ?? RotationFamily.name(of: path)
        case .plain, .kubectlTimestamps:
            switch plain {
            case .one: return path == "-" ? "<stdin>" : RotationFamily.name(of: firstPlainPath)
            case .directory: return path == "-" ? "<stdin>" : directory(of: path)
            case .file: return path == "-" ? "<stdin>" : RotationFamily.name(of: path)
            }
        }
    }

    /// Docker's container id as `docker ps` shows it (12 hex digits), from
    /// `…/containers/<id>/<id>-json.log` or a file named `<id>-json.log…`.
    static func dockerContainer(_ path: String) -> String? {
        let parts = path.split(separator: "/")
        for part in parts.reversed() {
            let id = part.hasSuffix("-json.log") ? part.dropLast(9) : part.split(separator: "-").first.map { $0[...] } ?? part
            if id.count == 64, id.allSatisfy(\.isHexDigit) { return String(id.prefix(12)) }
        }
        return nil
    }

    /// `namespace/pod/container` from `/var/log/pods/<ns>_<pod>_<uid>/<container>/N.log` or
    /// `/var/log/containers/<pod>_<ns>_<container>-<64 hex>.log`.
    static func criContainer(_ path: String) -> String? {
        let parts = path.split(separator: "/").map(String.init)
        if parts.count >= 3 {
            let podDir = parts[parts.count - 3].split(separator: "_", omittingEmptySubsequences: false)
            if podDir.count == 3, !podDir[0].isEmpty, !podDir[1].isEmpty {
                return "\(podDir[0])/\(podDir[1])/\(parts[parts.count - 2])"
            }
        }
        if let file = parts.last {
            var base = RotationFamily.name(of: file)
            if base.hasSuffix(".log") { base.removeLast(4) }
            let fields = base.split(separator: "_", omittingEmptySubsequences: false)
            if fields.count == 3, let dash = fields[2].lastIndex(of: "-") {
                let id = fields[2][fields[2].index(after: dash)...]
                if id.count == 64, id.allSatisfy(\.isHexDigit) {
                    return "\(fields[1])/\(fields[0])/\(fields[2][..<dash])"
                }
            }
        }
        return nil
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
