import ArgumentParser
import Foundation
import JobscanCore

/// `jobscan [FILE ...]`: the table, JSON document or endpoint body, plus the optional timeline
/// and textfile; `jobscan check` (routed by `main`) asserts.
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

            jobscan check [FILE ...] --expect EXPR ... asserts facts about the replayed state for CI \
            (see jobscan check --help).
            """,
        version: JobscanVersion.full
    )

    /// `jobscan check …` runs the check command; anything else is a report. Routed here rather
    /// than as an ArgumentParser subcommand, because the report's own FILE arguments would
    /// otherwise swallow the word `check` (a file called check reads as ./check). Errors are
    /// printed here, once: an output that cannot be written exits 3, like an unreadable input.
    static func main() {
        _ = Terminal.closedAtStart
        let arguments = Array(CommandLine.arguments.dropFirst())
        let isCheck = arguments.first == "check"
        do {
            var command = isCheck ? try CheckCommand.parseAsRoot(Array(arguments.dropFirst())) : try parseAsRoot(arguments)
            try command.run()
        } catch let failure as CommandFailure {
            Terminal.standardOutput.flush()
            Terminal.error(failure.description)
            Foundation.exit(3)
        } catch {
            Terminal.standardOutput.flush()
            guard isCheck else { exit(withError: error) }
            // The check command's usage errors exit 2, as its help says.
            if CheckCommand.exitCode(for: error) == .validationFailure {
                Terminal.standardError.write(CheckCommand.fullMessage(for: error) + "\n")
                Foundation.exit(2)
            }
            CheckCommand.exit(withError: error)
        }
    }

    @OptionGroup var input: InputArguments
    @OptionGroup var replay: ReplayArguments
    @OptionGroup(title: "Prometheus textfile") var textfile: TextfileArguments

    @Option(help: ArgumentHelp(
        "Output: table (for people), json (jobscan's document), health (the service's /api/v1/health/jobs body), input (the input report only).",
        valueName: "format"))
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Write one NDJSON record per run to PATH (- for standard output).", valueName: "path"))
    var timeline: String?

    @Option(help: ArgumentHelp(
        "Write the verdict through time to PATH (- for standard output): one NDJSON record per interval of one verdict and one set of causing jobs.",
        valueName: "path"))
    var history: String?

    @Option(help: ArgumentHelp("Write the forensic HTML report to PATH (- for standard output): one self-contained page.", valueName: "path"))
    var html: String?

    @Flag(help: "Exit 0 whatever the verdict; input errors still exit 3.")
    var exitZero = false

    @Option(help: ArgumentHelp("Colour: auto (a terminal without NO_COLOR), always or never.", valueName: "when"))
    var color: ColorChoice = .auto

    mutating func run() throws {
        let timelineFile = try timeline.map { try OutputFile.open($0) }
        let historyFile = try history.map { try OutputFile.open($0) }
        // Each instance's records apart while the worlds replay in parallel; written in name order.
        let timelineSpool = timelineFile.map { _ in NDJSONSpool() }
        let historySpool = historyFile.map { _ in NDJSONSpool() }
        var runSink: (@Sendable (String) -> RunRecordSink?)?
        if let timelineSpool { runSink = { name in timelineSpool.sink(for: name).map { TimelineWriter(sink: $0, instance: name) } } }
        var historySink: (@Sendable (String) -> HistoryRecordSink?)?
        if let historySpool { historySink = { name in historySpool.sink(for: name).map { HistoryWriter(sink: $0, instance: name) } } }
        let htmlFile = try html.map { try OutputFile.open($0) }
        let htmlCollection = htmlFile.map { _ in HTMLCollection() }
        if let htmlCollection {
            // The page draws every instance's runs and history: collected beside the NDJSON outputs.
            runSink = htmlCollection.runSinks(adding: runSink)
            historySink = htmlCollection.historySinks(adding: historySink)
        }
        let fleet = try Pipeline.analyze(input, options: try Pipeline.options(input, replay), runSink: runSink, historySink: historySink)
        if let htmlFile, let htmlCollection {
            htmlFile.write(HTMLReport.render(fleet, collection: htmlCollection))
            try htmlFile.finish()
        }
        for (spool, file, option) in [(timelineSpool, timelineFile, "--timeline"), (historySpool, historyFile, "--history")] {
            guard let spool, let file else { continue }
            guard spool.write(to: file) else { throw CommandFailure("\(option): the spooled records could not be read back") }
            try file.finish()
        }
        try textfile.write(fleet)
        if format != .table { Pipeline.reportDiagnostics(fleet.input) }
        switch format {
        case .table: Terminal.standardOutput.write(TableReport.render(fleet, colour: color.enabled(for: 1)))
        case .json: Terminal.standardOutput.write(JSONReport.render(fleet))
        case .health:
            guard let single = fleet.single else {
                throw CommandFailure("--format health is one endpoint's answer, and \(fleet.instances.count) instances were read (\(fleet.instances.map(\.instance.name).joined(separator: ", "))): choose one with --instance")
            }
            Terminal.standardOutput.write(HealthReport.render(single.replay))
        case .input: Terminal.standardOutput.write("input\n" + InputReport.text(fleet.input))
        }
        try Terminal.standardOutput.finish(closingStandardOutput: true)
        throw ExitCode(ExitStatus.of(fleet, exitZero: exitZero))
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, health, input
}
