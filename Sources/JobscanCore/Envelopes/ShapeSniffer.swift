/// Tells an input's shape from its first lines: the first line that is clearly one shape decides;
/// lines that fit none (blank lines, another program's text) are passed over. No decision in the
/// lines looked at means plain.
public enum ShapeSniffer {
    /// How many lines are looked at, at most.
    public static let lineLimit = 64

    public static func shape(of lines: [UnsafeRawBufferPointer]) -> LogShape {
        for line in lines.prefix(lineLimit) {
            if let shape = shape(ofLine: line) { return shape }
        }
        return .plain
    }

    /// The shape one line is clearly in, or nil when it could be anything.
    static func shape(ofLine line: UnsafeRawBufferPointer) -> LogShape? {
        guard let first = line.first else { return nil }
        if first == UInt8(ascii: "{") {
            if starts(line, "{\"log\":") || starts(line, "{\"stream\":") { return .docker }
            if starts(line, "{\"labels\":") { return .logcli }
            if starts(line, "{\"__") && ByteSearch.contains("\"__REALTIME_TIMESTAMP\"", in: line) { return .journald }
            if starts(line, "{\"level\":") || starts(line, "{\"ts\":") || ByteSearch.contains("\"msg\"", in: line) { return .plain }
            return nil
        }
        if starts(line, "[pod/") { return KubectlPrefix.split(line) != nil ? .kubectl : nil }
        if first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") {
            if CRIRecord.parse(line) != nil { return .cri }
            if LeadingTimestamp.split(line) != nil { return .kubectlTimestamps }
            // zap's console time is followed by a tab, not a space.
            if ByteSearch.contains(0x09, in: UnsafeRawBufferPointer(rebasing: line[0..<min(line.count, 40)])) { return .plain }
        }
        return nil
    }

    static func starts(_ line: UnsafeRawBufferPointer, _ text: StaticString) -> Bool {
        line.count >= text.utf8CodeUnitCount && ByteSearch.equals(UnsafeRawBufferPointer(rebasing: line[0..<text.utf8CodeUnitCount]), text)
    }
}
