#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// The whole pipeline on arbitrary bytes, read as a plain file (unthreaded) and as a gzip file
/// (threaded), in whatever shape the bytes sniff as (plain zap, or a container shape whose
/// envelope stage then runs): bytes and lines accounted, events + diagnostics + foreign +
/// over-long + joined partial records = lines, and the same analysis both ways.
enum PipelineInvariants {
    static func check(_ data: [UInt8]) -> String? {
        guard let gzip = GzipInvariants.compress(data) else { return "deflate failed" }
        let plainPath = directory + "/app.log"
        let gzipPath = directory + "/app.log.gz"
        mkdir(directory, 0o700)
        guard write(data, to: plainPath), write(gzip, to: gzipPath) else { return "cannot write the inputs in \(directory)" }
        let plain = analyze(plainPath, threaded: false)
        let zipped = analyze(gzipPath, threaded: true)
        // Nothing left behind.
        unlink(plainPath)
        unlink(gzipPath)
        rmdir(directory)
        for (name, a) in [("plain", plain), ("gzip", zipped)] {
            let i = a.fleet.input
            guard i.bytes == data.count else { return "\(name): \(i.bytes) bytes counted, \(data.count) given" }
            guard i.lines == independentLineCount(data) else { return "\(name): \(i.lines) lines counted, \(independentLineCount(data)) given" }
            guard i.eventCount + i.diagnosticCount + i.foreignLines + i.overlongLines + i.joinedRecords == i.lines else {
                return "\(name): \(i.eventCount) events + \(i.diagnosticCount) diagnostics + \(i.foreignLines) foreign + \(i.overlongLines) over-long + \(i.joinedRecords) joined != \(i.lines) lines"
            }
            guard i.files.count == 1, i.errors.isEmpty else { return "\(name): input errors \(i.errors)" }
            let instanceEvents = a.fleet.instances.reduce(0) { $0 + $1.input.eventCount }
            guard instanceEvents == i.eventCount else { return "\(name): the instances hold \(instanceEvents) events, the input \(i.eventCount)" }
        }
        guard plain.fleet.instances.map(\.instance) == zipped.fleet.instances.map(\.instance) else {
            return "plain and gzip differ in instances: \(plain.fleet.instances.map(\.instance)) vs \(zipped.fleet.instances.map(\.instance))"
        }
        for (x, y) in zip(plain.fleet.instances, zipped.fleet.instances) {
            if let difference = difference(x, y) { return "plain and gzip differ in \(x.instance.name): \(difference)" }
        }
        if plain.runs != zipped.runs { return "timelines \(plain.runs) vs \(zipped.runs)" }
        // Every report of one of them, for traps.
        _ = TableReport.render(plain.fleet, colour: true)
        for analysis in plain.fleet.instances { _ = HealthReport.render(analysis.replay) }
        _ = JSONReport.render(plain.fleet)
        return nil
    }

    /// What must not depend on the encoding of the file (locations name it, so notes are
    /// compared by their text).
    private static func difference(_ a: Analysis, _ b: Analysis) -> String? {
        let (x, y) = (a.replay, b.replay)
        if x.jobs != y.jobs { return "jobs \(x.jobs) vs \(y.jobs)" }
        if x.lifetime != y.lifetime { return "lifetime \(x.lifetime) vs \(y.lifetime)" }
        if x.summary != y.summary || x.verdict != y.verdict { return "summary or verdict" }
        if x.epoch != y.epoch || x.evaluatedAt != y.evaluatedAt || x.eventsReplayed != y.eventsReplayed { return "epoch, instant or events replayed" }
        if x.crossCheck.checked != y.crossCheck.checked || x.crossCheck.agreed != y.crossCheck.agreed { return "cross-check" }
        if x.notes.map(\.text) != y.notes.map(\.text) { return "notes \(x.notes) vs \(y.notes)" }
        let (i, j) = (a.input, b.input)
        if i.events != j.events || i.diagnostics != j.diagnostics || i.foreignLines != j.foreignLines || i.overlongLines != j.overlongLines {
            return "input counts"
        }
        return nil
    }

    /// One scratch directory per process, in memory where there is /dev/shm.
    private static let directory: String = {
        let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : FileManager.default.temporaryDirectory.path
        return base + "/jobscan-fuzz-\(getpid())"
    }()

    /// Plain write(2) to a new file (truncating one makes ext4 flush it at close): no fsync, no
    /// Foundation, as the input is read back at once.
    private static func write(_ bytes: [UInt8], to path: String) -> Bool {
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == bytes.count
    }

    /// The runs of one world. Each world has a sink of its own, as in the tool: threaded, the
    /// worlds of a multiplexed input replay on threads of their own, at the same time.
    private final class Runs: RunRecordSink, @unchecked Sendable {
        var records: [RunRecord] = []
        func record(_ run: RunRecord) { records.append(run) }
    }

    private final class RunsByInstance: @unchecked Sendable {
        let sinks = Mutex<[String: Runs]>([:])
        func sink(_ name: String) -> Runs {
            sinks.withLock { sinks in
                if let sink = sinks[name] { return sink }
                let sink = Runs()
                sinks[name] = sink
                return sink
            }
        }
    }

    /// The analysis and every world's runs, in instance name order.
    private static func analyze(_ path: String, threaded: Bool) -> (fleet: FleetAnalysis, runs: [RunRecord]) {
        var options = Analyzer.Options()
        options.threaded = threaded
        // Small chunks and lines: inputs are a few KB, and chunk joins and over-long lines get hit.
        options.readSize = 1024
        options.maxLineBytes = 2048
        let runs = RunsByInstance()
        let fleet = Analyzer(options: options).analyze([.path(path)], runSink: { runs.sink($0) })
        let records = runs.sinks.withLock { sinks in sinks.sorted { $0.key < $1.key }.flatMap(\.value.records) }
        return (fleet, records)
    }
}
