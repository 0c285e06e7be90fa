import ArgumentParser

/// The root command: `jobscan [FILE ...]` reports; `jobscan check` asserts.
@main
struct JobscanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobscan",
        abstract: "Rebuild the background-job health of the ICY swap backend from its zap logs.",
        discussion: """
            jobscan replays the job monitor's log lines ("Job started", "Job failed", ...) exactly as the \
            service's own monitor does and prints what GET /api/v1/health/jobs would have answered, plus what \
            only the log can tell: lifetime totals across restarts, every run, and a check of every logged \
            health check. Files are read in the order given (oldest first); gzip is recognised by its magic \
            bytes; no FILE, or -, reads standard input.

            Exit status (Nagios plugin convention): 0 healthy, 1 degraded, 2 unhealthy, 3 unknown (no job \
            event read, or an input could not be read in full). --exit-zero turns a verdict into 0; input \
            errors stay 3. Usage errors exit 64.
            """,
        subcommands: [ReportCommand.self],
        defaultSubcommand: ReportCommand.self
    )
}
