import Foundation
import Testing
@testable import JobscanCore

/// The next gzip file of an instance inflates ahead while the current one is parsed; the
/// analysis must be the one of reading the files one after another, damage included.
@Suite("Input: the next gzip file read ahead")
struct PrefetchTests {
    /// A fixture cut into rotated gzip files, the last one damaged when asked.
    static func rotated(_ damaged: Bool) throws -> (TemporaryDirectory, [String]) {
        let text = try String(contentsOfFile: Package.fixture("noise.log"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let dir = try TemporaryDirectory()
        var paths: [String] = []
        for (k, part) in [lines[0..<30], lines[30..<60], lines[60...]].enumerated() {
            var gz = try GzipFixture.compress(Array((part.joined(separator: "\n") + "\n").utf8))
            if damaged && k == 2 { gz.removeLast(12) }
            paths.append(try dir.write("app.log.\(3 - k).gz", gz))
        }
        return (dir, paths)
    }

    @Test("read ahead or not, the same analysis; damage in a read-ahead file keeps its offset", arguments: [false, true])
    func sameAnalysis(damaged: Bool) throws {
        let (dir, paths) = try Self.rotated(damaged)
        _ = dir
        func run(_ threaded: Bool) -> FleetAnalysis {
            analyzeFleet(paths.reversed()) { $0.threaded = threaded; $0.replay.stallThreshold = 1_500_000_000 }
        }
        let ahead = run(true), plain = run(false)
        #expect(JSONReport.render(ahead) == JSONReport.render(plain))
        #expect(ahead.instances.count == 1)
        #expect(ahead.input.files.map(\.name) == paths, "time order")
        if damaged {
            #expect(ahead.errors.count == 1)
            #expect(ahead.errors == plain.errors)
            if case .truncatedGzip(let path, _)? = ahead.errors.first { #expect(path == paths[2]) } else { Issue.record("\(ahead.errors)") }
        } else {
            let whole = analyzeFleet([Package.fixture("noise.log")]) { $0.replay.stallThreshold = 1_500_000_000 }
            #expect(HealthReport.render(ahead.instances[0].replay) == HealthReport.render(whole.instances[0].replay))
        }
    }
}
