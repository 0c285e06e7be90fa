import Foundation

/// Debian's `chromium`, headless, for the HTML report's tests: the DOM after the page's script
/// ran. Nil `path` when chromium is not on PATH (the browser tests are then skipped).
enum HeadlessBrowser {
    static let path: String? = {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return dirs.map { "\($0)/chromium" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let skipMessage = "chromium is not on PATH: the HTML report's browser checks are skipped (apt-get install -y chromium)"

    /// The serialised DOM of `file` after its scripts ran.
    static func dom(of file: URL) throws -> String {
        guard let path else { throw BrowserMissing() }
        // A profile of its own: tests run in parallel, and chromium locks its profile directory.
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("jobscan-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let out = profile.appendingPathComponent("dom.html")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        let handle = try FileHandle(forWritingTo: out)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
                             "--window-size=1400,1000", "--virtual-time-budget=5000", "--dump-dom", file.absoluteString]
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return String(decoding: try Data(contentsOf: out), as: UTF8.self)
    }

    struct BrowserMissing: Error {}
}
