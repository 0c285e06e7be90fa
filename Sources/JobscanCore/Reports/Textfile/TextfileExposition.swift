import Prometheus

/// Renders metric families as Prometheus text exposition (format 0.0.4) with swift-prometheus, which
/// writes the HELP and TYPE lines, escapes label values and lays out histograms. No sample carries a
/// timestamp (the textfile collector refuses them).
///
/// swift-prometheus emits a registry's families and series in hash order; a textfile that changes
/// only when the state changes is easier to diff and to test, so each series is rendered by its own
/// registry and the outputs are joined in catalogue order, keeping the `#` lines of a family's first
/// series only.
public enum TextfileExposition {
    public static func render(_ families: [TextfileFamily]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 * 1024)
        for family in families {
            for (index, series) in family.series.enumerated() {
                var buffer: [UInt8] = []
                emit(series, of: family, into: &buffer)
                if index == 0 {
                    out += buffer
                } else {
                    out += withoutComments(buffer)
                }
            }
        }
        return out
    }

    private static func emit(_ series: TextfileSeries, of family: TextfileFamily, into buffer: inout [UInt8]) {
        let registry = PrometheusCollectorRegistry()
        let descriptor = MetricNameDescriptor(metricName: family.name, unitName: "", helpText: family.metric.help)
        let labels = series.labels
        switch series.value {
        case .count(let value):
            registry.makeCounter(descriptor: descriptor, labels: labels).increment(by: Int64(max(value, 0)))
        case .seconds(let value):
            registry.makeCounter(descriptor: descriptor, labels: labels).increment(by: max(value, 0))
        case .gauge(let value):
            registry.makeGauge(descriptor: descriptor, labels: labels).set(to: value)
        case .histogram(let histogram):
            let bounds = JobscanCore.DurationHistogram.bucketBounds.map { Duration.nanoseconds(Int64($0) * 1_000_000_000) }
            let metric = registry.makeDurationHistogram(descriptor: descriptor, labels: labels, buckets: bounds)
            for (nanoseconds, repeats) in observations(reproducing: histogram) {
                // Negative values share the first bucket with 0; swift-prometheus cannot print a
                // negative fractional sum (it traps), and the sum is rewritten below anyway.
                for _ in 0..<repeats { metric.record(.nanoseconds(max(nanoseconds, 0))) }
            }
            registry.emit(into: &buffer)
            buffer = withExactSum(buffer, name: family.name + "_sum", nanoseconds: histogram.sum)
            return
        }
        registry.emit(into: &buffer)
    }

    /// swift-prometheus writes a histogram's sum as a Double, which is not exact past 2^53 ns and
    /// cannot hold a sum past Int64 (whose observations were clamped): the `_sum` value is
    /// rewritten from the exact sum.
    private static func withExactSum(_ bytes: [UInt8], name: String, nanoseconds: Int128) -> [UInt8] {
        let prefix = Array(name.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if line.starts(with: prefix), line.count > prefix.count,
               line[line.startIndex + prefix.count] == UInt8(ascii: "{") || line[line.startIndex + prefix.count] == UInt8(ascii: " "),
               let space = line.lastIndex(of: UInt8(ascii: " ")) {
                out += line[...space]
                out += exactSeconds(nanoseconds).utf8
            } else {
                out += line
            }
            out.append(UInt8(ascii: "\n"))
        }
        out.removeLast()
        return out
    }

    /// Nanoseconds as decimal seconds, exactly: `0.466695345`, `21600000000000.0`, `-0.5`.
    static func exactSeconds(_ nanoseconds: Int128) -> String {
        let magnitude = nanoseconds.magnitude
        let whole = magnitude / 1_000_000_000
        var fraction = String(magnitude % 1_000_000_000)
        fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
        while fraction.count > 1, fraction.hasSuffix("0") { fraction.removeLast() }
        return (nanoseconds < 0 ? "-" : "") + String(whole) + "." + fraction
    }

    /// Drops the `# HELP` and `# TYPE` lines that each per-series registry writes.
    private static func withoutComments(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        where line.first != UInt8(ascii: "#") {
            out += line
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// Observations (nanoseconds, how many times) whose buckets, count and sum are exactly those of
    /// `histogram`: replay keeps bucket counts and the sum, not every duration; swift-prometheus
    /// histograms only take observations. Each observation starts at the least value of its bucket
    /// (0 in the first), and the rest of the sum is then spread up to each bucket's bound, the
    /// unbounded +Inf bucket last. A sum below the least values (negative durations) lowers one
    /// observation of the first bucket, whose range has no lower end.
    static func observations(reproducing histogram: JobscanCore.DurationHistogram) -> [(Int64, Int)] {
        let bounds = JobscanCore.DurationHistogram.bucketBounds.map { Int64($0) * 1_000_000_000 }
        let counts = histogram.bucketCounts
        let lows: [Int64] = counts.indices.map { $0 == 0 ? 0 : bounds[$0 - 1] + 1 }
        var remainder = histogram.sum
        for i in counts.indices { remainder -= Int128(counts[i]) * Int128(lows[i]) }
        var out: [(Int64, Int)] = []
        if remainder < 0, counts[0] > 0 {
            out.append((Int64(clamping: remainder), 1))
            if counts[0] > 1 { out.append((0, counts[0] - 1)) }
            for i in counts.indices.dropFirst() where counts[i] > 0 { out.append((lows[i], counts[i])) }
            return out
        }
        for i in counts.indices where counts[i] > 0 {
            var left = counts[i]
            if remainder > 0 {
                if i < bounds.count {
                    let room = Int128(bounds[i] - lows[i])
                    let full = Int(min(Int128(left), remainder / room))
                    if full > 0 { out.append((bounds[i], full)); left -= full; remainder -= Int128(full) * room }
                    if left > 0, remainder > 0 {
                        out.append((lows[i] + Int64(remainder), 1))
                        left -= 1
                        remainder = 0
                    }
                } else {
                    out.append((Int64(clamping: Int128(lows[i]) + remainder), 1))
                    left -= 1
                    remainder = 0
                }
            }
            if left > 0 { out.append((lows[i], left)) }
        }
        return out
    }
}
