import Foundation
@testable import JobscanCore

/// Paths into the package, found from this file's location so tests run from any directory.
enum Package {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Samples/fixtures")
    static let bad = root.appendingPathComponent("Samples/bad")

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// Every scenario of the oracle fixtures (a `.log`, a `.log.gz` and an `.expected.json` each).
    static let scenarios: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".expected.json") }.map { String($0.dropLast(".expected.json".count)) }.sorted()
    }()
}

/// A temporary directory removed when the value goes away.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("jobscan-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = url.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }
}

/// A ByteSource over memory that hands out at most `chunk` bytes per read, to split lines anywhere.
final class MemorySource: ByteSource {
    private let bytes: [UInt8]
    private let chunk: Int
    private var offset = 0
    private let failure: InputError?
    var consumedBytes: Int { offset }

    init(_ bytes: [UInt8], chunk: Int = .max, failingAtEndWith failure: InputError? = nil) {
        self.bytes = bytes
        self.chunk = max(1, chunk)
        self.failure = failure
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        let n = min(buffer.count, chunk, bytes.count - offset)
        if n == 0, let failure { throw failure }
        bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: n) }
        offset += n
        return n
    }
}

/// Collects lines as Strings (lossy) with their numbers.
func collectLines(_ source: ByteSource, maxLineBytes: Int = 1 << 20, readSize: Int = 256 * 1024,
                  readAhead: Bool = false) throws(InputError) -> (lines: [[UInt8]], numbers: [Int], counts: LineReader.Counts) {
    let reader = LineReader(maxLineBytes: maxLineBytes, readSize: readSize, readAhead: readAhead)
    var lines: [[UInt8]] = []
    var numbers: [Int] = []
    try reader.forEachLine(in: source) { line, number in
        lines.append(Array(line))
        numbers.append(number)
    }
    return (lines, numbers, reader.counts)
}

/// gzip via zlib's deflate, for tests that need compressed inputs built on the fly.
enum GzipFixture {
    static func compress(_ bytes: [UInt8]) throws -> [UInt8] {
        let dir = try TemporaryDirectory()
        let path = try dir.write("in", bytes)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "gzip -c -n '\(path)' > '\(path).gz'"]
        try p.run()
        p.waitUntilExit()
        return Array(try Data(contentsOf: URL(fileURLWithPath: path + ".gz")))
    }
}

/// Runs the analyzer over paths and returns the whole run's analysis.
func analyzeFleet(_ paths: [String], runSink: RunRecordSink? = nil, historySink: HistoryRecordSink? = nil,
                  configure: (inout Analyzer.Options) -> Void = { _ in }) -> FleetAnalysis {
    var options = Analyzer.Options()
    configure(&options)
    var runs: (@Sendable (String) -> RunRecordSink?)?
    if let runSink {
        let box = UncheckedSink(sink: runSink)
        runs = { _ in box.sink }
    }
    var history: (@Sendable (String) -> HistoryRecordSink?)?
    if let historySink {
        let box = UncheckedSink(sink: historySink)
        history = { _ in box.sink }
    }
    return Analyzer(options: options).analyze(paths.map { .path($0) }, runSink: runs, historySink: history)
}

/// Runs the analyzer over the paths of one instance and returns its analysis and the input errors.
func analyze(_ paths: [String], runSink: RunRecordSink? = nil, historySink: HistoryRecordSink? = nil,
             configure: (inout Analyzer.Options) -> Void = { _ in }) -> (Analysis, [InputError]) {
    let fleet = analyzeFleet(paths, runSink: runSink, historySink: historySink, configure: configure)
    precondition(fleet.instances.count == 1, "one instance expected, got \(fleet.instances.map(\.instance.name))")
    return (fleet.instances[0], fleet.errors)
}

/// A test's sink handed to the analyzer's reading thread (one world uses it at a time).
struct UncheckedSink<Sink>: @unchecked Sendable {
    let sink: Sink
}

extension Analysis {
    /// This instance alone as a whole run, for the reports that take one.
    var asFleet: FleetAnalysis {
        FleetAnalysis(instances: [self], input: input, evaluatedAt: replay.evaluatedAt, warnings: [])
    }
}

/// SplitMix64: a small deterministic generator for repeatable random test cases.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
