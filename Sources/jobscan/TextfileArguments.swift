import ArgumentParser
import JobscanCore

/// `--textfile PATH`, `--metrics-prefix`, `--label`: the replayed state for node_exporter's textfile collector.
struct TextfileArguments: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Also write the state as Prometheus text exposition to PATH (for node_exporter's textfile collector: name it *.prom). The file is replaced atomically, mode 0644.",
        valueName: "path"), completion: .file())
    var textfile: String?

    @Option(help: ArgumentHelp("Prefix of the service's metric names in the textfile (empty for none); jobscan's own figures use jobscan_.", valueName: "prefix"))
    var metricsPrefix: String = TextfileOptions.defaultPrefix

    @Option(name: .customLong("label"), help: ArgumentHelp(
        "Add a constant label to every series of the textfile (repeatable), e.g. --label instance=eu-1, so the textfiles of several instances can share a collector directory.",
        valueName: "key=value"))
    var labels: [String] = []

    @Option(help: ArgumentHelp(
        "The label that tells the instances' series apart in the textfile (not instance, which Prometheus sets to the scraped target).",
        valueName: "name"))
    var instanceLabel: String = TextfileOptions.defaultInstanceLabel

    func validate() throws {
        if textfile == nil {
            if !labels.isEmpty { throw ValidationError("--label applies to --textfile") }
            if metricsPrefix != TextfileOptions.defaultPrefix { throw ValidationError("--metrics-prefix applies to --textfile") }
        }
        if textfile == "-" || textfile == "" {
            throw ValidationError("--textfile needs a file path (it is replaced by a rename, so not standard output)")
        }
        _ = try options()
    }

    func options() throws -> TextfileOptions {
        do throws(TextfileOptionError) {
            var constant: [TextfileLabel] = []
            for label in labels { constant.append(try TextfileLabel(parsing: label)) }
            return try TextfileOptions(metricsPrefix: metricsPrefix, constantLabels: constant, instanceLabel: instanceLabel)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// Writes the textfile when `--textfile` was given; a failure is one line on stderr and exit 3.
    func write(_ analysis: FleetAnalysis) throws {
        guard let textfile else { return }
        do {
            try AtomicFile.write(TextfileReport.render(analysis, options: try options()), to: textfile)
        } catch let error as AtomicFileError {
            Terminal.error(error.description)
            throw ExitCode(3)
        }
    }
}
