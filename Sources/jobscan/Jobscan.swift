import ArgumentParser
import Foundation
import JobscanCore

/// `jobscan`: the root command. `report` (the default: `jobscan FILE …` is `jobscan report FILE …`)
/// and `check` are its subcommands, so that help, usage and shell completions know both.
@main
struct Jobscan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobscan",
        abstract: "Rebuild the background-job health of the ICY swap backend from its zap logs.",
        usage: """
            jobscan [report] [<file> ...] [--format <format>] [--at <time>] [<options>]
              jobscan check --expect <expr> ... [--rules <file>] [--junit <path>] [<file> ...] [<options>]
              jobscan help [report | check]
            """,
        discussion: """
            jobscan replays the job monitor's log lines ("Job started", "Job failed", ...) exactly as the \
            service's own monitor does and prints what GET /api/v1/health/jobs would have answered, plus what \
            only the log can tell: lifetime totals across restarts, every run, and a check of every logged \
            health check. Inputs: log files (plain or gzip) or directories of them; no FILE, or -, reads \
            standard input.

            report (the default subcommand) prints the table, --format json, health or input, and writes \
            --timeline, --history and --textfile: jobscan help report lists its options (--at, \
            --stall-threshold, --critical-jobs, ...). check asserts facts about the replayed state for CI: \
            jobscan help check. A log file named like a subcommand reads as ./check, or after --: \
            jobscan -- check.

            Exit status (Nagios plugin convention): 0 healthy, 1 degraded, 2 unhealthy, 3 unknown (no job \
            event read, or an input or output failed), 64 a usage error, 130 interrupted (Ctrl-C: the \
            report covers what was read). check: 0 all hold, 1 one failed, 2 a usage or expression error.

            Shell completions: jobscan --generate-completion-script bash|zsh|fish.
            """,
        version: JobscanVersion.full,
        subcommands: [JobscanCommand.self, CheckCommand.self],
        defaultSubcommand: JobscanCommand.self
    )

    /// Runs the chosen subcommand. Errors are printed here, once: an output that cannot be written
    /// exits 3, like an unreadable input; check's usage errors exit 2 (its help says so), the
    /// report's 64.
    static func main() {
        _ = Terminal.closedAtStart
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let shell = CompletionScript.requestedShell(in: arguments) {
            Terminal.standardOutput.write(CompletionScript.script(for: shell))
            Terminal.standardOutput.flush()
            Foundation.exit(0)
        }
        let isCheck = arguments.first == CheckCommand.configuration.commandName
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch let failure as CommandFailure {
            Terminal.standardOutput.flush()
            Terminal.error(failure.description)
            Foundation.exit(3)
        } catch {
            Terminal.standardOutput.flush()
            if isCheck, exitCode(for: error) == .validationFailure {
                Terminal.standardError.write(fullMessage(for: error) + "\n")
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
