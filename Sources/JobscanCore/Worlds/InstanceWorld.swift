/// One instance's replay world: its own JobStatus book, restarts, lifetime totals, cross-checks
/// and timeline, fed only by the lines of that instance.
/// `@unchecked Sendable`: a world is touched by one reading thread at a time, and by the caller
/// only after every reading thread has finished.
final class InstanceWorld: @unchecked Sendable {
    let name: String
    let shape: LogShape
    var feed: WorldFeed

    init(name: String, shape: LogShape, feed: WorldFeed) {
        self.name = name
        self.shape = shape
        self.feed = feed
    }

    /// The latest time this world's lines carry (after its replay has caught up).
    var lastLineTime: Instant? {
        feed.replay.drain()
        return feed.replay.replayer.lastLineTime
    }

    /// Replays to the fleet's evaluation instant and returns this instance's analysis.
    func finish(at instant: Instant?) -> Analysis {
        feed.replay.drain()
        let replay = feed.replay.replayer.finish(at: instant)
        return Analysis(instance: InstanceIdentity(name: name, shape: shape), input: feed.summary, replay: replay)
    }
}
