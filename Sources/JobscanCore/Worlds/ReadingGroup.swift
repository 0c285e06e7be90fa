/// Inputs read one after another on one thread, in time order, feeding their instances' worlds:
/// the files of one instance (a rotated log, a container's rotated files), or every multiplexed
/// input (kubectl --prefix, journald, logcli), whose records name their instances.
/// `@unchecked Sendable`: run by one thread; read by the caller only after it has finished.
final class ReadingGroup: @unchecked Sendable {
    /// The instance of a one-instance group; nil for the multiplexed group.
    let instance: String?
    private(set) var inputs: [InputProbe]
    private(set) var worlds: [InstanceWorld] = []
    /// The files as read (bytes, lines, errors), in reading order.
    private(set) var files: [InputSummary.File] = []
    /// Figures that belong to no instance: over-long lines, joined records, envelope diagnostics.
    private(set) var figures = InputSummary()

    init(instance: String?, inputs: [InputProbe]) {
        self.instance = instance
        // Time order: rotated files in whatever order they were named; undated ones keep their place first.
        self.inputs = inputs.enumerated().sorted { a, b in
            switch (a.element.firstTime, b.element.firstTime) {
            case let (x?, y?): return x == y ? a.offset < b.offset : x < y
            case (nil, _?): return true
            case (_?, nil): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// Reads every input to its end (or its first error, after analysing everything before it).
    func run(_ settings: ReadingSettings) {
        var names: [String] = []
        var feeds: [WorldFeed] = []
        var shapes: [String: LogShape] = [:]
        let makeFeed: (String) -> WorldFeed = { name in
            WorldFeed(replay: ReplayFeed(replayer: Replayer(options: settings.replay, runSink: settings.runSink(name),
                                                            historySink: settings.historySink(name)),
                                         threaded: settings.threadedReplay))
        }
        if let instance {
            names = [instance]
            feeds = [makeFeed(instance)]
        }
        // The next gzip file inflates on a thread of its own while this one is parsed.
        var prefetched: (index: Int, source: PrefetchedByteSource, format: InputOpener.Format)?
        func prefetch(_ index: Int) {
            guard settings.readAhead, index < inputs.count, inputs[index].format == .gzip, inputs[index].error == nil,
                  let (source, format) = try? inputs[index].open() else { return }
            prefetched = (index, PrefetchedByteSource(source), format)
        }
        defer { prefetched?.source.finish() }
        for (index, probe) in inputs.enumerated() {
            var file = InputSummary.File(name: probe.name)
            file.shape = probe.shape
            file.format = probe.format
            if let error = probe.error {
                file.error = error
                files.append(file)
                continue
            }
            let source: ByteSource
            var ahead: PrefetchedByteSource?
            var reversed: ReverseLinesByteSource?
            if let next = prefetched, next.index == index {
                (source, file.format, ahead) = (next.source, next.format, next.source)
                prefetched = nil
            } else if probe.shape == .logcli, probe.recordOrder == .backward, probe.format == .plain, case .path(let path) = probe.input,
                      path != "-", let backwards = try? ReverseLinesByteSource(path: path) {
                // A newest-first export on disk: read last line first, so in time order, memory flat.
                (source, reversed) = (backwards, backwards)
            } else {
                do {
                    (source, file.format) = try probe.open()
                } catch {
                    file.error = error
                    files.append(file)
                    continue
                }
            }
            defer { ahead?.finish() }
            prefetch(index + 1)
            let reader = LineReader(maxLineBytes: settings.maxLineBytes, readSize: settings.readSize, readAhead: settings.readAhead)
            let progress = settings.progress
            var failure: InputError?
            var table = WorldTable(feeds: feeds, names: names, shape: probe.shape, entry: file, makeFeed: makeFeed)
            feeds = []
            var envelope = EnvelopeReader(shape: probe.shape, fileName: probe.name, maxLineBytes: settings.maxLineBytes)
            envelope.reversedLineCount = reversed?.lineCount
            envelope.logcliInOrder = reversed != nil || probe.recordOrder == .forward
            var last = 0
            var counts: LineReader.Counts
            let envelopeCounts: EnvelopeReader.Counts
            if probe.shape.wrapsLinesInJSON, settings.unwrapAhead {
                // Unwrapping on a thread of its own, decoding on this one (kubectl and CRI cost
                // less to unwrap than copying their lines over would).
                let worker = EnvelopeWorker(source: source, reader: reader, envelope: envelope, progress: progress)
                let ending = worker.drain(into: &table)
                (counts, envelopeCounts, failure) = (ending.lines, ending.envelope, ending.failure)
            } else {
                do {
                    if probe.shape == .plain {
                        // The common case at full speed: no envelope, one world, its feed a local.
                        table.beginShare(0)
                        var feed = table.takeFeed(0)
                        defer { table.putFeed(feed, 0) }
                        try reader.forEachLine(in: source, progress: { progress?($0 - last); last = $0 }) { line, number in
                            feed.take(line, number: number)
                        }
                    } else {
                        try reader.forEachLine(in: source, progress: { progress?($0 - last); last = $0 }) { line, number in
                            envelope.take(line, number: number, &table)
                        }
                    }
                } catch {
                    failure = error
                }
                envelope.finish(&table)
                (counts, envelopeCounts) = (reader.counts, envelope.counts)
            }
            // A file read last line first may have gained a `\n` the file does not hold.
            counts.bytes -= reversed?.addedBytes ?? 0
            file.bytes = counts.bytes
            file.fileBytes = source.consumedBytes
            file.lines = counts.lines
            file.error = failure
            file = table.endFile(physical: file)
            figures.bytes += counts.bytes
            figures.lines += counts.lines
            figures.overlongLines += counts.overlongLines
            if let line = counts.firstOverlongLine, figures.overlongSamples.count < InputSummary.sampleLimit {
                figures.overlongSamples.append(LineLocation(file: probe.name, line: line))
            }
            figures.joinedRecords += envelopeCounts.joinedRecords
            figures.unattributedLines += envelopeCounts.unattributedLines
            figures.foreignLines += envelopeCounts.unattributedLines
            figures.addLineFigures(of: table.diagnostics)
            files.append(file)
            feeds = table.feeds
            names = table.names
            for name in names where shapes[name] == nil { shapes[name] = probe.shape }
        }
        worlds = zip(names, feeds).map { name, feed in
            InstanceWorld(name: name, shape: shapes[name] ?? inputs.first?.shape ?? .plain, feed: feed)
        }
    }
}

/// How a reading group reads: the line limit, the threads, where progress and runs go.
struct ReadingSettings: @unchecked Sendable {
    var maxLineBytes: Int
    var readSize: Int
    var readAhead: Bool
    /// Unwrap envelopes on a thread of their own (a lone reading group has the cores to itself).
    var unwrapAhead: Bool
    var threadedReplay: Bool
    var replay: ReplayOptions
    /// The run sink of an instance's world (called once per world, from its group's thread).
    var runSink: (String) -> RunRecordSink?
    /// The history sink of an instance's world (likewise).
    var historySink: (String) -> HistoryRecordSink?
    /// Called with bytes read since the last call (from any group's thread).
    var progress: ((Int) -> Void)?
}
