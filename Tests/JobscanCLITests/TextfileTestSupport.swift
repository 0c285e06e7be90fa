import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs other programs (promtool, node_exporter, jobscan under a given umask) and scrapes HTTP.
enum TextfileTool {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` to its end with stdin from `stdinPath` (or empty), output captured in files.
    static func run(_ executable: String, _ arguments: [String], stdinPath: String? = nil,
                    directory: URL = CLI.packageRoot) throws -> Result {
        let dir = try TextfileScratch()
        let out = dir.path("out"), err = dir.path("err"), empty = dir.path("in")
        for p in [out, err, empty] { _ = FileManager.default.createFile(atPath: p, contents: nil) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let o = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        let e = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        let i = try FileHandle(forReadingFrom: URL(fileURLWithPath: stdinPath ?? empty))
        process.standardOutput = o
        process.standardError = e
        process.standardInput = i
        try process.run()
        process.waitUntilExit()
        try o.close(); try e.close(); try i.close()
        return Result(status: process.terminationStatus,
                      stdout: try String(contentsOfFile: out, encoding: .utf8),
                      stderr: try String(contentsOfFile: err, encoding: .utf8))
    }

    /// jobscan with its arguments, run from the package root.
    static func jobscan(_ arguments: [String]) throws -> Result {
        try run(CLI.binary.path, arguments)
    }

    /// jobscan under `umask 077`, which would make an ordinary new file 0600.
    static func jobscan(umask mask: String, _ arguments: [String]) throws -> Result {
        try run("/bin/sh", ["-c", "umask \(mask) && exec \"$0\" \"$@\"", CLI.binary.path] + arguments)
    }

    /// The first of these executables that exists.
    static func locate(_ names: [String]) -> String? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in names {
            for dir in dirs + ["/usr/bin", "/usr/sbin"] {
                let path = dir + "/" + name
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }
}

/// A temporary directory removed when the value goes away.
final class TextfileScratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("jobscan-textfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// A real node_exporter on loopback with only the textfile collector, stopped when the value goes away.
final class TextfileNodeExporter {
    let port: UInt16
    private let scratch: TextfileScratch
    private let errURL: URL

    /// Starts node_exporter over `directory` and waits (bounded) until it answers on its port.
    init(executable: String, directory: String) throws {
        scratch = try TextfileScratch()
        errURL = URL(fileURLWithPath: scratch.path("stderr"))
        var lastError = "did not start"
        for _ in 0..<3 {
            let port = try Self.freePort()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = [
                "--web.listen-address=127.0.0.1:\(port)", "--collector.disable-defaults", "--collector.textfile",
                "--collector.textfile.directory=\(directory)", "--web.disable-exporter-metrics",
            ]
            _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
            let err = try FileHandle(forWritingTo: errURL)
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            try err.close()
            // Up to 10 s for the listener; a process that exits (port taken meanwhile) gets another port.
            for _ in 0..<200 where process.isRunning {
                if Self.canConnect(port) {
                    self.port = port
                    self.processHandle = process
                    return
                }
                usleep(50_000)
            }
            if process.isRunning { process.terminate(); process.waitUntilExit() }
            lastError = (try? String(contentsOf: errURL, encoding: .utf8)) ?? lastError
        }
        throw TextfileTestFailure("node_exporter did not listen: \(lastError)")
    }

    private var processHandle: Process?

    deinit { stop() }

    func stop() {
        guard let p = processHandle else { return }
        processHandle = nil
        if p.isRunning {
            p.terminate()
            p.waitUntilExit()
        }
    }

    /// What node_exporter wrote on stderr so far (it logs gathering errors there).
    var log: String { (try? String(contentsOf: errURL, encoding: .utf8)) ?? "" }

    /// GET /metrics over a plain socket (HTTP/1.0, no compression): the body as text.
    func scrape() throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TextfileTestFailure("socket: \(errno)") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = Self.loopback(port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw TextfileTestFailure("connect: \(errno)") }
        let request = Array("GET /metrics HTTP/1.0\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/plain\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == request.count else {
            throw TextfileTestFailure("send: \(errno)")
        }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { throw TextfileTestFailure("recv: \(errno)") }
            if n == 0 { break }
            response += buffer[0..<n]
        }
        let text = String(decoding: response, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw TextfileTestFailure("no HTTP header end") }
        let head = text[..<split.lowerBound]
        guard head.hasPrefix("HTTP/1.0 200") || head.hasPrefix("HTTP/1.1 200") else {
            throw TextfileTestFailure("HTTP status: \(head.prefix(40))")
        }
        return String(text[split.upperBound...])
    }

    private static func loopback(_ port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }

    /// A port the kernel just handed out on loopback (free now, most likely still free a moment later).
    private static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TextfileTestFailure("socket: \(errno)") }
        defer { close(fd) }
        var address = loopback(0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw TextfileTestFailure("bind: \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
    }

    private static func canConnect(_ port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }
}

struct TextfileTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
