#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// The whole pipeline on arbitrary bytes, read as a plain file (unthreaded) and as a gzip file
/// (threaded): bytes and lines accounted, events + diagnostics + foreign + over-long = lines, and
/// the same analysis both ways.
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
            let i = a.analysis.input
            guard i.bytes == data.count else { return "\(name): \(i.bytes) bytes counted, \(data.count) given" }
            guard i.lines == independentLineCount(data) else { return "\(name): \(i.lines) lines counted, \(independentLineCount(data)) given" }
            guard i.eventCount + i.diagnosticCount + i.foreignLines + i.overlongLines == i.lines else {
                return "\(name): \(i.eventCount) events + \(i.diagnosticCount) diagnostics + \(i.foreignLines) foreign + \(i.overlongLines) over-long != \(i.lines) lines"
            }
            guard i.files.count == 1, i.errors.isEmpty else { return "\(name): input errors \(i.errors)" }
        }
        if let difference = difference(plain, zipped) { return "plain and gzip differ: \(difference)" }
        // Every report of one of them, for traps.
        _ = TableReport.render(plain.analysis, colour: true)
        _ = HealthReport.render(plain.analysis.replay)
        _ = JSONReport.render(plain.analysis)
        return nil
    }

    /// What must not depend on the encoding of the file (locations name it, so notes are
    /// compared by their text).
    private static func difference(_ a: (analysis: Analysis, runs: [RunRecord]), _ b: (analysis: Analysis, runs: [RunRecord])) -> String? {
        let (x, y) = (a.analysis.replay, b.analysis.replay)
        if x.jobs != y.jobs { return "jobs \(x.jobs) vs \(y.jobs)" }
        if x.lifetime != y.lifetime { return "lifetime \(x.lifetime) vs \(y.lifetime)" }
        if x.summary != y.summary || x.verdict != y.verdict { return "summary or verdict" }
        if x.epoch != y.epoch || x.evaluatedAt != y.evaluatedAt || x.eventsReplayed != y.eventsReplayed { return "epoch, instant or events replayed" }
        if x.crossCheck.checked != y.crossCheck.checked || x.crossCheck.agreed != y.crossCheck.agreed { return "cross-check" }
        if x.notes.map(\.text) != y.notes.map(\.text) { return "notes \(x.notes) vs \(y.notes)" }
        let (i, j) = (a.analysis.input, b.analysis.input)
        if i.events != j.events || i.diagnostics != j.diagnostics || i.foreignLines != j.foreignLines || i.overlongLines != j.overlongLines {
            return "input counts"
        }
        if a.runs != b.runs { return "timelines \(a.runs) vs \(b.runs)" }
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

    private final class Runs: RunRecordSink {
        var records: [RunRecord] = []
        func record(_ run: RunRecord) { records.append(run) }
    }

    private static func analyze(_ path: String, threaded: Bool) -> (analysis: Analysis, runs: [RunRecord]) {
        var options = Analyzer.Options()
        options.threaded = threaded
        // Small chunks and lines: inputs are a few KB, and chunk joins and over-long lines get hit.
        options.readSize = 1024
        options.maxLineBytes = 2048
        let runs = Runs()
        let analyzer = Analyzer(options: options, runSink: runs)
        analyzer.consume(path: path)
        return (analyzer.finish(), runs.records)
    }
}
