/// What an input's first bytes tell before it is read: its compression, its shape, the time of its
/// first line (to put rotated files in order) and its size on disk. Files are probed and closed,
/// then opened again when their turn comes; standard input and callers' byte sources are kept
/// open, their probed head served again first.
public struct InputProbe {
    public var input: InputSource
    public var name: String
    public var format: InputOpener.Format?
    public var shape: LogShape
    public var firstTime: Instant?
    /// For a logcli export: whether its first records' times fall (logcli's default, newest
    /// first), rise (`--forward`), or neither; nil for other shapes.
    public var recordOrder: RecordOrder?
    /// The opened source, kept when the input cannot be opened a second time.
    var openSource: ByteSource?
    /// An error opening it: the input is reported, not read.
    public var error: InputError?

    /// How much is read ahead to decide.
    static let headBytes = 64 * 1024

    /// Probes `input`; `forced` skips the shape detection (`--input-format`).
    public static func probe(_ input: InputSource, forced: LogShape?) -> InputProbe {
        var probe = InputProbe(input: input, name: input.displayName, format: nil, shape: forced ?? .plain)
        let source: ByteSource
        do {
            (source, probe.format) = try InputOpener.open(input)
        } catch {
            probe.error = error
            return probe
        }
        var head = [UInt8](repeating: 0, count: headBytes)
        var count = 0
        // Damage in the head is reported when the input is read; the bytes before it still decide.
        while count < headBytes {
            let n = (try? head.withUnsafeMutableBytes { try source.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[count...])) }) ?? 0
            if n == 0 { break }
            count += n
        }
        head.removeSubrange(count...)
        let reusable: Bool
        if case .path(let path) = input, path != "-" { reusable = true } else { reusable = false }
        if !reusable { probe.openSource = PrefixedByteSource(head: head, rest: source) }
        head.withUnsafeBytes { raw in
            let lines = Self.lines(of: raw, complete: count < headBytes)
            if forced == nil { probe.shape = ShapeSniffer.shape(of: lines) }
            probe.firstTime = FirstTime.find(in: lines, shape: probe.shape)
            if probe.shape == .logcli { probe.recordOrder = RecordOrder(lines.compactMap { LogcliRecord.time($0) }) }
        }
        return probe
    }

    /// The input's source for reading: the kept one, or the file opened again.
    func open() throws(InputError) -> (source: ByteSource, format: InputOpener.Format) {
        if let openSource, let format { return (openSource, format) }
        return try InputOpener.open(input)
    }

    /// The head's lines (the last, unfinished one only when the input ended inside the head).
    static func lines(of head: UnsafeRawBufferPointer, complete: Bool) -> [UnsafeRawBufferPointer] {
        var lines: [UnsafeRawBufferPointer] = []
        var start = 0
        for i in 0..<head.count where head[i] == 0x0A {
            var end = i
            if end > start, head[end - 1] == 0x0D { end -= 1 }
            lines.append(UnsafeRawBufferPointer(rebasing: head[start..<end]))
            start = i + 1
            if lines.count >= ShapeSniffer.lineLimit { return lines }
        }
        if complete, start < head.count { lines.append(UnsafeRawBufferPointer(rebasing: head[start...])) }
        return lines
    }
}

/// The time of an input's first line: the record's own time where the shape has one, else the
/// service's time on its first line that carries one.
enum FirstTime {
    static func find(in lines: [UnsafeRawBufferPointer], shape: LogShape) -> Instant? {
        var decoder = EventDecoder()
        var earliest: Instant?
        for line in lines {
            let time: Instant?
            switch shape {
            case .plain: time = serviceTime(line, &decoder)
            case .kubectlTimestamps: time = LeadingTimestamp.split(line)?.time
            case .kubectl:
                guard let (_, content) = KubectlPrefix.split(line) else { continue }
                let rest = UnsafeRawBufferPointer(rebasing: line[content...])
                time = LeadingTimestamp.split(rest)?.time ?? serviceTime(rest, &decoder)
            case .cri: time = CRIRecord.parse(line)?.time(in: line)
            case .docker: time = DockerRecord.time(line)
            case .journald: time = JournaldRecord.time(line)
            case .logcli:
                // Newest first by default: the earliest time in view, not the first line's.
                if let t = LogcliRecord.time(line), earliest.map({ t < $0 }) ?? true { earliest = t }
                continue
            }
            if let time { return time }
        }
        return earliest
    }

    private static func serviceTime(_ line: UnsafeRawBufferPointer, _ decoder: inout EventDecoder) -> Instant? {
        switch decoder.decode(line, lineNumber: 0) {
        case .event(let event): return event.time
        case .foreign, .diagnostic: return decoder.foreignTime()
        }
    }
}

/// The order of a file's records in time, from its first ones.
public enum RecordOrder: Sendable {
    case forward, backward, mixed

    init(_ times: [Instant]) {
        let pairs = zip(times, times.dropFirst())
        if pairs.allSatisfy({ $0 <= $1 }) {
            self = .forward
        } else if pairs.allSatisfy({ $0 >= $1 }) {
            self = .backward
        } else {
            self = .mixed
        }
    }
}
