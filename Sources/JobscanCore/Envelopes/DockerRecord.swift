/// One record of Docker's json-file driver: `{"log":"…","stream":"stderr","attrs":{…},"time":"…"}`.
/// `log` is the line with its `\n`; a record whose `log` lacks it is a partial (the line was longer
/// than the copier's 16 KiB buffer, or the process exited mid-line).
enum DockerRecord {
    /// Decodes the record's `log` into `out` (cleared first); returns its stream and whether the
    /// line ends here (the `\n` is removed).
    static func decode(_ line: UnsafeRawBufferPointer, into out: ScratchBytes) throws(EnvelopeError) -> (stream: UInt8, complete: Bool) {
        out.removeAll()
        var scanner = try JSONObjectScanner.record(line, .docker)
        var stream: UInt8 = 0
        var sawTime = false
        while let key = try scanner.nextKey(.docker) {
            if key.isKey("log", in: line) {
                try scanner.decodeString(line, into: out, .docker, field: "log")
                continue
            }
            let value = try scanner.value(.docker)
            if key.isKey("stream", in: line) {
                let s = value.bytes(in: line)
                stream = ByteSearch.equals(s, "stdout") ? 1 : ByteSearch.equals(s, "stderr") ? 2 : 3
            } else if key.isKey("time", in: line) {
                sawTime = true
            }
        }
        guard sawTime else { throw .malformed(.docker, "no time") }
        return (stream, out.removeLineEnd())
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
