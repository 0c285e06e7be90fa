import Foundation
import Testing
@testable import JobscanCore

@Suite("Textfile: options, families, histograms, atomic write")
struct TextfileTests {
    // MARK: Options

    @Test("--label key=value: the value keeps every character after the first =")
    func labelParsing() throws {
        let label = try TextfileLabel(parsing: "instance=eu-1=b \"x\"")
        #expect(label.name == "instance")
        #expect(label.value == "eu-1=b \"x\"")
        #expect(try TextfileLabel(parsing: "_a9=ü").value == "ü")
    }

    @Test("bad --label and --metrics-prefix are one clear line each", arguments: [
        ("noequals", "expected key=value"),
        ("1x=a", "must match [a-zA-Z_][a-zA-Z0-9_]*"),
        ("a-b=a", "must match [a-zA-Z_][a-zA-Z0-9_]*"),
        ("=a", "must match [a-zA-Z_][a-zA-Z0-9_]*"),
        ("__x=a", "reserved for Prometheus"),
        ("instance=", "empty value"),
    ])
    func badLabel(text: String, message: String) {
        #expect { try TextfileLabel(parsing: text) } throws: { error in
            let description = (error as? TextfileOptionError)?.description ?? ""
            return description.contains(message) && !description.contains("\n")
        }
    }

    @Test("constant labels may not take jobscan's own label names nor repeat")
    func labelClashes() throws {
        for name in ["job_name", "status", "date", "error", "error_type", "kind", "reason", "result", "le"] {
            #expect(throws: TextfileOptionError.self) {
                try TextfileOptions(constantLabels: [TextfileLabel(name: name, value: "x")])
            }
        }
        let a = try TextfileLabel(name: "instance", value: "a"), b = try TextfileLabel(name: "instance", value: "b")
        #expect { try TextfileOptions(constantLabels: [a, b]) } throws: { ($0 as? TextfileOptionError)?.description.contains("given twice") == true }
        #expect(throws: TextfileOptionError.self) { try TextfileOptions(metricsPrefix: "icy-backend") }
        #expect(throws: TextfileOptionError.self) { try TextfileOptions(metricsPrefix: "9icy") }
        #expect(try TextfileOptions(metricsPrefix: "").serviceName("jobs_health") == "jobs_health")
        #expect(try TextfileOptions(metricsPrefix: "acme:svc").serviceName("jobs_health") == "acme:svc_jobs_health")
    }

    // MARK: Families

    @Test("families follow the catalogue; counters are lifetime totals, state gauges the since-restart view")
    func familiesOfRestart() throws {
        let (analysis, errors) = analyze([Package.fixture("restart.log")]) { $0.replay.stallThreshold = 1_500_000_000 }
        #expect(errors.isEmpty)
        let options = try TextfileOptions(constantLabels: [TextfileLabel(name: "instance", value: "eu-1")])
        let families = TextfileReport.families(analysis.asFleet, options: options)
        let names = families.map(\.name)
        let catalogue = TextfileCatalogue.all.map { $0.fullName(options) }
        #expect(names == catalogue.filter(names.contains), "catalogue order")
        #expect(Set(names).count == names.count)
        for family in families {
            #expect(family.name == family.metric.fullName(options))
            for series in family.series {
                // The instance label, jobscan's labels in catalogue order, then the constant labels.
                let instance = family.metric.perInstance ? [TextfileOptions.defaultInstanceLabel] : []
                #expect(series.labels.map(\.0) == instance + family.metric.labels + ["instance"], "\(family.name)")
                #expect(series.labels.last?.1 == "eu-1")
            }
        }
        func values(_ metric: TextfileMetric) -> [String: TextfileValue] {
            let family = families.first { $0.metric == metric }
            return Dictionary(uniqueKeysWithValues: (family?.series ?? []).map { s in
                (s.labels.dropFirst().dropLast().map(\.1).joined(separator: "|"), s.value)
            })
        }
        // btc_pending_transaction_processing ran only before the restart: in the counters, not in the state.
        let lifetime = analysis.replay.lifetime.map(\.jobName)
        let current = analysis.replay.jobs.map(\.jobName)
        #expect(lifetime.contains("btc_pending_transaction_processing") && !current.contains("btc_pending_transaction_processing"))
        #expect(Set(values(TextfileCatalogue.timeouts).keys) == Set(lifetime))
        #expect(Set(values(TextfileCatalogue.consecutiveFailures).keys) == Set(current))
        let runs = values(TextfileCatalogue.runs)
        for t in analysis.replay.lifetime {
            #expect(runs[t.jobName + "|success"] == .count(t.successes))
            #expect(runs[t.jobName + "|error"] == .count(t.failures))
        }
        #expect(values(TextfileCatalogue.restarts)[""] == .count(1))
        #expect(values(TextfileCatalogue.active)[""] == .gauge(1))
        let status = values(TextfileCatalogue.status)
        #expect(status["swap_request_processing|running"] == .gauge(1))
        #expect(status["swap_request_processing|success"] == .gauge(0))
        #expect(values(TextfileCatalogue.health)["healthy"] == .gauge(1))
        #expect(values(TextfileCatalogue.healthStatus)[""] == .gauge(0))
    }

    @Test("no job event read: the verdict is unknown (3), as the exit status")
    func unknownVerdict() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("empty.log", "")
        let (analysis, _) = analyze([path])
        let families = TextfileReport.families(analysis.asFleet, options: try TextfileOptions())
        let health = families.first { $0.metric == TextfileCatalogue.healthStatus }
        #expect(health?.series.first?.value == .gauge(3))
        let set = families.first { $0.metric == TextfileCatalogue.health }
        #expect(set?.series.filter { $0.value == .gauge(1) }.map(\.labels[1].1) == ["unknown"])
        #expect(!families.contains { $0.metric == TextfileCatalogue.runs }, "no job, no per-job family")
    }

    @Test("an error text longer than the limit is cut on a character boundary")
    func truncation() {
        let long = String(repeating: "é", count: 2000)
        let cut = TextfileReport.truncated(long)
        #expect(cut.utf8.count <= TextfileReport.errorLabelLimit)
        #expect(cut.hasSuffix("…") && cut.dropLast().allSatisfy { $0 == "é" })
        #expect(TextfileReport.truncated("short") == "short")
    }

    // MARK: Histograms

    /// Observations as swift-prometheus would bucket them: cumulative counts over the bounds, count, sum.
    private func replayed(_ observations: [(Int64, Int)]) -> (cumulative: [Int], count: Int, sum: Int128) {
        let bounds = DurationHistogram.bucketBounds.map { Int64($0) * 1_000_000_000 }
        var cumulative = [Int](repeating: 0, count: bounds.count)
        var count = 0
        var sum: Int128 = 0
        for (value, repeats) in observations {
            for (i, bound) in bounds.enumerated() where value <= bound { cumulative[i] += repeats }
            count += repeats
            sum += Int128(value) * Int128(repeats)
        }
        return (cumulative, count, sum)
    }

    private func cumulative(_ h: DurationHistogram) -> [Int] {
        var running = 0
        return h.bucketCounts.dropLast().map { running += $0; return running }
    }

    @Test("stored buckets and sum are reproduced exactly by the recorded observations")
    func histogramReconstruction() {
        var generator = SplitMix64(seed: 0x5EED)
        let edges: [Int64] = [0, 1, 999_999_999, 1_000_000_000, 1_000_000_001, 5_000_000_000, 1_800_000_000_000,
                              1_800_000_000_001, 7_200_000_000_000, -3_000_000]
        var cases: [[Int64]] = [[], edges, [1_000_000_000], [1_800_000_000_001], [-5, 2_000_000_000]]
        for _ in 0..<300 {
            let n = Int(generator.next() % 40)
            cases.append((0..<n).map { _ in
                switch generator.next() % 4 {
                case 0: return Int64(generator.next() % 1_000_000_000)  // sub-second, the common case
                case 1: return Int64(generator.next() % 2_000_000_000_000)  // anywhere up to +Inf
                case 2: return edges[Int(generator.next() % UInt64(edges.count))]
                default: return DurationHistogram.bucketBounds.map { Int64($0) * 1_000_000_000 }[Int(generator.next() % 8)]
                }
            })
        }
        for durations in cases {
            var h = DurationHistogram()
            for d in durations { h.observe(d) }
            let observations = TextfileExposition.observations(reproducing: h)
            let r = replayed(observations)
            #expect(r.cumulative == cumulative(h), "\(durations)")
            #expect(r.count == h.count)
            #expect(r.sum == h.sum, "\(durations)")
        }
    }

    @Test("the histogram's text: buckets le 1…1800 and +Inf, exact sum in seconds, count")
    func histogramText() throws {
        var h = DurationHistogram()
        for d: Int64 in [250_000_000, 1_000_000_000, 4_000_000_001, 45_000_000_000, 3_600_000_000_000] { h.observe(d) }
        let family = TextfileFamily(metric: TextfileCatalogue.duration, name: "x_duration_seconds",
                                    series: [TextfileSeries(labels: [("job_name", "j"), ("status", "success")], value: .histogram(h))])
        let text = String(decoding: TextfileExposition.render([family]), as: UTF8.self)
        let expected = """
            # HELP x_duration_seconds \(TextfileCatalogue.duration.help)
            # TYPE x_duration_seconds histogram
            x_duration_seconds_bucket{job_name="j",status="success",le="1.0"} 2
            x_duration_seconds_bucket{job_name="j",status="success",le="5.0"} 3
            x_duration_seconds_bucket{job_name="j",status="success",le="10.0"} 3
            x_duration_seconds_bucket{job_name="j",status="success",le="30.0"} 3
            x_duration_seconds_bucket{job_name="j",status="success",le="60.0"} 4
            x_duration_seconds_bucket{job_name="j",status="success",le="300.0"} 4
            x_duration_seconds_bucket{job_name="j",status="success",le="600.0"} 4
            x_duration_seconds_bucket{job_name="j",status="success",le="1800.0"} 4
            x_duration_seconds_bucket{job_name="j",status="success",le="+Inf"} 5
            x_duration_seconds_sum{job_name="j",status="success"} 3650.250000001
            x_duration_seconds_count{job_name="j",status="success"} 5

            """
        #expect(text == expected)
    }

    @Test("one HELP and TYPE per family, series in a stable order, no timestamps")
    func stableText() throws {
        let (analysis, _) = analyze([Package.fixture("noise.log")])
        let options = try TextfileOptions(constantLabels: [TextfileLabel(name: "host", value: "h1")])
        let first = TextfileReport.render(analysis.asFleet, options: options)
        #expect(TextfileReport.render(analysis.asFleet, options: options) == first)
        let lines = String(decoding: first, as: UTF8.self).split(separator: "\n")
        let types = lines.filter { $0.hasPrefix("# TYPE ") }
        #expect(types.count == Set(types).count)
        #expect(types.count == lines.filter { $0.hasPrefix("# HELP ") }.count)
        for line in lines where !line.hasPrefix("#") {
            // `name{labels} value`: the value is the only field after the closing brace.
            let afterLabels = line.split(separator: "}").last!
            #expect(afterLabels.split(separator: " ").count == 1, "\(line)")
            #expect(line.contains("host=\"h1\""), "\(line)")
        }
    }

    // MARK: Atomic write

    private func mode(_ path: String) -> mode_t {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode & 0o7777 : 0
    }

    @Test("the file is replaced by a rename, mode 0644, no temporary file left")
    func atomicReplace() throws {
        let dir = try TemporaryDirectory()
        let path = dir.url.appendingPathComponent("x.prom").path
        try AtomicFile.write(Array("old\n".utf8), to: path)
        var before = stat()
        stat(path, &before)
        try AtomicFile.write(Array("new\n".utf8), to: path)
        var after = stat()
        stat(path, &after)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new\n")
        #expect(before.st_ino != after.st_ino, "a new inode: renamed over, not rewritten in place")
        #expect(mode(path) == 0o644)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["x.prom"])
        #expect(AtomicFile.temporaryPath(for: "/a/b/x.prom") == "/a/b/.x.prom.tmp.\(getpid())")
        #expect(AtomicFile.temporaryPath(for: "x.prom") == ".x.prom.tmp.\(getpid())")
    }

    @Test("a failure leaves the target as it was and no temporary file")
    func atomicFailure() throws {
        let dir = try TemporaryDirectory()
        let missing = dir.url.appendingPathComponent("no/such/x.prom").path
        #expect { try AtomicFile.write([1], to: missing) } throws: { error in
            let e = error as? AtomicFileError
            return e?.code == ENOENT && e?.description.hasPrefix(missing + ": cannot create ") == true
        }
        // A directory in the way: the rename fails after the temporary file was written.
        let blocked = dir.url.appendingPathComponent("blocked.prom")
        try FileManager.default.createDirectory(at: blocked.appendingPathComponent("inside"), withIntermediateDirectories: true)
        #expect { try AtomicFile.write(Array("x".utf8), to: blocked.path) } throws: { error in
            (error as? AtomicFileError)?.step.hasPrefix("cannot rename") == true
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["blocked.prom"])
    }

    // MARK: Documentation

    @Test("the README documents every metric of the textfile")
    func documented() throws {
        let candidates = ["README.md"].map { Package.root.appendingPathComponent($0).path }
        let texts = candidates.compactMap { try? String(contentsOfFile: $0, encoding: .utf8) }
        let doc = try #require(texts.first { $0.contains("jobscan_evaluation_timestamp_seconds") }, "no metric section")
        let options = try TextfileOptions()
        for metric in TextfileCatalogue.all {
            #expect(doc.contains("`\(metric.fullName(options))`"), "\(metric.fullName(options)) undocumented")
        }
    }
}
