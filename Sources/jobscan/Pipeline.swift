#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JobscanCore
import Synchronization

/// Wires the inputs into the analyzer, with progress on a terminal, and prints input errors and
/// warnings once.
enum Pipeline {
    /// The stages' settings from the shared arguments.
    static func options(_ input: InputArguments, _ replay: ReplayArguments) throws -> Analyzer.Options {
        var options = Analyzer.Options()
        options.maxLineBytes = input.maxLineBytes
        options.inputFormat = input.inputFormat.shape
        options.plainGrouping = input.plainInstance
        options.replay = try replay.options()
        return options
    }

    /// Runs every input through the stages and selects `--instance`; input errors and warnings
    /// are printed once, here.
    static func analyze(_ input: InputArguments, options: Analyzer.Options,
                        runSink: (@Sendable (String) -> RunRecordSink?)? = nil,
                        historySink: (@Sendable (String) -> HistoryRecordSink?)? = nil) throws -> FleetAnalysis {
        if input.files.isEmpty { StandardInput.hintIfTerminal() }
        let meter = Terminal.isTerminal(2) ? ProgressMeter() : nil
        var progress: (@Sendable (Int) -> Void)?
        if let meter { progress = { meter.add($0) } }
        let fleet = Analyzer(options: options).analyze(input.sources, runSink: runSink, historySink: historySink, progress: progress)
        meter?.clear()
        if StandardInput.interrupted { Terminal.error("interrupted: the report covers what was read before Ctrl-C") }
        for error in fleet.errors { Terminal.error(error.description) }
        for warning in fleet.warnings { Terminal.error("warning: \(warning)") }
        guard let pattern = input.instance else { return fleet }
        let selected = fleet.selecting(pattern)
        if selected.instances.isEmpty {
            throw CommandFailure("--instance \(pattern): no instance's name contains it; the instances are: \(fleet.allInstanceNames.joined(separator: ", "))")
        }
        return selected
    }

    /// The exit status for a verdict's: 130 (128 + SIGINT, as a shell reports it) after Ctrl-C.
    static func exitStatus(_ status: Int32) -> Int32 {
        StandardInput.interrupted ? 130 : status
    }

    /// Malformed job events as one-line warnings on stderr (the table shows them itself).
    static func reportDiagnostics(_ input: InputSummary, limit: Int = 10) {
        for d in input.diagnosticSamples.prefix(limit) { Terminal.error("warning: \(d)") }
        if input.diagnosticCount > limit {
            Terminal.error("warning: \(input.diagnosticCount - limit) more malformed job event(s)")
        }
    }
}

/// A one-line progress display on stderr (bytes and rate), redrawn at most five times a second;
/// fed from every reading thread.
final class ProgressMeter: Sendable {
    private struct State {
        var bytes = 0
        var lastDraw = 0.0
        var drawn = false
    }

    private let started = ProgressMeter.now()
    private let state = Mutex(State())

    func add(_ bytes: Int) {
        let t = Self.now()
        let line: String? = state.withLock { s in
            s.bytes += bytes
            guard t - s.lastDraw >= 0.2, t - started >= 0.5 else { return nil }
            s.lastDraw = t
            s.drawn = true
            let rate = Double(s.bytes) / max(t - started, 0.001)
            return "\r\u{1B}[Kjobscan: \(ByteCount.text(s.bytes)) read, \(ByteCount.text(Int(rate)))/s"
        }
        if let line {
            Terminal.standardError.write(line)
            Terminal.standardError.flush()
        }
    }

    func clear() {
        let drawn = state.withLock { s in
            defer { s.drawn = false }
            return s.drawn
        }
        guard drawn else { return }
        Terminal.standardError.write("\r\u{1B}[K")
        Terminal.standardError.flush()
    }

    private static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
