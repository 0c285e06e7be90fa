import Foundation

/// Runs the lines and envelope stages of one input on a thread of their own, so that unwrapping
/// (splitting lines, decoding Docker, journald or logcli JSON) and the service's own decoding on
/// the caller's thread share the cores. Their output crosses over in `UnwrappedBatch`es of a
/// fixed ring, in order; memory stays flat whatever the input size.
final class EnvelopeWorker: @unchecked Sendable {
    /// What the stages counted, and how the input ended.
    struct Ending: Sendable {
        var lines: LineReader.Counts
        var envelope: EnvelopeReader.Counts
        var failure: InputError?
    }

    private enum Item: Sendable {
        case batch(UnwrappedBatch)
        case end(Ending)
    }

    /// Filled batches, then the ending (room for all of them: the worker never waits on it).
    private let ready: HandOff<Item>
    /// Empty batches, back from the caller.
    private let free: HandOff<UnwrappedBatch>
    private static let depth = 4

    /// Starts reading `source` line by line through `envelope` on the worker thread.
    init(source: ByteSource, reader: LineReader, envelope: EnvelopeReader, progress: ((Int) -> Void)?) {
        ready = HandOff(capacity: Self.depth + 1)
        free = HandOff(capacity: Self.depth)
        for _ in 0..<Self.depth { free.put(UnwrappedBatch()) }
        let job = Job(source: source, reader: reader, envelope: envelope, progress: progress)
        let thread = Thread { [self] in ready.put(.end(job.run(self))) }
        thread.name = "jobscan-unwrap"
        thread.start()
    }

    /// Hands everything the worker unwraps to `out` on this thread, in order; returns once the
    /// worker has finished (its thread is done with the source then).
    func drain<O: EnvelopeOutput>(into out: inout O) -> Ending {
        var slots: [Int] = []
        while true {
            switch ready.take() {
            case .batch(let batch):
                batch.replay(into: &out, slots: &slots)
                batch.removeAll()
                free.put(batch)
            case .end(let ending):
                return ending
            }
        }
    }

    fileprivate func handOver(_ batch: UnwrappedBatch) -> UnwrappedBatch {
        ready.put(.batch(batch))
        return free.take()
    }

    /// The worker thread's side: everything it touches, moved in whole.
    private final class Job: @unchecked Sendable {
        let source: ByteSource
        let reader: LineReader
        let envelope: EnvelopeReader
        let progress: ((Int) -> Void)?

        init(source: ByteSource, reader: LineReader, envelope: EnvelopeReader, progress: ((Int) -> Void)?) {
            (self.source, self.reader, self.envelope, self.progress) = (source, reader, envelope, progress)
        }

        func run(_ worker: EnvelopeWorker) -> Ending {
            // A local copy: the stage changes with every record, and a class property would be
            // checked for exclusive access each time.
            var envelope = self.envelope
            var out = Output(worker: worker, batch: worker.free.take())
            var failure: InputError?
            var last = 0
            do {
                try reader.forEachLine(in: source, progress: { [progress] in progress?($0 - last); last = $0 }) { line, number in
                    envelope.take(line, number: number, &out)
                }
            } catch {
                failure = error
            }
            envelope.finish(&out)
            if !out.batch.isEmpty { worker.ready.put(.batch(out.batch)) }
            return Ending(lines: reader.counts, envelope: envelope.counts, failure: failure)
        }
    }

    /// The envelope stage's output on the worker thread: appends to the current batch, handing
    /// it over when full; instances get slots 0, 1, 2, … in the order first named.
    private struct Output: EnvelopeOutput {
        let worker: EnvelopeWorker
        var batch: UnwrappedBatch
        var named: [String: Int] = [:]

        init(worker: EnvelopeWorker, batch: UnwrappedBatch) {
            self.worker = worker
            self.batch = batch
        }

        @inline(__always)
        mutating func line(_ bytes: UnsafeRawBufferPointer, slot: Int, number: Int) {
            batch.appendLine(bytes, slot: slot, number: number)
            if batch.isFull { batch = worker.handOver(batch) }
        }

        mutating func diagnostic(_ diagnostic: EventDiagnostic) {
            batch.appendDiagnostic(diagnostic)
            if batch.isFull { batch = worker.handOver(batch) }
        }

        mutating func instance(named name: String) -> Int {
            if let slot = named[name] { return slot }
            let slot = named.count
            named[name] = slot
            batch.appendInstance(named: name, slot: slot)
            return slot
        }
    }
}
