/// Times as the service writes them: RFC 3339 nanoseconds in the service's offset; Go's zero time in UTC.
enum ServiceTime {
    static func text(_ instant: Instant, offset: Int32) -> String {
        instant == .goZero ? instant.inOffset(0).rfc3339Nano : instant.inOffset(offset).rfc3339Nano
    }

    static func optional(_ instant: Instant?, offset: Int32) -> String? {
        instant.map { text($0, offset: offset) }
    }
}
