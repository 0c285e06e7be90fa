import ArgumentParser
import JobscanCore

/// The inputs, shared by every command.
struct InputArguments: ParsableArguments {
    @Argument(help: ArgumentHelp("Log files, plain or gzip, oldest first; none or - reads standard input.", valueName: "file"))
    var files: [String] = []

    @Option(help: ArgumentHelp("Skip (and count) lines longer than this many bytes.", valueName: "bytes"))
    var maxLineBytes: Int = 1 << 20

    var paths: [String] { files.isEmpty ? ["-"] : files }

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
        "Evaluate as of TIME (RFC 3339, or epoch seconds): replay stops there and stalls are judged then. Default: the time of the last line read.",
        valueName: "time"))
    var at: String?

    @Option(help: ArgumentHelp("A run going for longer than this is stalled (Go duration).", valueName: "duration"))
    var stallThreshold: String = "5m"

    @Option(help: ArgumentHelp("The cleanup pass removes records idle for longer than this (Go duration).", valueName: "duration"))
    var retention: String = "24h"

    @Option(help: ArgumentHelp("Comma-separated jobs whose repeated failure makes the verdict unhealthy.", valueName: "jobs"))
    var criticalJobs: String = HealthVerdict.defaultCriticalJobs.joined(separator: ",")

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
        options.criticalJobs = Set(criticalJobs.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty })
        if let at {
            guard let instant = EvaluationTime.parse(at) else {
                throw ValidationError("--at: \"\(at)\" is neither an RFC 3339 time (2026-11-25T03:12:00Z) nor epoch seconds")
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

extension String {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
