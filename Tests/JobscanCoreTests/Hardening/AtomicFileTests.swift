import Foundation
import Testing
@testable import JobscanCore

/// The textfile write leaves nothing behind, whatever happened to earlier writers.
@Suite("Hardening: atomic textfile writes leave nothing behind")
struct AtomicFileTests {
    @Test("a 250-byte file name works: the temporary name stays within NAME_MAX")
    func longName() throws {
        let dir = try TemporaryDirectory()
        let name = String(repeating: "n", count: 244) + ".prom"
        #expect(name.utf8.count == 249)
        for name in [name + "x", String(repeating: "é", count: 122) + ".prom"] {
            let path = dir.url.appendingPathComponent(name).path
            try AtomicFile.write(Array("a 1\n".utf8), to: path)
            try AtomicFile.write(Array("a 2\n".utf8), to: path)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "a 2\n")
            let temporary = (AtomicFile.temporaryPath(for: path) as NSString).lastPathComponent
            #expect(temporary.utf8.count <= 255)
            #expect(temporary.hasPrefix(".") && !temporary.hasSuffix(".prom"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).count == 2)
    }

    @Test("temporary files of processes that are gone are removed; a live process's are kept")
    func staleTemporaries() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url.appendingPathComponent("jobs.prom").path
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let dead = AtomicFile.temporaryPath(for: path, pid: gone.processIdentifier)
        let alive = AtomicFile.temporaryPath(for: path, pid: 1)
        let other = dir.url.appendingPathComponent(".other.prom.tmp.\(gone.processIdentifier)").path
        for file in [dead, alive, other] { _ = FileManager.default.createFile(atPath: file, contents: Data("half".utf8)) }
        try AtomicFile.write(Array("a 1\n".utf8), to: path)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: dir.url.path))
        #expect(left == ["jobs.prom", (alive as NSString).lastPathComponent, ".other.prom.tmp.\(gone.processIdentifier)"])
    }

    @Test("a writer killed with SIGKILL at any moment leaves no temporary file after the next write")
    func killedWriters() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url.appendingPathComponent("jobs.prom").path
        let log = Package.fixture("noise.log")
        for delay in [0, 20_000, 40_000, 60_000, 80_000] {
            let process = Process()
            process.executableURL = Package.root.appendingPathComponent(".build/debug/jobscan")
            guard FileManager.default.isExecutableFile(atPath: process.executableURL!.path) else { return }
            process.arguments = ["--textfile", path, log, log, log, log]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(delay))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try AtomicFile.write(Array("a 1\n".utf8), to: path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["jobs.prom"])
    }
}
