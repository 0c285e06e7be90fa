/// Where one instance's events go: straight into its replayer, or through a replay thread of its
/// own when a single instance has both cores to itself.
final class ReplayFeed: @unchecked Sendable {
    let replayer: Replayer
    private let worker: ReplayWorker?

    init(replayer: Replayer, threaded: Bool) {
        self.replayer = replayer
        worker = threaded ? ReplayWorker(replayer: replayer) : nil
    }

    deinit { worker?.stop() }

    @inline(__always)
    func event(_ event: JobEvent) {
        if let worker { worker.submit(.event(event)) } else { replayer.apply(event) }
    }

    @inline(__always)
    func lineTime(_ time: Instant) {
        if let worker { worker.submit(.lineTime(time)) } else { replayer.observeLineTime(time) }
    }

    /// Waits until every event handed over has been applied.
    func drain() {
        _ = worker?.drain()
    }
}
