/// One entry of `journalctl -o json`. The line is `MESSAGE`: a string, an array of byte values
/// (when it holds control bytes or invalid UTF-8), or `null` (a field over 4096 bytes without
/// `--all`). The instance is `_HOSTNAME/UNIT`, plus `/CONTAINER_NAME` from Docker's journald driver.
enum JournaldRecord {
    /// Decodes the entry: the message into `message`, the instance key into `key` (both cleared first).
    /// Returns whether the message is a partial one (`CONTAINER_PARTIAL_MESSAGE=true`) and its time.
    /// The time is read only with `withTime` (ordering files needs it; replay does not).
    static func decode(_ line: UnsafeRawBufferPointer, message: ScratchBytes, key: ScratchBytes,
                       withTime: Bool = false) throws(EnvelopeError) -> (partial: Bool, time: Instant?) {
        message.removeAll()
        key.removeAll()
        var scanner = try JSONObjectScanner.record(line, .journald)
        var host: RawJSONValue?, unit: RawJSONValue?, identifier: RawJSONValue?, container: RawJSONValue?
        var messageValue: RawJSONValue?
        var decodedMessage = false
        var partial = false
        var time: Instant?
        while let k = try scanner.nextKey(.journald) {
            let name = k.bytes(in: line)
            if name.count == 7, ByteSearch.equals(name, "MESSAGE"), scanner.atString {
                // The line itself: decoded in one pass, not scanned first.
                try scanner.decodeString(line, into: message, .journald, field: "MESSAGE")
                decodedMessage = true
                continue
            }
            let v = try scanner.value(.journald)
            switch name.count {
            case 7 where ByteSearch.equals(name, "MESSAGE"): messageValue = v
            case 9 where ByteSearch.equals(name, "_HOSTNAME"): host = v
            case 13 where ByteSearch.equals(name, "_SYSTEMD_UNIT"): unit = v
            case 17 where ByteSearch.equals(name, "SYSLOG_IDENTIFIER"): identifier = v
            case 14 where ByteSearch.equals(name, "CONTAINER_NAME"): container = v
            case 25 where ByteSearch.equals(name, "CONTAINER_PARTIAL_MESSAGE"):
                partial = v.kind == .string && ByteSearch.equals(v.bytes(in: line), "true")
            case 20 where withTime && ByteSearch.equals(name, "__REALTIME_TIMESTAMP"):
                time = v.kind == .string ? microseconds(v.bytes(in: line)) : nil
            default: break
            }
        }
        if !decodedMessage {
            guard let messageValue else { throw .malformed(.journald, "no MESSAGE") }
            try decodeOther(messageValue, in: line, into: message)
        }
        // The key: the first value of each field (a field with several values is an array).
        // Three calls rather than a loop over an array literal, which would be allocated per record.
        func append(_ part: RawJSONValue?, _ index: Int) throws(EnvelopeError) {
            guard let part else { if index < 2 { key.append(0x2F) }; return }
            if index > 0 { key.append(0x2F) }
            switch part.kind {
            case .string: try part.appendString(in: line, to: key, shape: .journald, field: "instance field")
            case .array: try appendByteArray(part.bytes(in: line), to: key)
            default: break
            }
        }
        try append(host, 0)
        try append(unit ?? identifier, 1)
        try append(container, 2)
        while key.count > 0, key.base.load(fromByteOffset: key.count - 1, as: UInt8.self) == 0x2F { key.count -= 1 }
        return (partial, time)
    }

    /// A MESSAGE that is not a plain string: an array of bytes, or null.
    private static func decodeOther(_ messageValue: RawJSONValue, in line: UnsafeRawBufferPointer, into message: ScratchBytes) throws(EnvelopeError) {
        switch messageValue.kind {
        case .string:
            try messageValue.appendString(in: line, to: message, shape: .journald, field: "MESSAGE")
        case .array:
            try appendByteArray(messageValue.bytes(in: line), to: message)
        case .literal:
            throw EnvelopeError(reason: .truncatedField,
                                detail: "MESSAGE is null: journalctl writes fields over 4096 bytes as null; export with journalctl -o json --all")
        default:
            throw .malformed(.journald, "MESSAGE is neither a string nor an array of bytes")
        }
    }

    /// `[104,105]` → `hi`; an array of strings (a field with several values) gives its first string.
    static func appendByteArray(_ array: UnsafeRawBufferPointer, to out: ScratchBytes) throws(EnvelopeError) {
        var i = 1
        let n = array.count - 1  // inside the brackets
        var value = 0
        var digits = 0
        while i < n {
            let c = array[i]
            switch c {
            case 48...57:
                value = value * 10 + Int(c - 48)
                digits += 1
                guard value <= 255, digits <= 3 else { throw .malformed(.journald, "a byte value over 255") }
            case UInt8(ascii: ","):
                guard digits > 0 else { throw .malformed(.journald, "an empty byte value") }
                out.append(UInt8(value))
                value = 0
                digits = 0
            case 0x20, 0x09, 0x0A, 0x0D:
                break
            case UInt8(ascii: "\""):
                // Several values: take the first string.
                guard let close = firstStringEnd(array, from: i + 1) else { throw .malformed(.journald, "an unterminated string") }
                var decoded: [UInt8] = []
                do throws(JSONStringDecoder.Failure) {
                    try JSONStringDecoder.unescape(UnsafeRawBufferPointer(rebasing: array[(i + 1)..<close]), appendingTo: &decoded)
                } catch {
                    throw .malformed(.journald, error.reason)
                }
                decoded.withUnsafeBytes { out.append($0) }
                return
            default:
                throw .malformed(.journald, "an array of bytes holds '\(Character(Unicode.Scalar(c)))'")
            }
            i += 1
        }
        if digits > 0 { out.append(UInt8(value)) }
    }

    private static func firstStringEnd(_ b: UnsafeRawBufferPointer, from: Int) -> Int? {
        var i = from
        while i < b.count {
            if b[i] == UInt8(ascii: "\\") { i += 2; continue }
            if b[i] == UInt8(ascii: "\"") { return i }
            i += 1
        }
        return nil
    }

    /// `__REALTIME_TIMESTAMP`: microseconds since the epoch, a decimal string.
    static func microseconds(_ b: UnsafeRawBufferPointer) -> Instant? {
        guard !b.isEmpty, b.count <= 18 else { return nil }
        var v: Int64 = 0
        for c in b {
            guard c >= 48, c <= 57 else { return nil }
            v = v * 10 + Int64(c - 48)
        }
        let (ns, overflow) = v.multipliedReportingOverflow(by: 1000)
        return overflow ? nil : Instant(nanoseconds: ns)
    }

    /// The entry's time, for ordering files.
    static func time(_ line: UnsafeRawBufferPointer) -> Instant? {
        return (try? decode(line, message: ScratchBytes(capacity: line.count), key: ScratchBytes(capacity: 256), withTime: true))?.time
    }
}
