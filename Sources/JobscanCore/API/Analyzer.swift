import Dispatch

/// The front door: runs inputs through bytes → lines → envelopes → events → one replay world per
/// instance, and collects what the reports need.
public final class Analyzer {
    /// Settings of the input, envelope and replay stages.
    public struct Options: Sendable {
        public var maxLineBytes = 1 << 20
        /// Bytes per chunk read (small ones for fuzzing: the ring holds four).
        public var readSize = 1 << 20
        /// Read (and decompress) ahead of the parsing, and replay a lone instance behind it, on threads of their own.
        public var threaded = true
        public var replay = ReplayOptions()
        /// The shape of every input (`--input-format`); nil detects it per input.
        public var inputFormat: LogShape?
        /// How plain logs are grouped into instances.
        public var plainGrouping = InstanceNaming.PlainGrouping.one
        public init() {}
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// Reads every input and replays each instance's lines in its own world, the instances in
    /// parallel; every world is evaluated at one instant (`--at`, or the latest time read).
    /// - Parameters:
    ///   - runSink: gives each instance's world its run sink (called from reading threads).
    ///   - progress: called with the bytes read since its last call (from reading threads).
    ///   - historySink: gives each instance's world its sink of history records (likewise).
    public func analyze(_ inputs: [InputSource], runSink: (@Sendable (String) -> RunRecordSink?)? = nil,
                        historySink: (@Sendable (String) -> HistoryRecordSink?)? = nil,
                        progress: (@Sendable (Int) -> Void)? = nil) -> FleetAnalysis {
        let probes = InputCatalog.expand(inputs).map { InputProbe.probe($0, forced: options.inputFormat) }
        let groups = Self.groups(of: probes, plain: options.plainGrouping)
        let settings = ReadingSettings(
            maxLineBytes: options.maxLineBytes, readSize: options.readSize, readAhead: options.threaded,
            unwrapAhead: options.threaded && groups.count == 1,
            threadedReplay: options.threaded && groups.count == 1, replay: options.replay,
            runSink: { runSink?($0) }, historySink: { historySink?($0) }, progress: progress)
        if groups.count == 1 {
            groups[0].run(settings)
        } else {
            DispatchQueue.concurrentPerform(iterations: groups.count) { groups[$0].run(settings) }
        }
        return Self.collect(groups, options: options.replay)
    }

    /// One group per instance of the one-instance shapes, plus one for every multiplexed input.
    static func groups(of probes: [InputProbe], plain: InstanceNaming.PlainGrouping) -> [ReadingGroup] {
        let firstPlain: String = probes.first { !$0.shape.isMultiplexed && ($0.shape == .plain || $0.shape == .kubectlTimestamps) }
            .map { switch $0.input { case .path(let p): p; case .bytes(let name, _): name } } ?? "-"
        var byInstance: [String: [InputProbe]] = [:]
        var order: [String] = []
        var multiplexed: [InputProbe] = []
        for probe in probes {
            if probe.shape.isMultiplexed {
                multiplexed.append(probe)
                continue
            }
            let path: String
            switch probe.input {
            case .path(let p): path = p
            case .bytes(let name, _): path = name
            }
            let name = InstanceNaming.name(path: path, shape: probe.shape, plain: plain, firstPlainPath: firstPlain) ?? path
            if byInstance[name] == nil { order.append(name) }
            byInstance[name, default: []].append(probe)
        }
        var groups = order.map { ReadingGroup(instance: $0, inputs: byInstance[$0]!) }
        if !multiplexed.isEmpty { groups.append(ReadingGroup(instance: nil, inputs: multiplexed)) }
        return groups
    }

    /// Evaluates every world at the fleet's instant and puts the analyses together.
    static func collect(_ groups: [ReadingGroup], options: ReplayOptions) -> FleetAnalysis {
        var worlds = groups.flatMap(\.worlds)
        // A name seen in two groups (a multiplexed input naming a pod that also has its own file)
        // stays two worlds: the later one is told apart by its shape.
        var seen: Set<String> = []
        for (i, world) in worlds.enumerated() where !seen.insert(world.name).inserted {
            worlds[i] = InstanceWorld(name: "\(world.name) (\(world.shape.rawValue))", shape: world.shape, feed: world.feed)
        }
        let latest = worlds.compactMap(\.lastLineTime).max()
        let instant = options.evaluateAt ?? latest
        let analyses = worlds.map { $0.finish(at: instant) }.sorted { $0.instance.name < $1.instance.name }
        var input = InputSummary()
        for group in groups {
            input.files += group.files
            input.bytes += group.figures.bytes
            input.lines += group.figures.lines
            input.overlongLines += group.figures.overlongLines
            input.overlongSamples += group.figures.overlongSamples.prefix(InputSummary.sampleLimit - input.overlongSamples.count)
            input.joinedRecords += group.figures.joinedRecords
            input.unattributedLines += group.figures.unattributedLines
            input.addLineFigures(of: group.figures)
        }
        for analysis in analyses { input.addLineFigures(of: analysis.input) }
        let evaluatedAt = analyses.first?.replay.evaluatedAt ?? instant ?? Instant(nanoseconds: 0)
        return FleetAnalysis(instances: analyses, input: input, evaluatedAt: evaluatedAt,
                             warnings: FleetWarnings.of(analyses, options: options))
    }
}
