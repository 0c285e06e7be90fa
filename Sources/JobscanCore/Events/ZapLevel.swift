/// zap's log levels, as written in lower case (JSON) or upper case (console).
public enum ZapLevel: String, Sendable, CaseIterable {
    case debug, info, warn, error, dpanic, panic, fatal

    static func parse(_ b: UnsafeRawBufferPointer) -> ZapLevel? {
        var lowered = [UInt8]()
        lowered.reserveCapacity(6)
        for c in b {
            guard lowered.count < 6 else { return nil }
            lowered.append(c >= 65 && c <= 90 ? c + 32 : c)
        }
        return ZapLevel(rawValue: String(decoding: lowered, as: UTF8.self))
    }
}
