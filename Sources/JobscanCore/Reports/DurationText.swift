/// Durations for people: Go's syntax, shortened to about four significant digits (`254.1ms`, `1m3.2s`).
public enum DurationText {
    public static func short(_ ns: Int64) -> String {
        let magnitude = ns.magnitude
        let rounded: Int64
        switch magnitude {
        case ..<10_000: rounded = ns                                  // below 10µs: as is
        case ..<1_000_000_000: rounded = round(ns, to: magnitude < 10_000_000 ? 1_000 : magnitude < 100_000_000 ? 10_000 : 100_000)
        case ..<60_000_000_000: rounded = round(ns, to: 1_000_000)
        case ..<3_600_000_000_000: rounded = round(ns, to: 100_000_000)
        default: rounded = round(ns, to: 1_000_000_000)
        }
        return GoDuration.format(rounded)
    }

    private static func round(_ ns: Int64, to unit: Int64) -> Int64 {
        let (q, r) = ns.floorDivided(by: unit)
        let nearest = r * 2 >= unit ? q + 1 : q
        let (rounded, overflow) = nearest.multipliedReportingOverflow(by: unit)
        guard overflow else { return rounded }
        // Near Int64's ends the nearest multiple is out of reach: the other neighbour is inside.
        return (nearest == q ? q + 1 : q) * unit
    }
}
