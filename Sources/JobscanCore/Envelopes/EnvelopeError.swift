/// Why a record of a wrapping shape could not be unwrapped; reported as a diagnostic at its line.
struct EnvelopeError: Error {
    var reason: DiagnosticReason
    var detail: String

    static func malformed(_ shape: LogShape, _ detail: String) -> EnvelopeError {
        EnvelopeError(reason: .malformedEnvelope, detail: "not a \(shape.rawValue) record: \(detail)")
    }
}

extension JSONObjectScanner {
    /// Opens the record's object, with a syntax error turned into an envelope error of `shape`.
    static func record(_ line: UnsafeRawBufferPointer, _ shape: LogShape) throws(EnvelopeError) -> JSONObjectScanner {
        do throws(JSONSyntaxError) {
            return try JSONObjectScanner(line)
        } catch {
            throw .malformed(shape, "expected '{'")
        }
    }

    /// The next member's key (the position then at its value), likewise.
    mutating func nextKey(_ shape: LogShape) throws(EnvelopeError) -> RawJSONValue? {
        do throws(JSONSyntaxError) {
            return try nextKey()
        } catch {
            throw .malformed(shape, "malformed JSON at byte \(error.offset + 1): expected \(error.expected)")
        }
    }

    /// The value at the position, likewise.
    mutating func value(_ shape: LogShape) throws(EnvelopeError) -> RawJSONValue {
        do throws(JSONSyntaxError) {
            return try value()
        } catch {
            throw .malformed(shape, "malformed JSON at byte \(error.offset + 1): expected \(error.expected)")
        }
    }

    /// Decodes the string value at the position into `out` and goes on after it.
    mutating func decodeString(_ line: UnsafeRawBufferPointer, into out: ScratchBytes, _ shape: LogShape, field: String) throws(EnvelopeError) {
        guard atString else { throw .malformed(shape, "\(field) is not a string") }
        do throws(EnvelopeError) {
            resume(at: try JSONStringUnescaper.decode(line, at: position, into: out))
        } catch {
            throw .malformed(shape, "\(field): \(error.detail)")
        }
    }

    /// The next member, with a JSON syntax error turned into an envelope error of `shape`.
    mutating func nextMember(_ shape: LogShape) throws(EnvelopeError) -> (key: RawJSONValue, value: RawJSONValue)? {
        do throws(JSONSyntaxError) {
            return try next()
        } catch {
            throw .malformed(shape, "malformed JSON at byte \(error.offset + 1): expected \(error.expected)")
        }
    }
}

extension RawJSONValue {
    func bytes(in line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: line[start..<end])
    }

    func isKey(_ text: StaticString, in line: UnsafeRawBufferPointer) -> Bool {
        end - start == text.utf8CodeUnitCount && ByteSearch.equals(bytes(in: line), text)
    }

    /// Appends the decoded string to `out`.
    func appendString(in line: UnsafeRawBufferPointer, to out: ScratchBytes, shape: LogShape, field: String) throws(EnvelopeError) {
        guard kind == .string else { throw .malformed(shape, "\(field) is not a string") }
        guard hasEscapes else {
            out.append(bytes(in: line))
            return
        }
        var decoded: [UInt8] = []
        do throws(JSONStringDecoder.Failure) {
            try JSONStringDecoder.unescape(bytes(in: line), appendingTo: &decoded)
        } catch {
            throw .malformed(shape, "\(field): \(error.reason)")
        }
        decoded.withUnsafeBytes { out.append($0) }
    }
}
