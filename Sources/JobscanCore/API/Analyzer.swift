/// The front door: runs inputs through bytes → lines → events → replay and collects what reports need.
public final class Analyzer {
    /// Settings of the input and replay stages.
    public struct Options: Sendable {
        public var maxLineBytes = 1 << 20
        /// Bytes per chunk read (small ones for fuzzing: the ring holds four).
        public var readSize = 1 << 20
        /// Read (and decompress) ahead of the parsing, and replay behind it, on threads of their own.
        public var threaded = true
        public var replay = ReplayOptions()
        public init() {}
    }

    public let options: Options
    public private(set) var input = InputSummary()
    private let replayer: Replayer
    private let worker: ReplayWorker?
    private var decoder = EventDecoder()

    public init(options: Options, runSink: RunRecordSink? = nil) {
        self.options = options
        replayer = Replayer(options: options.replay, runSink: runSink)
        worker = options.threaded ? ReplayWorker(replayer: replayer) : nil
    }

    deinit { worker?.stop() }

    /// Hands an item to the replay, on its thread when there is one.
    private func replay(_ item: ReplayWorker.Item) {
        if let worker { return worker.submit(item) }
        switch item {
        case .event(let event): replayer.apply(event)
        case .lineTime(let time): replayer.observeLineTime(time)
        }
    }

    /// Reads one input to its end (or its first error, after analysing everything before it).
    /// - Parameter progress: called with the log bytes read so far in this input.
    /// - Returns: the input's error, also recorded in `input`.
    @discardableResult
    public func consume(path: String, progress: ((Int) -> Void)? = nil) -> InputError? {
        var file = InputSummary.File(name: InputOpener.displayName(path))
        defer { input.files.append(file) }
        let source: ByteSource
        do {
            (source, file.format) = try InputOpener.open(path)
        } catch {
            file.error = error
            return error
        }
        let reader = LineReader(maxLineBytes: options.maxLineBytes, readSize: options.readSize, readAhead: options.threaded)
        let name = file.name
        // A local decoder: the per-line closure then works on a stack value, not a class property.
        var decoder = self.decoder
        defer { self.decoder = decoder }
        decoder.startInput(named: name)
        var foreign = 0
        var events = 0
        var firstTime: Instant?
        var lastTime: Instant?
        var failure: InputError?
        do {
            try reader.forEachLine(in: source, progress: progress) { line, number in
                switch decoder.decode(line, lineNumber: number) {
                case .foreign:
                    foreign += 1
                    if firstTime == nil, let time = decoder.foreignTime() {
                        firstTime = time
                        lastTime = time
                        replay(.lineTime(time))
                    }
                case .event(let event):
                    events += 1
                    if firstTime == nil { firstTime = event.time }
                    if lastTime.map({ $0 < event.time }) ?? true { lastTime = event.time }
                    input.events[event.message, default: 0] += 1
                    replay(.event(event))
                case .diagnostic(let diagnostic):
                    input.diagnostics[diagnostic.reason, default: 0] += 1
                    if input.diagnosticSamples.count < InputSummary.sampleLimit {
                        input.diagnosticSamples.append(diagnostic)
                    }
                }
            }
        } catch {
            failure = error
        }
        // The latest time of the foreign lines: the file's last time when later than every event's.
        if let time = decoder.foreignTime() {
            if lastTime.map({ $0 < time }) ?? true { lastTime = time }
            replay(.lineTime(time))
        }
        let counts = reader.counts
        file.bytes = counts.bytes
        file.fileBytes = source.consumedBytes
        file.lines = counts.lines
        file.events = events
        file.firstTime = firstTime
        file.lastTime = lastTime
        file.error = failure
        input.bytes += counts.bytes
        input.lines += counts.lines
        input.overlongLines += counts.overlongLines
        input.foreignLines += foreign
        if let line = counts.firstOverlongLine, input.overlongSamples.count < InputSummary.sampleLimit {
            input.overlongSamples.append(LineLocation(file: name, line: line))
        }
        return failure
    }

    /// Replays to the evaluation instant and returns everything the reports need.
    public func finish() -> Analysis {
        _ = worker?.drain()
        return Analysis(input: input, replay: replayer.finish())
    }
}

/// Everything jobscan learned from its inputs: the input report and the replayed state.
public struct Analysis: Sendable {
    public var input: InputSummary
    public var replay: ReplayResult

    /// Whether there is a verdict at all: no job event up to the evaluation instant means none
    /// (reported as unknown, exit status 3), not "healthy".
    public var hasVerdict: Bool { replay.eventsReplayed > 0 }
}
