#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the envelope stage's output goes.
protocol EnvelopeOutput {
    /// A line of the service, its instance's slot and the line number of its (first) record.
    mutating func line(_ bytes: UnsafeRawBufferPointer, slot: Int, number: Int)
    /// A record that could not be unwrapped, or a joined line over the limit.
    mutating func diagnostic(_ diagnostic: EventDiagnostic)
    /// The slot of an instance of a multiplexed shape (asked once per instance and input).
    mutating func instance(named name: String) -> Int
}

/// The envelope stage for one input: unwraps each record of its shape into the service's own line
/// and names the instance it belongs to (a slot the caller maps to a replay world). Lines are
/// handed over in place when they can be; decoded or joined ones from buffers reused across records.
struct EnvelopeReader {
    /// What became of the records, for the input report: every record is a line handed over, a
    /// piece joined into a later line, a diagnostic, or a line of no instance.
    struct Counts: Sendable, Equatable {
        /// Partial records whose content went into a line handed over later.
        var joinedRecords = 0
        /// Records of a multiplexed shape that name no instance (kubectl's own messages, say).
        var unattributedLines = 0
        /// Records that could not be unwrapped, and joined lines over the limit.
        var diagnostics = 0
    }

    let shape: LogShape
    let fileName: String
    private(set) var counts = Counts()
    private let scratch = ScratchBytes()
    private let keyScratch = ScratchBytes(capacity: 256)
    private let labels = LogcliRecord.LabelsMemo()
    private var partials: PartialLines
    private var keys: [(key: [UInt8], slot: Int)] = []
    private var lastKey = -1
    /// The last kubectl prefix, `[` key `] `, and its slot.
    private var lastPrefix: [UInt8] = []
    private var lastPrefixSlot = 0
    /// kubectl with `--timestamps` writes stamps inside long lines too.
    private var stampedLines = false
    /// logcli exports are newest first by default: held and replayed in time order at the end,
    /// unless the input is already served in time order (`logcliInOrder`).
    private var held = HeldLines()
    /// The logcli records arrive in time order (a forward export, or a file read last line first).
    var logcliInOrder = false
    /// Set when the file is read last line first: its line count, to give lines their own numbers.
    var reversedLineCount: Int?

    init(shape: LogShape, fileName: String, maxLineBytes: Int) {
        self.shape = shape
        self.fileName = fileName
        partials = PartialLines(limit: maxLineBytes)
    }

    /// Unwraps one record (a line of the input, without its terminator).
    mutating func take<O: EnvelopeOutput>(_ record: UnsafeRawBufferPointer, number: Int, _ out: inout O) {
        do throws(EnvelopeError) {
            switch shape {
            case .plain:
                out.line(record, slot: 0, number: number)
            case .kubectlTimestamps:
                guard let content = LeadingTimestamp.contentStart(record) else {
                    throw .malformed(.kubectlTimestamps, "no RFC 3339 time and space at the start")
                }
                deliverStamped(UnsafeRawBufferPointer(rebasing: record[content...]), slot: 0, number: number, &out)
            case .kubectl:
                let slot: Int
                let content: Int
                if lastPrefix.count > 0, record.count >= lastPrefix.count,
                   lastPrefix.withUnsafeBytes({ ByteSearch.same(record.baseAddress!, $0.baseAddress!, count: $0.count) }) {
                    // The previous line's `[pod/NAME/CONTAINER] ` again (its key holds no `]`, space or `[`).
                    (slot, content) = (lastPrefixSlot, lastPrefix.count)
                } else {
                    guard let (key, start) = KubectlPrefix.split(record) else {
                        counts.unattributedLines += 1
                        return
                    }
                    slot = self.slot(for: UnsafeRawBufferPointer(rebasing: record[key]), &out) { KubectlPrefix.instanceName($0) }
                    content = start
                    // Remembered with its space only: an empty line's `[…]` has none.
                    if start == key.upperBound + 2 {
                        // In place: lines of several pods interleave, and this must not allocate per line.
                        lastPrefix.removeAll(keepingCapacity: true)
                        lastPrefix.append(contentsOf: record[0..<start])
                        lastPrefixSlot = slot
                    }
                }
                var rest = UnsafeRawBufferPointer(rebasing: record[content...])
                if let start = LeadingTimestamp.contentStart(rest) {
                    stampedLines = true
                    rest = UnsafeRawBufferPointer(rebasing: rest[start...])
                }
                deliverStamped(rest, slot: slot, number: number, &out)
            case .cri:
                guard let r = CRIRecord.parse(record) else {
                    throw .malformed(.cri, "expected TIME STREAM P|F CONTENT")
                }
                joinOrDeliver(UnsafeRawBufferPointer(rebasing: record[r.content]), partial: r.partial,
                              slot: 0, stream: r.stream, number: number, &out)
            case .docker:
                let (stream, complete) = try DockerRecord.decode(record, into: scratch)
                joinOrDeliver(scratch.bytes, partial: !complete, slot: 0, stream: stream, number: number, &out)
            case .journald:
                let (partial, _) = try JournaldRecord.decode(record, message: scratch, key: keyScratch)
                let slot = slot(for: keyScratch.bytes, &out) { String(decoding: $0, as: UTF8.self) }
                joinOrDeliver(scratch.bytes, partial: partial, slot: slot, stream: 0, number: number, &out)
            case .logcli:
                let time = try LogcliRecord.decode(record, line: scratch, key: keyScratch, memo: labels)
                let slot = slot(for: keyScratch.bytes, &out) { String(decoding: $0, as: UTF8.self) }
                let line = reversedLineCount.map { $0 + 1 - number } ?? number
                if logcliInOrder {
                    out.line(scratch.bytes, slot: slot, number: line)
                } else {
                    held.append(scratch.bytes, time: time, slot: slot, line: line)
                }
            }
        } catch {
            counts.diagnostics += 1
            let line = reversedLineCount.map { $0 + 1 - number } ?? number
            out.diagnostic(EventDiagnostic(location: LineLocation(file: fileName, line: line), message: nil,
                                           reason: error.reason, detail: error.detail))
        }
    }

