/// Reads typed values out of a line's collected fields, turning every problem into a located diagnostic.
struct FieldReader {
    let line: UnsafeRawBufferPointer
    let fields: ZapFieldValues
    let message: EventMessage
    let location: LineLocation

    private func fail(_ reason: DiagnosticReason, _ detail: String) -> EventDiagnostic {
        EventDiagnostic(location: location, message: message, reason: reason, detail: detail)
    }

    private func raw(_ value: RawJSONValue) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: line[value.start..<value.end])
    }

    func optionalString(_ field: ZapField) throws(EventDiagnostic) -> String? {
        guard let value = fields[field] else { return nil }
        guard value.kind == .string else {
            throw fail(.invalidString, "field \(field.key) is not a string")
        }
        do {
            return try JSONStringDecoder.decode(raw(value), hasEscapes: value.hasEscapes)
        } catch {
            throw fail(.invalidString, "field \(field.key): \(error.reason) at byte \(value.start + error.offset + 1)")
        }
    }

    func string(_ field: ZapField) throws(EventDiagnostic) -> String {
        guard let s = try optionalString(field) else { throw fail(.missingField, "missing field \(field.key)") }
        return s
    }

    /// The service logs every value as a string; a JSON number is accepted too.
    func integer(_ field: ZapField) throws(EventDiagnostic) -> Int {
        guard let value = fields[field] else { throw fail(.missingField, "missing field \(field.key)") }
        guard value.kind == .string || value.kind == .number else {
            throw fail(.invalidInteger, "field \(field.key) is not an integer")
        }
        let b = raw(value)
        var result = 0
        var i = 0
        var negative = false
        if b.count > 1, b[0] == UInt8(ascii: "-") { negative = true; i = 1 }
        guard i < b.count, b.count - i <= 18 else {
            throw fail(.invalidInteger, "field \(field.key) is not an integer: \"\(String(decoding: b, as: UTF8.self))\"")
        }
        while i < b.count {
            let c = b[i]
            guard c >= 48, c <= 57 else {
                throw fail(.invalidInteger, "field \(field.key) is not an integer: \"\(String(decoding: b, as: UTF8.self))\"")
            }
            result = result * 10 + Int(c - 48)
            i += 1
        }
        return negative ? -result : result
    }

    func optionalDuration(_ field: ZapField) throws(EventDiagnostic) -> Int64? {
        guard let value = fields[field] else { return nil }
        guard value.kind == .string else { throw fail(.invalidDuration, "field \(field.key) is not a string") }
        do {
            return try GoDuration.parse(raw(value))
        } catch {
            throw fail(.invalidDuration, "field \(field.key): \(error)")
        }
    }

    func duration(_ field: ZapField) throws(EventDiagnostic) -> Int64 {
        guard let d = try optionalDuration(field) else { throw fail(.missingField, "missing field \(field.key)") }
        return d
    }

    func time(_ field: ZapField) throws(EventDiagnostic) -> Instant {
        guard let value = fields[field] else { throw fail(.missingField, "missing field \(field.key)") }
        guard value.kind == .string, let t = TimeText.parseRFC3339(raw(value)) else {
            throw fail(.invalidTime, "field \(field.key) is not an RFC 3339 time: \"\(String(decoding: raw(value), as: UTF8.self))\"")
        }
        return t
    }

    /// `External API call failed` logs its duration as decimal seconds ("10.004").
    func optionalDecimalSeconds(_ field: ZapField) throws(EventDiagnostic) -> Int64? {
        guard let value = fields[field] else { return nil }
        guard let t = TimeText.parseEpochSeconds(raw(value)) else {
            throw fail(.invalidDuration, "field \(field.key) is not decimal seconds: \"\(String(decoding: raw(value), as: UTF8.self))\"")
        }
        return t.nanoseconds
    }
}
