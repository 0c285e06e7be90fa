import Foundation
import Testing
@testable import JobscanCore

@Suite("Input: files, standard input and gzip")
struct InputTests {
    static let log = Array("""
        {"level":"info","ts":1795639535.9964654,"caller":"logger/logger.go:76","msg":"Job registered for monitoring","job_name":"a"}
        {"level":"info","ts":1795639535.9965925,"caller":"logger/logger.go:76","msg":"Job started","job_name":"a","start_time":"2026-11-25T20:45:35Z"}
        {"level":"info","ts":1795639536.2240467,"caller":"logger/logger.go:76","msg":"Job completed successfully","job_name":"a","duration":"227.38719ms"}

        """.utf8)

    private func readAll(_ path: String) throws(InputError) -> (format: InputOpener.Format, bytes: [UInt8]) {
        let (source, format) = try InputOpener.open(path)
        var out: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1000, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let n = try source.read(into: buffer)
            if n == 0 { break }
            out += buffer[0..<n]
        }
        return (format, out)
    }

    @Test("gzip is recognised by its magic bytes, not the name")
    func gzipByMagic() throws {
        let dir = try TemporaryDirectory()
        let gz = try GzipFixture.compress(Self.log)
        let hidden = try dir.write("rotated.log", gz)
        let plainNamedGz = try dir.write("plain.gz", Self.log)
        let a = try readAll(hidden)
        #expect(a.format == .gzip)
        #expect(a.bytes == Self.log)
        let b = try readAll(plainNamedGz)
        #expect(b.format == .plain)
        #expect(b.bytes == Self.log)
    }

    @Test("concatenated gzip members read as one stream")
    func multiMember() throws {
        let dir = try TemporaryDirectory()
        let half = Self.log.count / 2
        let members = try GzipFixture.compress(Array(Self.log[..<half])) + GzipFixture.compress(Array(Self.log[half...]))
            + GzipFixture.compress([])
        let path = try dir.write("multi.gz", members)
        #expect(try readAll(path).bytes == Self.log)
    }

    @Test("a truncated gzip file yields its data so far, then names the byte offset")
    func truncated() throws {
        let dir = try TemporaryDirectory()
        let big = Array(String(repeating: String(decoding: Self.log, as: UTF8.self), count: 200).utf8)
        let gz = try GzipFixture.compress(big)
        let cut = gz.count - 40
        let path = try dir.write("cut.gz", Array(gz[..<cut]))
        let (analysis, errors) = analyze([path])
        #expect(errors == [.truncatedGzip(path: path, offset: cut)])
        #expect(analysis.input.events[.jobStarted, default: 0] > 150)
        #expect(analysis.input.files[0].error == errors.first)
    }

    @Test("corrupt gzip data is an error naming the file and the offset; what came before is analysed")
    func corrupt() throws {
        let dir = try TemporaryDirectory()
        let good = try GzipFixture.compress(Self.log)
        var bad = try GzipFixture.compress(Self.log)
        // The first deflate block header follows the 10-byte gzip header; 0xFF makes it an invalid block type.
        bad[10] = 0xFF
        let path = try dir.write("bad.gz", good + bad)
        let (analysis, errors) = analyze([path])
        guard case .corruptGzip(let p, let offset, let reason)? = errors.first else {
            Issue.record("expected a corrupt-gzip error, got \(errors)")
            return
        }
        #expect(p == path)
        #expect(offset == good.count + 11)
        #expect(reason == GzipInflaterTests.invalidBlockReason(.builtIn))
        #expect(analysis.input.events[.jobStarted] == 1)
        #expect(analysis.input.lines == 3)
    }

    @Test("trailing garbage after a member is damage, not silently ignored")
    func trailingGarbage() throws {
        let dir = try TemporaryDirectory()
        let gz = try GzipFixture.compress(Self.log)
        let path = try dir.write("junk.gz", gz + Array("not gzip".utf8))
        let (analysis, errors) = analyze([path])
        #expect(errors == [.corruptGzip(path: path, offset: gz.count, reason: "trailing data after a gzip member is not gzip")])
        #expect(analysis.input.events[.jobCompleted] == 1)
    }

    @Test("a missing file and a directory without logs are one-line errors")
    func unreadable() throws {
        let dir = try TemporaryDirectory()
        let missing = dir.url.appendingPathComponent("nope.log").path
        let (_, errors) = analyze([missing, dir.url.path])
        #expect(errors == [.cannotOpen(path: missing, reason: "No such file or directory"),
                           .cannotOpen(path: dir.url.path, reason: "is a directory with no log files in it")])
        #expect(errors[0].description == "\(missing): cannot open: No such file or directory")
    }

    @Test("an empty file reads as no lines and no events")
    func emptyFile() throws {
        let dir = try TemporaryDirectory()
        let (analysis, errors) = analyze([try dir.write("empty.log", [])])
        #expect(errors.isEmpty)
        #expect(analysis.input.lines == 0)
        #expect(analysis.input.eventCount == 0)
    }

    @Test("files are read in the order given and add up")
    func manyFiles() throws {
        let dir = try TemporaryDirectory()
        let a = try dir.write("a.log", Self.log)
        let b = try dir.write("b.log.gz", try GzipFixture.compress(Self.log))
        let (analysis, _) = analyze([a, b])
        #expect(analysis.input.files.map(\.name) == [a, b])
        #expect(analysis.input.lines == 6)
        #expect(analysis.input.events[.jobCompleted] == 2)
        // The second file registers "a" again: a new process, as far as the log can tell.
        #expect(analysis.replay.restarts.count == 1)
        #expect(analysis.replay.jobs.first?.successCount == 1)
        #expect(analysis.replay.lifetime.first?.successes == 2)
    }
}
