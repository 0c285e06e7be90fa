#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line of Loki's `logcli query --output=jsonl`: `{"labels":{…},"line":"…","timestamp":"…"}`.
/// The instance comes from the labels: `pod` (with `/container`), else `instance`, `host`,
/// `hostname`, `job`, else every label as `k=v,…`.
enum LogcliRecord {
    static let instanceLabels: [StaticString] = ["pod", "instance", "host", "hostname", "job"]

    /// The previous record's labels object, byte for byte, and the key it gave: the records of one
    /// stream repeat their labels, which are then neither scanned nor turned into a key again.
    final class LabelsMemo {
        fileprivate let raw = ScratchBytes(capacity: 256)
        fileprivate let key = ScratchBytes(capacity: 256)
        fileprivate var valid = false

        /// Whether the bytes at `offset` begin with the remembered object (which is then the
        /// whole value there: a JSON object ends where its own bytes say).
        fileprivate func matches(_ record: UnsafeRawBufferPointer, at offset: Int) -> Bool {
            valid && record.count - offset >= raw.count && memcmp(record.baseAddress! + offset, raw.base, raw.count) == 0
        }
    }

    /// Decodes the line into `line` and the instance key into `key` (both cleared first); returns the time.
    static func decode(_ record: UnsafeRawBufferPointer, line: ScratchBytes, key: ScratchBytes,
                       memo: LabelsMemo = LabelsMemo()) throws(EnvelopeError) -> Instant {
        line.removeAll()
        key.removeAll()
        var scanner = try JSONObjectScanner.record(record, .logcli)
        var labels: RawJSONValue?
        var remembered: RawJSONValue?
        var time: Instant?
        var sawLine = false
        while let k = try scanner.nextKey(.logcli) {
            if k.isKey("line", in: record) {
                try scanner.decodeString(record, into: line, .logcli, field: "line")
                sawLine = true
                continue
            }
            if k.isKey("labels", in: record), memo.matches(record, at: scanner.position) {
                let start = scanner.position
                labels = RawJSONValue(kind: .object, start: start, end: start + memo.raw.count, hasEscapes: false)
                remembered = labels
                scanner.resume(at: start + memo.raw.count)
                continue
            }
            let v = try scanner.value(.logcli)
            if k.isKey("labels", in: record), v.kind == .object {
                labels = v
            } else if k.isKey("timestamp", in: record), v.kind == .string {
                // Parsed even when the records are in order already: a record is the same record
                // (or the same diagnostic) however the file is read.
                time = TimeText.parseRFC3339(v.bytes(in: record))
            }
        }
        guard sawLine else { throw .malformed(.logcli, "no line") }
        guard let time else { throw .malformed(.logcli, "no RFC 3339 timestamp") }
        guard let labels else { return time }
        if let remembered, remembered.start == labels.start {
            key.append(memo.key.bytes)
        } else {
            try appendKey(record, labels, to: key)
            memo.raw.removeAll()
            memo.raw.append(labels.bytes(in: record))
            memo.key.removeAll()
            memo.key.append(key.bytes)
            memo.valid = true
        }
        return time
    }

    private static func appendKey(_ record: UnsafeRawBufferPointer, _ labels: RawJSONValue, to key: ScratchBytes) throws(EnvelopeError) {
        func scanner() throws(EnvelopeError) -> JSONObjectScanner {
            do throws(JSONSyntaxError) {
                return try JSONObjectScanner(record, at: labels.start)
            } catch {
                throw .malformed(.logcli, "labels")
            }
        }
        // The best-ranked instance label and the container, found in one pass without a list.
        var best: (rank: Int, value: RawJSONValue)?
        var container: RawJSONValue?
        var labelScanner = try scanner()
        while let (k, v) = try labelScanner.nextMember(.logcli) {
            guard v.kind == .string else { continue }
            if k.isKey("container", in: record) { container = v }
            for (rank, name) in instanceLabels.enumerated() where rank < (best?.rank ?? Int.max) && k.isKey(name, in: record) {
                best = (rank, v)
            }
        }
        if let best {
            try best.value.appendString(in: record, to: key, shape: .logcli, field: "label")
            if best.rank == 0, let container {
                key.append(0x2F)
                try container.appendString(in: record, to: key, shape: .logcli, field: "label")
            }
            return
        }
        var pairs: [(RawJSONValue, RawJSONValue)] = []
        var all = try scanner()
        while let (k, v) = try all.nextMember(.logcli) { pairs.append((k, v)) }
        for (index, (k, v)) in pairs.enumerated() where v.kind == .string {
            if index > 0 { key.append(UInt8(ascii: ",")) }
            try k.appendString(in: record, to: key, shape: .logcli, field: "label")
            key.append(UInt8(ascii: "="))
            try v.appendString(in: record, to: key, shape: .logcli, field: "label")
        }
    }

    /// The record's time, for ordering files.
    static func time(_ record: UnsafeRawBufferPointer) -> Instant? {
        try? decode(record, line: ScratchBytes(capacity: record.count), key: ScratchBytes(capacity: 256))
    }
}
