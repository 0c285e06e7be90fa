/// What `--textfile` writes besides the replayed state: the service's metric prefix and the
/// constant labels (`--label key=value`) that every series carries.
public struct TextfileOptions: Sendable, Equatable {
    /// The service's own metric namespace (`icy_backend_background_job_runs_total`).
    public static let defaultPrefix = "icy_backend"
    /// jobscan's own figures (lines, events, diagnostics) live under this fixed prefix.
    public static let jobscanPrefix = "jobscan"
    /// Label names that jobscan's series use themselves; a constant label may not take one.
    public static let reservedLabelNames: Set<String> = [
        "job_name", "status", "date", "error", "error_type", "kind", "reason", "result", "le", "quantile",
        "api_name", "operation", "state",
    ]

    /// The label that tells instances apart (`--instance-label`); not `instance`, which
    /// Prometheus sets to the scraped target.
    public static let defaultInstanceLabel = "service_instance"

    public var metricsPrefix: String
    public var constantLabels: [TextfileLabel]
    public var instanceLabel: String

    /// Validates the prefix and the constant labels (names, duplicates, clashes with jobscan's labels).
    public init(metricsPrefix: String = TextfileOptions.defaultPrefix, constantLabels: [TextfileLabel] = [],
                instanceLabel: String = TextfileOptions.defaultInstanceLabel) throws(TextfileOptionError) {
        guard metricsPrefix.isEmpty || Self.isValidMetricName(metricsPrefix) else {
            throw TextfileOptionError("--metrics-prefix \"\(metricsPrefix)\": a metric name prefix must match [a-zA-Z_:][a-zA-Z0-9_:]*")
        }
        guard Self.isValidLabelName(instanceLabel), !Self.reservedLabelNames.contains(instanceLabel) else {
            throw TextfileOptionError("--instance-label \"\(instanceLabel)\": a label name must match [a-zA-Z_][a-zA-Z0-9_]* and not be one of jobscan's own (\(Self.reservedLabelNames.sorted().joined(separator: ", ")))")
        }
        var seen: Set<String> = [instanceLabel]
        for label in constantLabels {
            if Self.reservedLabelNames.contains(label.name) {
                throw TextfileOptionError("--label \(label.name)=…: jobscan's own series use the label \"\(label.name)\"; choose another name")
            }
            guard seen.insert(label.name).inserted else {
                throw TextfileOptionError(label.name == instanceLabel
                    ? "--label \(label.name)=…: jobscan names the instance with this label (--instance-label); choose another name"
                    : "--label \(label.name)=…: given twice")
            }
        }
        self.metricsPrefix = metricsPrefix
        self.constantLabels = constantLabels
        self.instanceLabel = instanceLabel
    }

    /// `prefix_name`, or `name` alone with an empty prefix.
    public func serviceName(_ name: String) -> String {
        metricsPrefix.isEmpty ? name : metricsPrefix + "_" + name
    }

    /// Prometheus metric names: `[a-zA-Z_:][a-zA-Z0-9_:]*`.
    public static func isValidMetricName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !isDigit(first) else { return false }
        return name.utf8.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ":") }
    }

    /// Prometheus label names: `[a-zA-Z_][a-zA-Z0-9_]*`; names starting with `__` are reserved.
    public static func isValidLabelName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !isDigit(first), !name.hasPrefix("__") else { return false }
        return name.utf8.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "_") }
    }

    private static func isLetter(_ b: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
    }

    private static func isDigit(_ b: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) }
}

/// One constant label, `--label instance=eu-1`.
public struct TextfileLabel: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) throws(TextfileOptionError) {
        guard TextfileOptions.isValidLabelName(name) else {
            let why = name.hasPrefix("__") ? "names starting with __ are reserved for Prometheus" : "a label name must match [a-zA-Z_][a-zA-Z0-9_]*"
            throw TextfileOptionError("--label \"\(name)=\(value)\": \(why)")
        }
        guard !value.isEmpty else {
            throw TextfileOptionError("--label \"\(name)=\": empty value (Prometheus treats an empty label as no label)")
        }
        self.name = name
        self.value = value
    }

    /// Parses `key=value` (the value may hold `=` and any other character).
    public init(parsing text: String) throws(TextfileOptionError) {
        guard let eq = text.firstIndex(of: "=") else {
            throw TextfileOptionError("--label \"\(text)\": expected key=value")
        }
        try self.init(name: String(text[..<eq]), value: String(text[text.index(after: eq)...]))
    }
}

/// A bad `--metrics-prefix` or `--label`, as one line for the user.
public struct TextfileOptionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