    /// The end of the input: lines still being joined are handed over as they are (the process
    /// exited mid-line), and held logcli lines in time order.
    mutating func finish<O: EnvelopeOutput>(_ out: inout O) {
        for entry in partials.drain() {
            // Its last record was counted as joined; it is the line's own record after all.
            counts.joinedRecords -= 1
            handOver(entry, &out)
        }
        held.inTimeOrder { bytes, slot, line in out.line(bytes, slot: slot, number: line) }
        held = HeldLines()
    }

    // MARK: -

    private mutating func slot<O: EnvelopeOutput>(for key: UnsafeRawBufferPointer, _ out: inout O, name: (UnsafeRawBufferPointer) -> String) -> Int {
        if lastKey >= 0, Self.same(keys[lastKey].key, key) { return keys[lastKey].slot }
        if let i = keys.firstIndex(where: { Self.same($0.key, key) }) {
            lastKey = i
            return keys[i].slot
        }
        let slot = out.instance(named: name(key))
        keys.append((Array(key), slot))
        lastKey = keys.count - 1
        return slot
    }

    private static func same(_ a: [UInt8], _ b: UnsafeRawBufferPointer) -> Bool {
        a.count == b.count && (b.count == 0 || a.withUnsafeBytes { ByteSearch.same($0.baseAddress!, b.baseAddress!, count: b.count) })
    }

    /// A kubectl line: long lines lose the kubelet stamps written where they were split.
    private mutating func deliverStamped<O: EnvelopeOutput>(_ content: UnsafeRawBufferPointer, slot: Int, number: Int, _ out: inout O) {
        guard stampedLines || shape == .kubectlTimestamps, content.count > LeadingTimestamp.splitThreshold else {
            return out.line(content, slot: slot, number: number)
        }
        scratch.removeAll()
        LeadingTimestamp.appendWithoutInnerStamps(content, to: scratch)
        out.line(scratch.bytes, slot: slot, number: number)
    }

    private mutating func joinOrDeliver<O: EnvelopeOutput>(_ piece: UnsafeRawBufferPointer, partial: Bool, slot: Int, stream: UInt8,
                                                           number: Int, _ out: inout O) {
        if partial {
            counts.joinedRecords += 1
            partials.append(piece, slot: slot, stream: stream, line: number)
            return
        }
        guard !partials.isEmpty, let entry = partials.complete(piece, slot: slot, stream: stream) else {
            return out.line(piece, slot: slot, number: number)
        }
        handOver(entry, &out)
    }

    private mutating func handOver<O: EnvelopeOutput>(_ entry: PartialLines.Pending, _ out: inout O) {
        guard !entry.overlong else {
            counts.diagnostics += 1
            out.diagnostic(EventDiagnostic(
                location: LineLocation(file: fileName, line: entry.firstLine), message: nil, reason: .overlongJoinedLine,
                detail: "a line joined from \(entry.records) partial records is longer than --max-line-bytes (\(partials.limit)); skipped"))
            return
        }
        entry.bytes.withUnsafeBytes { out.line($0, slot: entry.slot, number: entry.firstLine) }
    }
}
