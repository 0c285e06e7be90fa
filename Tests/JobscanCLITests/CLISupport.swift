import Foundation

/// Runs the built `jobscan` binary, as a user would, from the package root.
enum CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The binary `swift build` put next to this test bundle.
    static let binary: URL = {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ].compactMap { $0 }.map { $0.appendingPathComponent("jobscan") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
            ?? packageRoot.appendingPathComponent(".build/debug/jobscan")
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: Data
    }

    static func run(_ arguments: [String], subcommand: String? = nil, stdin: Data? = nil,
                    environment: [String: String] = [:], in directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = (subcommand.map { [$0] } ?? []) + arguments
        process.currentDirectoryURL = directory ?? packageRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        // The table's width comes from COLUMNS when stdout is no terminal: not the caller's.
        env["COLUMNS"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        // Files, not pipes: a child that writes a lot cannot block on a full pipe.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobscan-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let outURL = dir.appendingPathComponent("out"), errURL = dir.appendingPathComponent("err")
        let inURL = dir.appendingPathComponent("in")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: inURL.path, contents: stdin ?? Data())
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let input = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        process.waitUntilExit()
        try out.close(); try err.close(); try input.close()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: outData)
    }

    static func fixture(_ name: String) -> String { "Samples/fixtures/\(name)" }

    /// Every oracle scenario in Samples/fixtures (each has a `.log`, a `.log.gz` and an `.expected.json`).
    static let scenarios: [String] = {
        let dir = packageRoot.appendingPathComponent("Samples/fixtures").path
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(".expected.json") }.map { String($0.dropLast(".expected.json".count)) }.sorted()
    }()

    /// The monitor settings a scenario was recorded with (from its expected.json), as options.
    static func settings(_ scenario: String) throws -> [String] {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent(fixture("\(scenario).expected.json")))
        let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        return ["--stall-threshold", "\(json["stall_threshold_ns"]!)ns", "--retention", "\(json["retention_period_ns"]!)ns"]
    }
}
