/// The worlds one reading group feeds, by slot, as the envelope stage's output: each line goes to
/// its instance's feed; an instance first seen in a multiplexed input gets a new world.
struct WorldTable: EnvelopeOutput {
    var feeds: [WorldFeed]
    var names: [String]
    let shape: LogShape
    let makeFeed: (String) -> WorldFeed
    /// The file's own entry, which each instance's share starts from.
    var entry: InputSummary.File
    /// Envelope diagnostics of the file (they belong to no instance).
    var diagnostics = InputSummary()
    /// Slots that got a line from the current file.
    private(set) var touched: [Int] = []
    /// Whether each slot's share of the current file has begun; kept apart from the feeds, as
    /// reading a property of an array element would copy the whole feed for every line.
    private var sharing: [Bool] = []

    init(feeds: [WorldFeed], names: [String], shape: LogShape, entry: InputSummary.File, makeFeed: @escaping (String) -> WorldFeed) {
        self.feeds = feeds
        self.names = names
        self.shape = shape
        self.entry = entry
        self.makeFeed = makeFeed
        sharing = Array(repeating: false, count: feeds.count)
    }

    @inline(__always)
    mutating func line(_ bytes: UnsafeRawBufferPointer, slot: Int, number: Int) {
        if !sharing[slot] { beginShare(slot) }
        feeds[slot].take(bytes, number: number)
    }

    /// Starts `slot`'s share of the current file.
    mutating func beginShare(_ slot: Int) {
        feeds[slot].beginFile(entry)
        touched.append(slot)
        sharing[slot] = true
    }

    /// Moves a feed out, so a reading loop can hold it as a local (no copy of its figures).
    mutating func takeFeed(_ slot: Int) -> WorldFeed {
        let feed = feeds[slot]
        feeds[slot] = WorldFeed(replay: feed.replay)
        return feed
    }

    /// Puts a feed taken with `takeFeed` back.
    mutating func putFeed(_ feed: WorldFeed, _ slot: Int) {
        feeds[slot] = feed
    }

    mutating func diagnostic(_ diagnostic: EventDiagnostic) {
        diagnostics.note(diagnostic)
    }

    mutating func instance(named name: String) -> Int {
        if let slot = names.firstIndex(of: name) { return slot }
        names.append(name)
        feeds.append(makeFeed(name))
        sharing.append(false)
        return feeds.count - 1
    }

    /// Ends the file for every instance that had lines in it; returns the file's entry with
    /// the events and times of all their shares.
    mutating func endFile(physical: InputSummary.File) -> InputSummary.File {
        var file = physical
        file.events = 0
        for slot in touched {
            guard let share = feeds[slot].endFile(physical: physical) else { continue }
            file.events += share.events
            if let t = share.firstTime, file.firstTime.map({ t < $0 }) ?? true { file.firstTime = t }
            if let t = share.lastTime, file.lastTime.map({ t > $0 }) ?? true { file.lastTime = t }
        }
        for slot in touched { sharing[slot] = false }
        touched = []
        return file
    }
}
