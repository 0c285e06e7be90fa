import ArgumentParser
import JobscanCore

/// The inputs, shared by every command.
struct InputArguments: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Log files (plain or gzip, in any order: each instance's files are put in time order) or directories of them; none or - reads standard input.",
        valueName: "file"),
        completion: .file())
    var files: [String] = []

    @Option(help: ArgumentHelp("Skip (and count) lines longer than this many bytes.", valueName: "bytes"))
    var maxLineBytes: Int = 1 << 20

    @Option(help: ArgumentHelp(
        "How the inputs store their lines: auto (detected per input from its first lines), \(LogShape.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "shape"))
    var inputFormat: InputFormat = .auto

    @Option(help: ArgumentHelp(
        "Plain logs are one instance (one), one per directory (directory), or one per log file and its rotations (file).",
        valueName: "grouping"))
    var plainInstance: InstanceNaming.PlainGrouping = .one

    @Option(help: ArgumentHelp("Report only the instances whose name contains PATTERN.", valueName: "pattern"))
    var instance: String?

    /// The inputs; `-` (or none) is standard input, which Ctrl-C ends (`StandardInput`).
    var sources: [InputSource] {
        (files.isEmpty ? ["-"] : files).map { $0 == "-" ? .bytes(name: "-", source: StandardInput.source()) : .path($0) }
    }

    func validate() throws {
        guard maxLineBytes > 0 else { throw ValidationError("--max-line-bytes must be positive") }
        guard maxLineBytes <= LineReader.maximumLineBytes else {
            throw ValidationError("--max-line-bytes: at most \(LineReader.maximumLineBytes) (1 GiB)")
        }
    }
}

/// The monitor's settings and the evaluation instant, shared by every command.
struct ReplayArguments: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Evaluate as of TIME (RFC 3339, epoch seconds, or now: the wall clock, so a quiet, hung service shows its stalls): replay stops there and stalls are judged then. Default: the time of the last line read.",
        valueName: "time"))
    var at: String?

    @Option(help: ArgumentHelp("A run going for longer than this is stalled (Go duration).", valueName: "duration"))
    var stallThreshold: String = "5m"

    @Option(help: ArgumentHelp("The cleanup pass removes records idle for longer than this (Go duration).", valueName: "duration"))
    var retention: String = "24h"

    @Option(name: .customLong("critical-jobs"), help: ArgumentHelp("Comma-separated jobs whose repeated failure makes the verdict unhealthy (default: \(HealthVerdict.defaultCriticalJobs.joined(separator: ","))).", valueName: "jobs"))
    var criticalJobsOption: String?

    var criticalJobs: String { criticalJobsOption ?? HealthVerdict.defaultCriticalJobs.joined(separator: ",") }
    var criticalJobsGiven: Bool { criticalJobsOption != nil }

    @Option(help: ArgumentHelp("Keep at most this many distinct jobs; events of further jobs are counted, not replayed.", valueName: "count"))
    var maxJobs: Int = ReplayOptions.defaultMaxJobs

    func validate() throws {
        _ = try options()
    }

    func options() throws -> ReplayOptions {
        var options = ReplayOptions()
        options.stallThreshold = try duration(stallThreshold, "--stall-threshold")
        options.retention = try duration(retention, "--retention")
        guard maxJobs > 0 else { throw ValidationError("--max-jobs must be positive") }
        options.maxJobs = maxJobs
        options.criticalJobs = ReplayOptions.criticalJobs(parsing: criticalJobs)
        options.criticalJobsNamed = criticalJobsGiven
        if let at {
            guard let instant = EvaluationTime.parse(at, now: ReproducibleTime.instant()) else {
                throw ValidationError("--at: \"\(at)\" is neither an RFC 3339 time (2026-11-25T03:12:00Z), epoch seconds nor now")
            }
            options.evaluateAt = instant
        }
        return options
    }

    private func duration(_ text: String, _ option: String) throws -> Int64 {
        do {
            let value = try GoDuration.parse(text)
            guard value >= 0 else { throw ValidationError("\(option): a negative duration makes no sense") }
            return value
        } catch let error as GoDurationError {
            throw ValidationError("\(option): \(error)")
        }
    }
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    func enabled(for fd: Int32) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto: return Terminal.isTerminal(fd) && Terminal.environment("NO_COLOR").map(\.isEmpty) ?? true
        }
    }
}

/// `--input-format`: a shape, or auto.
enum InputFormat: ExpressibleByArgument, CaseIterable, Equatable {
    case auto
    case shape(LogShape)

    static let allCases: [InputFormat] = [.auto] + LogShape.allCases.map { .shape($0) }

    init?(argument: String) {
        if argument == "auto" { self = .auto; return }
        guard let shape = LogShape(rawValue: argument) else { return nil }
        self = .shape(shape)
    }

    var defaultValueDescription: String { "auto" }

    static var allValueStrings: [String] { ["auto"] + LogShape.allCases.map(\.rawValue) }

    var shape: LogShape? {
        if case .shape(let shape) = self { return shape }
        return nil
    }
}

extension InstanceNaming.PlainGrouping: ExpressibleByArgument {}
