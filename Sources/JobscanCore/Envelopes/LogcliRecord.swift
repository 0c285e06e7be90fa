/// One line of Loki's `logcli query --output=jsonl`: `{"labels":{…},"line":"…","timestamp":"…"}`.
/// The instance comes from the labels: `pod` (with `/container`), else `instance`, `host`,
/// `hostname`, `job`, else every label as `k=v,…`.
enum LogcliRecord {
    static let instanceLabels: [StaticString] = ["pod", "instance", "host", "hostname", "job"]

    /// Decodes the line into `line` and the instance key into `key` (both cleared first); returns the time.
    static func decode(_ record: UnsafeRawBufferPointer, line: ScratchBytes, key: ScratchBytes) throws(EnvelopeError) -> Instant {
        line.removeAll()
        key.removeAll()
        var scanner = try JSONObjectScanner.record(record, .logcli)
        var labels: RawJSONValue?
        var time: Instant?
        var sawLine = false
        while let k = try scanner.nextKey(.logcli) {
            if k.isKey("line", in: record) {
                try scanner.decodeString(record, into: line, .logcli, field: "line")
                sawLine = true
                continue
            }
            let v = try scanner.value(.logcli)
            if k.isKey("labels", in: record), v.kind == .object {
                labels = v
            } else if k.isKey("timestamp", in: record), v.kind == .string {
                time = TimeText.parseRFC3339(v.bytes(in: record))
            }
        }
        guard sawLine else { throw .malformed(.logcli, "no line") }
        guard let time else { throw .malformed(.logcli, "no RFC 3339 timestamp") }
        if let labels { try appendKey(record, labels, to: key) }
        return time
    }

    private static func appendKey(_ record: UnsafeRawBufferPointer, _ labels: RawJSONValue, to key: ScratchBytes) throws(EnvelopeError) {
        var pairs: [(RawJSONValue, RawJSONValue)] = []
        var scanner: JSONObjectScanner
        do throws(JSONSyntaxError) {
            scanner = try JSONObjectScanner(record, at: labels.start)
        } catch {
            throw .malformed(.logcli, "labels")
        }
        while let (k, v) = try scanner.nextMember(.logcli) { pairs.append((k, v)) }
        func value(_ name: StaticString) -> RawJSONValue? {
            pairs.first { $0.0.isKey(name, in: record) && $0.1.kind == .string }?.1
        }
        for (rank, name) in instanceLabels.enumerated() {
            guard let v = value(name) else { continue }
            try v.appendString(in: record, to: key, shape: .logcli, field: "label")
            if rank == 0, let c = value("container") {
                key.append(0x2F)
                try c.appendString(in: record, to: key, shape: .logcli, field: "label")
            }
            return
        }
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
