#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JobscanCore

/// Wires the inputs into the analyzer, with progress on a terminal and errors printed once.
enum Pipeline {
    /// The stages' settings from the shared arguments.
    static func options(_ input: InputArguments, _ replay: ReplayArguments) throws -> Analyzer.Options {
        var options = Analyzer.Options()
        options.maxLineBytes = input.maxLineBytes
        options.replay = try replay.options()
        return options
    }

    /// Runs every input through the stages; input errors are printed once, here.
    static func analyze(_ paths: [String], options: Analyzer.Options, runSink: RunRecordSink? = nil) -> (Analysis, [InputError]) {
        let analyzer = Analyzer(options: options, runSink: runSink)
        let errors = consume(paths, into: analyzer)
        let analysis = analyzer.finish()
        let r = analysis.replay
        if r.eventsOfUntrackedJobs > 0, let note = r.notes.first {
            Terminal.error("warning: \(note.location): \(note.text)")
        }
        return (analysis, errors)
    }

    /// Reads every path in order; prints each input error as one line and returns them.
    static func consume(_ paths: [String], into analyzer: Analyzer) -> [InputError] {
        let meter = Terminal.isTerminal(2) ? ProgressMeter() : nil
        var errors: [InputError] = []
        var previousEnd: (name: String, time: Instant)?
        for path in paths {
            let name = InputOpener.displayName(path)
            let error = analyzer.consume(path: path, progress: meter.map { m in { m.update(name: name, bytes: $0) } })
            meter?.clear()
            if let error {
                Terminal.error(error.description)
                errors.append(error)
            }
            if let file = analyzer.input.files.last, let first = file.firstTime {
                if let previous = previousEnd, first.nanoseconds < previous.time.nanoseconds.subtractingSaturated(GoDuration.minute) {
                    Terminal.error("warning: \(file.name) starts before \(previous.name) ends; pass rotated logs oldest first (app.log.2.gz app.log.1.gz app.log)")
                }
                if let last = file.lastTime { previousEnd = (file.name, last) }
            }
        }
        return errors
    }

    /// Malformed job events as one-line warnings on stderr (the table shows them itself).
    static func reportDiagnostics(_ input: InputSummary, limit: Int = 10) {
        for d in input.diagnosticSamples.prefix(limit) { Terminal.error("warning: \(d)") }
        if input.diagnosticCount > limit {
            Terminal.error("warning: \(input.diagnosticCount - limit) more malformed job event(s)")
        }
    }
}

/// A one-line progress display on stderr (bytes and rate), redrawn at most five times a second.
final class ProgressMeter {
    private let started = ProgressMeter.now()
    private var lastDraw = 0.0
    private var drawn = false

    func update(name: String, bytes: Int) {
        let t = Self.now()
        guard t - lastDraw >= 0.2, t - started >= 0.5 else { return }
        lastDraw = t
        let rate = Double(bytes) / max(t - started, 0.001)
        Terminal.standardError.write("\r\u{1B}[Kjobscan: \(TerminalText.neutralized(name)) \(ByteCount.text(bytes)) \(ByteCount.text(Int(rate)))/s")
        Terminal.standardError.flush()
        drawn = true
    }

    func clear() {
        guard drawn else { return }
        Terminal.standardError.write("\r\u{1B}[K")
        Terminal.standardError.flush()
        drawn = false
    }

    private static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
