/// The raw time text of the last foreign line, kept in place (no allocation) and parsed only when
/// asked: most foreign lines' times are never needed, only the last one's.
struct LineStamp {
    enum Layout { case zapJSON, zapConsole }

    private var storage: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var count = 0
    private var layout = Layout.zapJSON

    mutating func clear() { count = 0 }

    /// Keeps `bytes` (up to 32; a longer text is no zap time and is dropped).
    mutating func set(_ bytes: UnsafeRawBufferPointer, layout: Layout) {
        guard bytes.count <= 32, bytes.count > 0 else { count = 0; return }
        withUnsafeMutableBytes(of: &storage) { $0.baseAddress!.copyMemory(from: bytes.baseAddress!, byteCount: bytes.count) }
        count = bytes.count
        self.layout = layout
    }

    /// The kept text as an instant: a JSON `ts` (number, or a quoted RFC 3339 or console time), or a console time.
    func instant() -> Instant? {
        guard count > 0 else { return nil }
        var copy = storage
        return withUnsafeBytes(of: &copy) { raw -> Instant? in
            let text = UnsafeRawBufferPointer(rebasing: raw[0..<count])
            switch layout {
            case .zapConsole:
                return TimeText.parseZapConsole(text)
            case .zapJSON:
                if text.count >= 2, text[0] == UInt8(ascii: "\""), text[text.count - 1] == UInt8(ascii: "\"") {
                    let inner = UnsafeRawBufferPointer(rebasing: text[1..<(text.count - 1)])
                    return TimeText.parseRFC3339(inner) ?? TimeText.parseZapConsole(inner)
                }
                return TimeText.parseEpochSeconds(text)
            }
        }
    }
}
