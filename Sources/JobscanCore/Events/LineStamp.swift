/// The latest time of the foreign lines of one input, kept cheaply: the raw time text of the
/// best candidate stays in place (no allocation) and is parsed only when asked, or when a later
/// text cannot be ordered against it by a byte compare. The evaluation instant is the latest time
/// seen, so a trailing line from another program or a clock step cannot move it back.
struct LineStamp {
    enum Layout { case zapJSON, zapConsole }

    /// Room for any zap time: RFC3339Nano with an offset and quotes is 37 bytes.
    private static let capacity = 64
    private var storage: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var count = 0
    private var layout = Layout.zapJSON
    /// The latest of the texts already parsed (those that were replaced by a later candidate).
    private var latestParsed: Instant?

    /// Forgets everything, as a new input begins.
    mutating func clear() {
        count = 0
        latestParsed = nil
    }

    /// Notes the time text `bytes` of a foreign line.
    mutating func set(_ bytes: UnsafeRawBufferPointer, layout: Layout) {
        guard bytes.count > 0 else { return }
        if count > 0 {
            switch withPending({ Self.order(pending: $0, pendingLayout: self.layout, new: bytes, newLayout: layout) }) {
            case .newIsLater: break
            case .newIsEarlier: return
            case .unknown: fold(instant(ofPending: ()))
            }
        }
        guard bytes.count <= Self.capacity else {
            // No zap time is this long, but an epoch may carry many fraction digits: parse it now.
            fold(Self.parse(bytes, layout: layout))
            count = 0
            return
        }
        withUnsafeMutableBytes(of: &storage) { $0.baseAddress!.copyMemory(from: bytes.baseAddress!, byteCount: bytes.count) }
        count = bytes.count
        self.layout = layout
    }

    /// The latest foreign time noted since `clear()`, nil when none parsed.
    func instant() -> Instant? {
        let pending = instant(ofPending: ())
        guard let latestParsed else { return pending }
        guard let pending else { return latestParsed }
        return pending > latestParsed ? pending : latestParsed
    }

    private mutating func fold(_ time: Instant?) {
        guard let time else { return }
        if let latestParsed, latestParsed >= time { return }
        latestParsed = time
    }

    private func instant(ofPending _: Void) -> Instant? {
        guard count > 0 else { return nil }
        return withPending { Self.parse($0, layout: layout) }
    }

    private func withPending<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        var copy = storage
        return withUnsafeBytes(of: &copy) { body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }

    /// The text as an instant: a JSON `ts` (number, or a quoted RFC 3339 or console time), or a console time.
    static func parse(_ text: UnsafeRawBufferPointer, layout: Layout) -> Instant? {
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

    enum Order { case newIsLater, newIsEarlier, unknown }

    /// Orders two texts by bytes where that is certain to be their order in time and both are
    /// valid: zap's epoch `ts` of this era, `1dddddddd[.d…]` (2001–2033, always in range), whose
    /// digits compare like the numbers. Anything else is `unknown` and gets parsed.
    static func order(pending a: UnsafeRawBufferPointer, pendingLayout: Layout,
                      new b: UnsafeRawBufferPointer, newLayout: Layout) -> Order {
        guard pendingLayout == .zapJSON, newLayout == .zapJSON, isEraEpoch(a), isEraEpoch(b) else { return .unknown }
        let n = min(a.count, b.count)
        for i in 0..<n where a[i] != b[i] {
            return b[i] > a[i] ? .newIsLater : .newIsEarlier
        }
        // Equal up to the shorter one: the longer has more fraction digits, so it is no earlier.
        return b.count >= a.count ? .newIsLater : .newIsEarlier
    }

    private static func isEraEpoch(_ t: UnsafeRawBufferPointer) -> Bool {
        guard t.count >= 10, t[0] == UInt8(ascii: "1") else { return false }
        for i in 1..<10 where t[i] < 48 || t[i] > 57 { return false }
        if t.count == 10 { return true }
        guard t[10] == UInt8(ascii: "."), t.count > 11 else { return false }
        for i in 11..<t.count where t[i] < 48 || t[i] > 57 { return false }
        return true
    }
}
