/// Why a record of a wrapping shape could not be unwrapped; reported as a diagnostic at its line.
struct EnvelopeError: Error {
    var reason: DiagnosticReason
    var detail: String

    static func malformed(_ shape: LogShape, _ detail: String) -> EnvelopeError {
        EnvelopeError(reason: .malformedEnvelope, detail: "not a \(shape.rawValue) record: \(detail)")
    }
}

extension JSONObjectScanner {
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
    func appendString(in line: UnsafeRawBufferPointer, to out: inout [UInt8], shape: LogShape, field: String) throws(EnvelopeError) {
        guard kind == .string else { throw .malformed(shape, "\(field) is not a string") }
        guard hasEscapes else {
            out.append(contentsOf: bytes(in: line))
            return
        }
        do throws(JSONStringDecoder.Failure) {
            try JSONStringDecoder.unescape(bytes(in: line), appendingTo: &out)
        } catch {
            throw .malformed(shape, "\(field): \(error.reason)")
        }
    }
}
