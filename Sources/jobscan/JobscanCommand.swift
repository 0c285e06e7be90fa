import ArgumentParser
import Foundation
import JobscanCore

/// `jobscan [report] [FILE ...]`, the default subcommand: the table, JSON document or endpoint
/// body, plus the optional timeline, history and textfile.
struct JobscanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report the replayed state: the table, or --format json, health or input (the default subcommand).",
        discussion: """
            jobscan replays the job monitor's log lines ("Job started", "Job failed", ...) exactly as the \
            service's own monitor does and prints what GET /api/v1/health/jobs would have answered, plus what \
            only the log can tell: lifetime totals across restarts, every run, and a check of every logged \
            health check. Files are read in time order, whatever the order given; gzip is recognised by its \
            magic bytes; no FILE, or -, reads standard input. A FILE named check, report or help reads as \
            ./check, or after --.

            An output sent to standard output (--timeline -, --history -) is all that is printed there: the \
            report is left out, warnings stay on standard error; two outputs to - are a usage error.

            Exit status (Nagios plugin convention): 0 healthy, 1 degraded, 2 unhealthy, 3 unknown (no job \
            event read, or an input could not be read in full). --exit-zero turns a verdict into 0; input \
            errors stay 3. Usage errors exit 64; Ctrl-C while reading standard input reports what was read \
            and exits 130.

            jobscan check [FILE ...] --expect EXPR ... asserts facts about the replayed state for CI \
            (see jobscan help check).
            """,
        version: JobscanVersion.full
    )

    @OptionGroup var input: InputArguments
    @OptionGroup var replay: ReplayArguments
    @OptionGroup(title: "Prometheus textfile") var textfile: TextfileArguments

    @Option(name: .customLong("format"), help: ArgumentHelp(
        "Output: table (for people, the default), json (jobscan's document), health (the service's /api/v1/health/jobs body), input (the input report only).",
        valueName: "format"))
    var formatOption: OutputFormat?

    @Option(help: ArgumentHelp("Write one NDJSON record per run to PATH (- for standard output).", valueName: "path"), completion: .file())
    var timeline: String?

    @Option(help: ArgumentHelp(
        "Write the verdict through time to PATH (- for standard output): one NDJSON record per interval of one verdict and one set of causing jobs.",
        valueName: "path"), completion: .file())
    var history: String?

    @Option(help: ArgumentHelp("Write the forensic HTML report to PATH (- for standard output): one self-contained page.", valueName: "path"), completion: .file())
    var html: String?

    @Flag(help: "Exit 0 whatever the verdict; input errors still exit 3.")
    var exitZero = false

    @Option(help: ArgumentHelp("Colour: auto (a terminal without NO_COLOR), always or never.", valueName: "when"))
    var color: ColorChoice = .auto

    @Flag(help: "Show error texts in full: the table's LAST ERROR column is otherwise cut to fit the terminal (its width, or COLUMNS).")
    var wide = false

    var format: OutputFormat { formatOption ?? .table }

    /// The outputs that may be sent to standard output instead of the report.
    var outputs: [(option: String, path: String?)] { [("--timeline", timeline), ("--history", history), ("--html", html)] }

    func validate() throws {
        _ = try StandardOutputOwner.option(among: outputs, reportFormatGiven: formatOption != nil)
    }

    mutating func run() throws {
        let reportShown = try StandardOutputOwner.option(among: outputs) == nil
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
        if format != .table || !reportShown { Pipeline.reportDiagnostics(fleet.input) }
        if reportShown { try report(fleet) }
        try Terminal.standardOutput.finish(closingStandardOutput: true)
        throw ExitCode(Pipeline.exitStatus(ExitStatus.of(fleet, exitZero: exitZero)))
    }

    /// The report in its format, on standard output.
    private func report(_ fleet: FleetAnalysis) throws {
        switch format {
        case .table: Terminal.standardOutput.write(TableReport.render(fleet, colour: color.enabled(for: 1), width: ErrorColumnWidth.chosen(wide: wide)))
        case .json: Terminal.standardOutput.write(JSONReport.render(fleet))
        case .health:
            guard let single = fleet.single else {
                throw CommandFailure("--format health is one endpoint's answer, and \(fleet.instances.count) instances were read (\(fleet.instances.map(\.instance.name).joined(separator: ", "))): choose one with --instance")
            }
            Terminal.standardOutput.write(HealthReport.render(single.replay))
        case .input: Terminal.standardOutput.write("input\n" + InputReport.text(fleet.input))
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, health, input
}
