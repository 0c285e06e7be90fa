import Testing
@testable import JobscanCore

/// RFC 3339, zap console and epoch time texts (Grammar/rfc3339.ebnf) and Instant's RFC 3339 output.
/// Expected epoch seconds come from Python's calendar.timegm, not from the code under test.
@Suite("TimeText")
struct TimeTextTests {
    static func rfc3339(_ s: String) -> Instant? { TimeText.parseRFC3339(s) }
    static func console(_ s: String) -> Instant? { withUTF8Bytes(s) { TimeText.parseZapConsole($0) } }
    static func epoch(_ s: String) -> Instant? { withUTF8Bytes(s) { TimeText.parseEpochSeconds($0) } }

    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let nanoseconds: Int64
        let offset: Int32
        init(_ text: String, _ nanoseconds: Int64, offset: Int32 = 0) {
            self.text = text
            self.nanoseconds = nanoseconds
            self.offset = offset
        }
        var testDescription: String { text }
    }

    // MARK: RFC 3339

    static let rfc3339Valid: [Case] = [
        .init("2026-11-25T20:45:21Z", 1_795_639_521_000_000_000),
        .init("2026-11-26T03:45:21+07:00", 1_795_639_521_000_000_000, offset: 25_200),
        .init("2026-11-25T17:15:21-03:30", 1_795_639_521_000_000_000, offset: -12_600),
        .init("2026-11-25T20:45:21+00:00", 1_795_639_521_000_000_000),
        .init("2026-11-25T20:45:21-00:00", 1_795_639_521_000_000_000),
        .init("2026-11-26T20:44:21+23:59", 1_795_639_521_000_000_000, offset: 86_340),
        .init("2026-11-25T20:45:21.1Z", 1_795_639_521_100_000_000),
        .init("2026-11-25T20:45:21.12Z", 1_795_639_521_120_000_000),
        .init("2026-11-25T20:45:21.123Z", 1_795_639_521_123_000_000),
        .init("2026-11-25T20:45:21.1234Z", 1_795_639_521_123_400_000),
        .init("2026-11-25T20:45:21.12345Z", 1_795_639_521_123_450_000),
        .init("2026-11-25T20:45:21.123456Z", 1_795_639_521_123_456_000),
        .init("2026-11-25T20:45:21.1234567Z", 1_795_639_521_123_456_700),
        .init("2026-11-25T20:45:21.12345678Z", 1_795_639_521_123_456_780),
        .init("2026-11-25T20:45:21.123456789Z", 1_795_639_521_123_456_789),
        .init("2026-11-25T20:45:21.000000001Z", 1_795_639_521_000_000_001),
        .init("2026-11-25T20:45:21.8066852Z", 1_795_639_521_806_685_200),
        .init("2026-11-26T03:45:21.8066852+07:00", 1_795_639_521_806_685_200, offset: 25_200),
        .init("1970-01-01T00:00:00Z", 0),
        .init("1969-12-31T23:59:59.999999999Z", -1),
        .init("1969-07-20T20:17:40Z", -14_182_940_000_000_000),
        .init("1900-01-01T00:00:00Z", -2_208_988_800_000_000_000),
        .init("1999-12-31T23:59:59Z", 946_684_799_000_000_000),
        .init("2024-02-29T12:00:00Z", 1_709_208_000_000_000_000),
        .init("2000-02-29T00:00:00Z", 951_782_400_000_000_000),
        .init("2026-02-28T23:59:59Z", 1_772_323_199_000_000_000),
        .init("2262-04-11T23:47:16.854775807Z", .max),
    ]

    @Test("RFC 3339 texts parse to exact instants with their offset", arguments: rfc3339Valid)
    func rfc3339Parses(_ c: Case) throws {
        let t = try #require(Self.rfc3339(c.text))
        #expect(t.nanoseconds == c.nanoseconds)
        #expect(t.utcOffsetSeconds == c.offset)
    }

    static let rfc3339Invalid: [String] = [
        "", "2026", "2026-11-25", "2026-11-25T20:45:21", // missing offset
        "2026-11-25T20:45:21+0700", // console offset in RFC 3339 mode
        "2026-11-25T20:45:21+07", "2026-11-25T20:45:21+07:0", "2026-11-25T20:45:21+7:00",
        "2026-11-25T20:45:21+24:00", "2026-11-25T20:45:21+07:60",
        "2026-11-25 20:45:21Z", "2026-11-25t20:45:21Z", "2026-11-25T20:45:21z",
        "2026-00-25T20:45:21Z", "2026-13-25T20:45:21Z", "2026-11-00T20:45:21Z", "2026-11-31T20:45:21Z",
        "2026-01-32T20:45:21Z", "2026-04-31T00:00:00Z",
        "2026-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
        "2026-11-25T24:00:00Z", "2026-11-25T20:60:00Z", "2026-11-25T20:45:60Z",
        "2026-11-25T20:45:21.Z", "2026-11-25T20:45:21.1234567891Z", "2026-11-25T20:45:21,5Z",
        "2026-11-25T20:45:21Z ", " 2026-11-25T20:45:21Z", "2026-11-25T20:45:21ZZ",
        "26-11-25T20:45:21Z", "2026-1-25T20:45:21Z", "2026/11/25T20:45:21Z", "2026-11-25T20-45-21Z",
        "+2026-11-25T20:45:21Z", "2026-1a-25T20:45:21Z",
    ]

    @Test("malformed RFC 3339 texts are rejected", arguments: rfc3339Invalid)
    func rfc3339Rejects(_ text: String) {
        #expect(Self.rfc3339(text) == nil)
    }

    // MARK: zap console time

    static let consoleValid: [Case] = [
        .init("2026-11-26T03:46:12.548+0700", 1_795_639_572_548_000_000, offset: 25_200),
        .init("2026-11-25T20:46:12.548Z", 1_795_639_572_548_000_000),
        .init("2026-11-25T20:46:12.548+0000", 1_795_639_572_548_000_000),
        .init("2026-11-25T17:16:12.548-0330", 1_795_639_572_548_000_000, offset: -12_600),
        .init("2026-11-25T20:46:12Z", 1_795_639_572_000_000_000),
        .init("2026-11-25T20:46:12.548123456Z", 1_795_639_572_548_123_456),
    ]

    @Test("zap console times parse", arguments: consoleValid)
    func consoleParses(_ c: Case) throws {
        let t = try #require(Self.console(c.text))
        #expect(t.nanoseconds == c.nanoseconds)
        #expect(t.utcOffsetSeconds == c.offset)
    }

    @Test("malformed console times are rejected", arguments: [
        "2026-11-26T03:46:12.548+07:00", "2026-11-26T03:46:12.548+07", "2026-11-26T03:46:12.548",
        "2026-11-26T03:46:12.548+2400", "2026-11-26T03:46:12.548+0760", "2026-11-26T03:46:12.+0700",
        "2026-11-26 03:46:12.548+0700", "2026-02-29T03:46:12.548+0700", "2026-11-26T03:46:12.548+0700\t",
    ])
    func consoleRejects(_ text: String) {
        #expect(Self.console(text) == nil)
    }

    // MARK: epoch ts

    static let epochValid: [Case] = [
        .init("1795639521.8066852", 1_795_639_521_806_685_200),
        .init("1795639569.606646", 1_795_639_569_606_646_000),
        .init("1795639521", 1_795_639_521_000_000_000),
        .init("0", 0),
        .init("0.000000001", 1),
        .init("000001.5", 1_500_000_000),
        .init("1795639521.1234567899", 1_795_639_521_123_456_789), // the tenth digit is truncated
        .init("1795639521.999999999999", 1_795_639_521_999_999_999),
        .init("9223372036.854775807", .max),
        .init("10.004", 10_004_000_000),
    ]

    @Test("epoch seconds parse exactly to the nanosecond", arguments: epochValid)
    func epochParses(_ c: Case) throws {
        let t = try #require(Self.epoch(c.text))
        #expect(t.nanoseconds == c.nanoseconds)
        #expect(t.utcOffsetSeconds == 0)
    }

    @Test("malformed epoch seconds are rejected", arguments: [
        "", "1.2e9", "1795639521e0", "-1", "+1", "1.", ".5", "1.5.", "1,5", " 1", "1 ", "0x10", "NaN", "1795639521.8s",
        "1000000000000", // 13 digits
    ])
    func epochRejects(_ text: String) {
        #expect(Self.epoch(text) == nil)
    }

    /// Values past Int64 nanoseconds must be rejected (nil), as the grammar's range constraint says.
    @Test("an epoch past 2262 is rejected, not a crash", arguments: ["10000000000", "9223372036.854775808"])
    func epochPastRange(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBytes({ TimeText.parseEpochSeconds($0) }) == nil)
    }

    @Test("RFC 3339 times outside Int64 nanoseconds are rejected", arguments: [
        "2262-04-11T23:47:16.854775808Z", "2262-04-12T00:00:00Z", "9999-12-31T23:59:59Z",
        "1677-09-21T00:12:43Z", "1677-09-21T00:12:43.999999999Z", "0001-01-01T00:00:00.5Z",
        "0001-01-01T00:00:01Z", "0000-01-01T00:00:00Z",
    ])
    func rfc3339OutOfRange(_ text: String) {
        #expect(Self.rfc3339(text) == nil)
    }

    @Test("the edges of the range parse", arguments: [
        Case("1677-09-21T00:12:44Z", -9_223_372_036_000_000_000),
        Case("2262-04-11T23:47:16.854775807Z", .max),
    ])
    func rfc3339Edges(_ c: Case) throws {
        #expect(try #require(Self.rfc3339(c.text)).nanoseconds == c.nanoseconds)
    }

    @Test("Go's zero time parses as Instant.goZero, in any offset", arguments: [
        "0001-01-01T00:00:00Z", "0001-01-01T00:00:00.000Z", "0001-01-01T07:00:00+07:00", "0001-01-01T00:00:00+00:00",
    ])
    func goZeroParses(_ text: String) throws {
        let t = try #require(Self.rfc3339(text))
        #expect(t == .goZero)
        #expect(t.rfc3339Nano == "0001-01-01T00:00:00Z")
    }

    // MARK: Instant.rfc3339Nano

    struct Printed: Sendable, CustomTestStringConvertible {
        let nanoseconds: Int64
        let offset: Int32
        let text: String
        var testDescription: String { text }
    }

    static let printed: [Printed] = [
        .init(nanoseconds: 1_795_639_521_806_685_200, offset: 0, text: "2026-11-25T20:45:21.8066852Z"),
        .init(nanoseconds: 1_795_639_521_806_685_200, offset: 25_200, text: "2026-11-26T03:45:21.8066852+07:00"),
        .init(nanoseconds: 1_795_639_521_000_000_000, offset: -12_600, text: "2026-11-25T17:15:21-03:30"),
        .init(nanoseconds: 1_795_639_521_500_000_000, offset: 0, text: "2026-11-25T20:45:21.5Z"),
        .init(nanoseconds: 1_795_639_521_000_000_001, offset: 0, text: "2026-11-25T20:45:21.000000001Z"),
        .init(nanoseconds: 1_795_639_521_120_000_000, offset: 0, text: "2026-11-25T20:45:21.12Z"),
        .init(nanoseconds: 0, offset: 0, text: "1970-01-01T00:00:00Z"),
        .init(nanoseconds: -1, offset: 0, text: "1969-12-31T23:59:59.999999999Z"),
        .init(nanoseconds: -14_182_940_000_000_000, offset: 0, text: "1969-07-20T20:17:40Z"),
        .init(nanoseconds: -2_208_988_800_000_000_000, offset: 0, text: "1900-01-01T00:00:00Z"),
        .init(nanoseconds: 951_782_400_000_000_000, offset: 0, text: "2000-02-29T00:00:00Z"),
        .init(nanoseconds: .max, offset: 0, text: "2262-04-11T23:47:16.854775807Z"),
        .init(nanoseconds: Int64.min, offset: 0, text: "0001-01-01T00:00:00Z"),
    ]

    @Test("rfc3339Nano drops trailing zeros and keeps the offset", arguments: printed)
    func rfc3339Nano(_ c: Printed) {
        #expect(Instant(nanoseconds: c.nanoseconds, utcOffsetSeconds: c.offset).rfc3339Nano == c.text)
    }

    /// An instant that parses must also print, near the end of the range too.
    @Test("an instant near the end of the range prints in its offset")
    func printsNearMax() throws {
        let t = try #require(TimeText.parseRFC3339("2262-04-12T00:47:16.854775807+01:00"))
        #expect(t.rfc3339Nano == "2262-04-12T00:47:16.854775807+01:00")
    }

    @Test("Go's zero time prints as 0001-01-01T00:00:00Z")
    func goZero() {
        #expect(Instant.goZero.rfc3339Nano == "0001-01-01T00:00:00Z")
        #expect(Instant.goZero.nanoseconds == .min)
    }

    @Test("rfc3339(fractionDigits:) keeps exactly that many digits")
    func fixedDigits() {
        let t = Instant(nanoseconds: 1_795_639_521_806_685_200, utcOffsetSeconds: 25_200)
        #expect(t.rfc3339(fractionDigits: 0) == "2026-11-26T03:45:21+07:00")
        #expect(t.rfc3339(fractionDigits: 3) == "2026-11-26T03:45:21.806+07:00")
        #expect(t.rfc3339(fractionDigits: 9) == "2026-11-26T03:45:21.806685200+07:00")
    }

    @Test("parse(rfc3339Nano) round trips with the offset", arguments: printed.dropLast())
    func roundTrip(_ c: Printed) throws {
        let t = try #require(Self.rfc3339(c.text))
        #expect(t.nanoseconds == c.nanoseconds)
        #expect(t.utcOffsetSeconds == c.offset)
        #expect(t.rfc3339Nano == c.text)
    }

    @Test("the offset does not take part in comparisons")
    func offsetIgnoredInEquality() throws {
        let utc = try #require(Self.rfc3339("2026-11-25T20:45:21Z"))
        let local = try #require(Self.rfc3339("2026-11-26T03:45:21+07:00"))
        #expect(utc == local)
        #expect(utc.hashValue == local.hashValue)
        #expect(local.inOffset(0).rfc3339Nano == "2026-11-25T20:45:21Z")
    }
}
