/// The Go duration and time parsers: what parses formats back to the same value, and nothing traps.
enum ParserInvariants {
    static func durations(_ data: [UInt8]) -> String? {
        let parsed = data.withUnsafeBytes { try? GoDuration.parse($0) }
        guard let value = parsed else { return nil }
        let text = GoDuration.format(value)
        guard let again = try? GoDuration.parse(text), again == value else {
            return "\(value) ns formats as \(text), which does not parse back"
        }
        _ = DurationText.short(value)
        _ = GoDuration.seconds(value)
        return nil
    }

    static func times(_ data: [UInt8]) -> String? {
        data.withUnsafeBytes { bytes -> String? in
            for layout in [TimeText.Layout.rfc3339, .zapConsole] {
                guard let t = TimeText.parse(bytes, layout: layout), t != .goZero else { continue }
                let text = t.rfc3339Nano
                guard let again = TimeText.parseRFC3339(text), again == t, again.utcOffsetSeconds == t.utcOffsetSeconds else {
                    return "\(t.nanoseconds) ns at \(t.utcOffsetSeconds) s formats as \(text), which does not parse back"
                }
                _ = t.rfc3339(fractionDigits: 3)
                _ = t.advanced(by: Int64.max).nanoseconds(since: t.advanced(by: Int64.min))
            }
            if let t = TimeText.parseEpochSeconds(bytes) {
                guard t.nanoseconds >= 0 else { return "a negative epoch time from \(String(decoding: bytes, as: UTF8.self))" }
                _ = t.rfc3339Nano
            }
            // The foreign-time stamp: whatever is noted, the latest parsed one is what it gives.
            var stamp = LineStamp()
            var latest: Instant?
            for layout in [LineStamp.Layout.zapJSON, .zapConsole] {
                stamp.set(bytes, layout: layout)
                if let t = LineStamp.parse(bytes, layout: layout), latest.map({ t > $0 }) ?? true { latest = t }
            }
            guard stamp.instant() == latest else { return "the stamp gives \(String(describing: stamp.instant())), not \(String(describing: latest))" }
            return nil
        }
    }
}
