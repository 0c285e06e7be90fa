import Foundation
import Testing

/// Not a timed test: proves that the corpus generator and the benchmark script work end to end
/// on a small corpus (the speed targets are measured by `Benchmarks/run.sh` at 1 GiB).
@Suite("Benchmarks: the generator and the benchmark run on a small corpus")
struct BenchmarkSmokeTests {
    @Test("the generator is deterministic and jobscan counts what it wrote")
    func generator() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobscan-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, encoding) in [("a.log", "json"), ("b.log", "json"), ("c.log", "console")] {
            let status = try Shell.run("python3", ["Benchmarks/generate_corpus.py", "--size", "2M", "--seed", "7", "--encoding", encoding,
                                                   "--gzip", "--gzip-members", "2", "--quiet", "--out", dir.appendingPathComponent(name).path])
            #expect(status == 0)
        }
        let a = try Data(contentsOf: dir.appendingPathComponent("a.log"))
        #expect(a == (try Data(contentsOf: dir.appendingPathComponent("b.log"))))
        #expect(a.count >= 2 << 20)
        let counts = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("a.log.counts.json"))) as! [String: Any]
        for file in ["a.log", "a.log.gz", "c.log", "c.log.gz"] {
            let result = try CLI.run(["--format", "json", dir.appendingPathComponent(file).path])
            #expect(result.status != 3, "\(file): \(result.stderr)")
            let document = try JSONSerialization.jsonObject(with: result.stdoutBytes) as! [String: Any]
            let input = document["input"] as! [String: Any]
            #expect(input["diagnostics"] as? Int == 0, "\(file)")
            if file.hasPrefix("a") {
                #expect(input["lines"] as? Int == counts["lines"] as? Int, "\(file)")
                let byKind = input["events_by_kind"] as! [String: Int]
                let generated = counts["messages"] as? [String: Int] ?? [:]
                #expect(byKind["job_started"] == generated["Job started"], "\(file)")
                #expect(byKind["job_failed"] == generated["Job failed"], "\(file)")
                // Lifetime totals across the corpus's restarts equal what the generator wrote.
                let lifetime = (document["instances"] as! [[String: Any]])[0]["lifetime"] as! [String: [String: Any]]
                let jobs = counts["jobs"] as! [String: [String: Any]]
                #expect(Set(lifetime.keys) == Set(jobs.keys))
                for (job, written) in jobs {
                    #expect(lifetime[job]?["successes"] as? Int == written["success"] as? Int, "\(file) \(job)")
                    #expect(lifetime[job]?["failures"] as? Int == written["failure"] as? Int, "\(file) \(job)")
                    #expect(lifetime[job]?["timeouts"] as? Int == written["timeouts"] as? Int, "\(file) \(job)")
                }
            }
        }
    }

    @Test("Benchmarks/run.sh runs every baseline and jobscan, and writes its report")
    func benchmark() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobscan-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = dir.appendingPathComponent("RESULTS.md")
        let status = try Shell.run("bash", ["Benchmarks/run.sh", "--size", "3M", "--runs", "1", "--warmup", "0", "--no-build",
                                            "--jobscan", CLI.binary.path, "--workdir", dir.appendingPathComponent("work").path,
                                            "--out", report.path])
        #expect(status == 0)
        let text = try String(contentsOf: report, encoding: .utf8)
        for needle in ["wc -l", "grep -c", "zcat", "igzip -dc", "jq", "jobscan", "jobscan wall / `igzip -dc` wall"] {
            #expect(text.contains(needle), "\(needle)")
        }
    }

    @Test("Benchmarks/shapes.sh wraps the corpus in every shape, times them interleaved, and writes its report")
    func shapes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jobscan-shapes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = dir.appendingPathComponent("SHAPES.md")
        let status = try Shell.run("bash", ["Benchmarks/shapes.sh", "--size", "2M", "--runs", "2", "--jobscan", CLI.binary.path,
                                            "--workdir", dir.appendingPathComponent("work").path, "--out", report.path])
        #expect(status == 0)
        let text = try String(contentsOf: report, encoding: .utf8)
        for needle in ["| plain |", "| kubectl |", "| cri |", "| docker |", "| journald |", "| logcli |", "together, median wall", "Peak RSS"] {
            #expect(text.contains(needle), "\(needle)")
        }
        let timings = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("work/shapes.json"))) as! [String: [String: Any]]
        #expect(timings["logcli"]?["wall"] as? [Double] != nil && (timings["logcli"]!["wall"] as! [Double]).count == 2)
    }
}

/// Runs a command from the package root, its output discarded; returns the exit status.
enum Shell {
    static func run(_ command: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + arguments
        process.currentDirectoryURL = CLI.packageRoot
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("jobscan-shell-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        if process.terminationStatus != 0 {
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            print("\(command) \(arguments.joined(separator: " ")) exited \(process.terminationStatus):\n\(output.suffix(2000))")
        }
        return process.terminationStatus
    }
}
