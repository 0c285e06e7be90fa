/// Holds the decoder's fast path to the exact scanner: fed the same lines, a decoder with the
/// fast path and one with the exact scan alone must give the same outcome for every line (kind,
/// event, diagnostic) and keep the same foreign time. The differential test and the fuzzer use it.
struct DecoderAgreement {
    private var fast = EventDecoder()
    private var exact = EventDecoder()

    init() {}

    /// Decodes `line` both ways; a description of the disagreement, or nil when they agree.
    mutating func check(_ line: UnsafeRawBufferPointer, lineNumber: Int) -> String? {
        let a = fast.decode(line, lineNumber: lineNumber)
        let b = exact.decodeExactly(line, lineNumber: lineNumber)
        let text = String(decoding: line, as: UTF8.self)
        if let difference = Self.difference(a, b) {
            return "line \(lineNumber) \(text.debugDescription): fast path \(difference.0), exact scan \(difference.1)"
        }
        if fast.foreignTime() != exact.foreignTime() {
            return "line \(lineNumber) \(text.debugDescription): foreign time \(String(describing: fast.foreignTime())) (fast path) vs \(String(describing: exact.foreignTime())) (exact scan)"
        }
        return nil
    }

    private static func difference(_ a: LineOutcome, _ b: LineOutcome) -> (String, String)? {
        switch (a, b) {
        case (.foreign, .foreign):
            return nil
        case (.event(let x), .event(let y)):
            guard x.time == y.time, x.time.utcOffsetSeconds == y.time.utcOffsetSeconds, x.level == y.level,
                  x.payload == y.payload, x.encoding == y.encoding
            else { return ("\(x)", "\(y)") }
            return nil
        case (.diagnostic(let x), .diagnostic(let y)):
            guard x.reason == y.reason, x.message == y.message, x.detail == y.detail else { return ("\(x)", "\(y)") }
            return nil
        default:
            return (name(a), name(b))
        }
    }

    private static func name(_ outcome: LineOutcome) -> String {
        switch outcome {
        case .foreign: "foreign"
        case .event(let e): "event \(e.message)"
        case .diagnostic(let d): "diagnostic \(d.reason.rawValue)"
        }
    }
}
