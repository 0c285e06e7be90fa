/// One record of Docker's json-file driver: `{"log":"…","stream":"stderr","attrs":{…},"time":"…"}`.
/// `log` is the line with its `\n`; a record whose `log` lacks it is a partial (the line was longer
/// than the copier's 16 KiB buffer, or the process exited mid-line).
enum DockerRecord {
    /// Decodes the record's `log` into `out` (cleared first); returns its stream and whether the
    /// line ends here (the `\n` is removed).
    static func decode(_ line: UnsafeRawBufferPointer, into out: inout [UInt8]) throws(EnvelopeError) -> (stream: UInt8, complete: Bool) {
        out.removeAll(keepingCapacity: true)
        var scanner: JSONObjectScanner
        do throws(JSONSyntaxError) {
            scanner = try JSONObjectScanner(line)
        } catch {
            throw .malformed(.docker, "expected '{'")
        }
        var stream: UInt8 = 0
        var sawTime = false
        while let (key, value) = try scanner.nextMember(.docker) {
            if key.isKey("log", in: line) {
                try value.appendString(in: line, to: &out, shape: .docker, field: "log")
            } else if key.isKey("stream", in: line) {
                let s = value.bytes(in: line)
                stream = ByteSearch.equals(s, "stdout") ? 1 : ByteSearch.equals(s, "stderr") ? 2 : 3
            } else if key.isKey("time", in: line) {
                sawTime = true
            }
        }
        guard sawTime else { throw .malformed(.docker, "no time") }
        guard out.last == 0x0A else { return (stream, false) }
        out.removeLast()
        if out.last == 0x0D { out.removeLast() }
        return (stream, true)
    }

    /// The record's `time`, for ordering files.
    static func time(_ line: UnsafeRawBufferPointer) -> Instant? {
        guard var scanner = try? JSONObjectScanner(line) else { return nil }
        while let member = try? scanner.next() {
            let (key, value) = member
            if key.isKey("time", in: line), value.kind == .string {
                return TimeText.parseRFC3339(value.bytes(in: line))
            }
        }
        return nil
    }
}
