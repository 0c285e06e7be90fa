/// The name a rotated log file had before rotation: `app.log.2.gz` → `app.log`,
/// kubelet's `0.log.20261125-204500.gz` → `0.log`, logrotate's `app.log-20261125` → `app.log`.
/// Files of one family belong to one instance.
public enum RotationFamily {
    public static func name(of path: String) -> String {
        var name = path
        if name.hasSuffix(".gz") { name.removeLast(3) }
        // `.N`, `.YYYYMMDD-hhmmss` (kubelet), `-YYYYMMDD` or `.YYYY-MM-DD` (logrotate's dateext).
        if let dot = name.lastIndex(of: ".") {
            let suffix = name[name.index(after: dot)...]
            if isRotationSuffix(suffix) { name = String(name[..<dot]) }
        }
        if let dash = name.lastIndex(of: "-"), name.contains(".") {
            let suffix = name[name.index(after: dash)...]
            if suffix.count == 8, suffix.allSatisfy(\.isASCIIDigit) { name = String(name[..<dash]) }
        }
        return name
    }

    static func isRotationSuffix(_ s: Substring) -> Bool {
        if !s.isEmpty, s.count <= 6, s.allSatisfy(\.isASCIIDigit) { return true }
        let digits = s.filter(\.isASCIIDigit).count
        // 20261125-204500, 2026-11-25, 20261125
        return (s.count == 15 && digits == 14 && s.dropFirst(8).first == "-")
            || (s.count == 10 && digits == 8 && s.filter { $0 == "-" }.count == 2)
            || (s.count == 8 && digits == 8)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
