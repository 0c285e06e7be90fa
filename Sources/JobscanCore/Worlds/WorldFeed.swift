/// One instance's side of the reading: its event decoder, the figures of its lines, and the
/// replay its events go to. A value, so that the per-line work happens on the stack of the
/// reading loop; `InstanceWorld` keeps it between files.
struct WorldFeed {
    var decoder = EventDecoder()
    /// This instance's view of the input: its share of each file's lines, events and diagnostics.
    var summary = InputSummary()
    let replay: ReplayFeed
    // The current file's figures, kept in locals of the value rather than in the summary's array.
    private var file: InputSummary.File?
    private var fileLines = 0
    private var fileEvents = 0
    private var firstTime: Instant?
    private var lastTime: Instant?

    init(replay: ReplayFeed) { self.replay = replay }

    /// Starts this instance's share of a file.
    mutating func beginFile(_ entry: InputSummary.File) {
        file = entry
        (fileLines, fileEvents, firstTime, lastTime) = (0, 0, nil, nil)
        decoder.startInput(named: entry.name)
    }

    var isInFile: Bool { file != nil }

    /// Decodes one of the service's lines and hands its event to the replay.
    @inline(__always)
    mutating func take(_ line: UnsafeRawBufferPointer, number: Int) {
        fileLines += 1
        switch decoder.decode(line, lineNumber: number) {
        case .foreign:
            summary.foreignLines += 1
            if firstTime == nil, let time = decoder.foreignTime() {
                firstTime = time
                lastTime = time
                replay.lineTime(time)
            }
        case .event(let event):
            fileEvents += 1
            if firstTime == nil { firstTime = event.time }
            if lastTime.map({ $0 < event.time }) ?? true { lastTime = event.time }
            summary.events[event.message, default: 0] += 1
            replay.event(event)
        case .diagnostic(let diagnostic):
            summary.note(diagnostic)
        }
    }

    /// Ends this instance's share of the current file; `physical` carries the file's own figures.
    /// Returns the share's entry (its events and times).
    @discardableResult
    mutating func endFile(physical: InputSummary.File) -> InputSummary.File? {
        guard var entry = file else { return nil }
        // The latest time of the foreign lines: the file's last time when later than every event's.
        if let time = decoder.foreignTime() {
            if lastTime.map({ $0 < time }) ?? true { lastTime = time }
            replay.lineTime(time)
        }
        entry.lines = fileLines
        entry.events = fileEvents
        entry.firstTime = firstTime
        entry.lastTime = lastTime
        entry.bytes = physical.bytes
        entry.fileBytes = physical.fileBytes
        entry.error = physical.error
        summary.files.append(entry)
        summary.lines += fileLines
        // The bytes of the files the instance has lines in (a multiplexed file's, whole).
        summary.bytes += physical.bytes
        file = nil
        return entry
    }
}
