import Testing
@testable import JobscanCore

/// Go duration parsing and printing (Grammar/go-duration.ebnf). Expected values are worked out by
/// hand with Go's algorithm: integer * unit + uint64(float64(f) * (float64(unit) / scale)).
@Suite("GoDuration")
struct GoDurationTests {
    struct Valid: Sendable, CustomTestStringConvertible {
        let text: String
        let nanoseconds: Int64
        var testDescription: String { "\(text) = \(nanoseconds)ns" }
    }

    static let valid: [Valid] = [
        // zero
        .init(text: "0s", nanoseconds: 0),
        .init(text: "0", nanoseconds: 0),
        .init(text: "-0", nanoseconds: 0),
        .init(text: "+0", nanoseconds: 0),
        .init(text: "0ns", nanoseconds: 0),
        .init(text: "0.000h", nanoseconds: 0),
        // nanoseconds
        .init(text: "1ns", nanoseconds: 1),
        .init(text: "800ns", nanoseconds: 800),
        .init(text: "999ns", nanoseconds: 999),
        // microseconds in all three spellings
        .init(text: "1µs", nanoseconds: 1_000),
        .init(text: "1.5\u{00B5}s", nanoseconds: 1_500),
        .init(text: "1.5\u{03BC}s", nanoseconds: 1_500),
        .init(text: "1.5us", nanoseconds: 1_500),
        .init(text: "12.5µs", nanoseconds: 12_500),
        .init(text: "21.072µs", nanoseconds: 21_072),
        .init(text: "999.999µs", nanoseconds: 999_999),
        // milliseconds
        .init(text: "3ms", nanoseconds: 3_000_000),
        .init(text: "350ms", nanoseconds: 350_000_000),
        .init(text: "55.248822ms", nanoseconds: 55_248_822),
        .init(text: "86.241771ms", nanoseconds: 86_241_771),
        .init(text: "1.318148ms", nanoseconds: 1_318_148),
        // seconds, minutes, hours
        .init(text: "1s", nanoseconds: 1_000_000_000),
        .init(text: "1.5s", nanoseconds: 1_500_000_000),
        .init(text: "1.700980916s", nanoseconds: 1_700_980_916),
        .init(text: "59.999999999s", nanoseconds: 59_999_999_999),
        .init(text: "1m0s", nanoseconds: 60_000_000_000),
        .init(text: "2m3.004s", nanoseconds: 123_004_000_000),
        .init(text: "10m", nanoseconds: 600_000_000_000),
        .init(text: "1h0m0s", nanoseconds: 3_600_000_000_000),
        .init(text: "1h2m3s", nanoseconds: 3_723_000_000_000),
        .init(text: "1h2m3.456789012s", nanoseconds: 3_723_456_789_012),
        .init(text: "24h0m0s", nanoseconds: 86_400_000_000_000),
        .init(text: "1.5h", nanoseconds: 5_400_000_000_000),
        // the extremes
        .init(text: "2562047h47m16.854775807s", nanoseconds: .max),
        .init(text: "9223372036854775807ns", nanoseconds: .max),
        .init(text: "-2562047h47m16.854775808s", nanoseconds: .min),
        .init(text: "-9223372036854775808ns", nanoseconds: .min),
        // signs
        .init(text: "-1.5s", nanoseconds: -1_500_000_000),
        .init(text: "+1s", nanoseconds: 1_000_000_000),
        .init(text: "-1h2m3s", nanoseconds: -3_723_000_000_000),
        .init(text: "-12.5µs", nanoseconds: -12_500),
        // decimal forms Go accepts
        .init(text: ".5s", nanoseconds: 500_000_000),
        .init(text: "1.s", nanoseconds: 1_000_000_000),
        .init(text: "01s", nanoseconds: 1_000_000_000),
        .init(text: "1.50s", nanoseconds: 1_500_000_000),
        .init(text: "1000ns", nanoseconds: 1_000),
        .init(text: "60s", nanoseconds: 60_000_000_000),
        // several units, any order, repeats
        .init(text: "1s1h", nanoseconds: 3_601_000_000_000),
        .init(text: "1h1h", nanoseconds: 7_200_000_000_000),
        .init(text: "3ms2µs1ns", nanoseconds: 3_002_001),
        .init(text: "1ns1us1ms1s1m1h", nanoseconds: 3_661_001_001_001),
        .init(text: "1.5m.5s", nanoseconds: 90_500_000_000),
        // fractions past nanosecond precision are truncated
        .init(text: "1.0000000001s", nanoseconds: 1_000_000_000),
        .init(text: "1.9999999999s", nanoseconds: 1_999_999_999),
        .init(text: "0.5ns", nanoseconds: 0),
        .init(text: "1.9ns", nanoseconds: 1),
        // fraction digits past 2^63 are dropped: f = 1234567890123456789, scale = 1e19
        .init(text: "0.12345678901234567890123s", nanoseconds: 123_456_789),
        // Go's float arithmetic, kept bit for bit (exact math would give 517513785867 and 3137222631749)
        .init(text: "0.14375382940750h", nanoseconds: 517_513_785_866),
        .init(text: "0.871450731041666646h", nanoseconds: 3_137_222_631_750),
        .init(text: "0.333333333333333333h", nanoseconds: 1_199_999_999_999),
    ]

    @Test("parses to exact nanoseconds", arguments: valid)
    func parses(_ c: Valid) throws {
        #expect(try GoDuration.parse(c.text) == c.nanoseconds)
        // The byte entry point agrees with the String one.
        let viaBytes = try withUTF8Bytes(c.text) { try GoDuration.parse($0) }
        #expect(viaBytes == c.nanoseconds)
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        let text: String
        let error: GoDurationError
        var testDescription: String { "\"\(escapedForDisplay(text))\" → \(error)" }
    }

    static let invalid: [Invalid] = [
        .init(text: "", error: .invalid("")),
        .init(text: "-", error: .invalid("-")),
        .init(text: "+", error: .invalid("+")),
        .init(text: "--1s", error: .invalid("--1s")),
        .init(text: "s", error: .invalid("s")),
        .init(text: ".s", error: .invalid(".s")),
        .init(text: "-.s", error: .invalid("-.s")),
        .init(text: ".", error: .invalid(".")),
        .init(text: " 1s", error: .invalid(" 1s")),
        .init(text: "1", error: .missingUnit("1")),
        .init(text: "00", error: .missingUnit("00")),
        .init(text: "1.5", error: .missingUnit("1.5")),
        .init(text: "1..5s", error: .missingUnit("1..5s")),
        .init(text: "1.5.5s", error: .missingUnit("1.5.5s")),
        .init(text: "1s2", error: .missingUnit("1s2")),
        .init(text: "1x", error: .unknownUnit("x", "1x")),
        .init(text: "1 s", error: .unknownUnit(" s", "1 s")),
        .init(text: "1s ", error: .unknownUnit("s ", "1s ")),
        .init(text: "1S", error: .unknownUnit("S", "1S")),
        .init(text: "1sec", error: .unknownUnit("sec", "1sec")),
        .init(text: "1d", error: .unknownUnit("d", "1d")),
        .init(text: "1µ", error: .unknownUnit("µ", "1µ")),
        .init(text: "1e3s", error: .unknownUnit("e", "1e3s")),
        .init(text: "1h-1m", error: .unknownUnit("h-", "1h-1m")),
        .init(text: "9223372036854775808ns", error: .overflow("9223372036854775808ns")),
        .init(text: "9223372036854775809ns", error: .overflow("9223372036854775809ns")),
        .init(text: "-9223372036854775809ns", error: .overflow("-9223372036854775809ns")),
        .init(text: "99999999999999999999ns", error: .overflow("99999999999999999999ns")),
        .init(text: "2562047h47m16.854775808s", error: .overflow("2562047h47m16.854775808s")),
        .init(text: "2562048h", error: .overflow("2562048h")),
        .init(text: "9223372036854775807ns1ns", error: .overflow("9223372036854775807ns1ns")),
    ]

    @Test("rejects malformed text with a clear error", arguments: invalid)
    func rejects(_ c: Invalid) {
        #expect(throws: c.error) { try GoDuration.parse(c.text) }
    }

    @Test("error descriptions name the text and the problem")
    func errorDescriptions() {
        #expect(GoDurationError.invalid("").description == "invalid duration \"\"")
        #expect(GoDurationError.missingUnit("1").description == "missing unit in duration \"1\"")
        #expect(GoDurationError.unknownUnit("x", "1x").description == "unknown unit \"x\" in duration \"1x\"")
        #expect(GoDurationError.overflow("9223372036854775808ns").description
            == "duration \"9223372036854775808ns\" overflows Int64 nanoseconds")
    }

    /// Two components of exactly 2^63 ns each: the running total passes UInt64.max. Go wraps
    /// around (and returns 0); GoDuration must report an overflow, not trap.
    @Test("a total past UInt64 is an overflow, not a crash")
    func totalPastUInt64() {
        let text = "9223372036854775808ns9223372036854775808ns"
        let result = Result { () throws(GoDurationError) in try GoDuration.parse(text) }
        #expect(result == .failure(.overflow(text)))
    }

    // MARK: format

    struct Printed: Sendable, CustomTestStringConvertible {
        let nanoseconds: Int64
        let text: String
        var testDescription: String { "\(nanoseconds)ns → \(text)" }
    }

    static let printed: [Printed] = [
        .init(nanoseconds: 0, text: "0s"),
        .init(nanoseconds: 1, text: "1ns"),
        .init(nanoseconds: 999, text: "999ns"),
        .init(nanoseconds: 1_000, text: "1µs"),
        .init(nanoseconds: 1_500, text: "1.5µs"),
        .init(nanoseconds: 21_072, text: "21.072µs"),
        .init(nanoseconds: 999_999, text: "999.999µs"),
        .init(nanoseconds: 1_000_000, text: "1ms"),
        .init(nanoseconds: 3_000_000, text: "3ms"),
        .init(nanoseconds: 86_241_771, text: "86.241771ms"),
        .init(nanoseconds: 350_000_000, text: "350ms"),
        .init(nanoseconds: 999_999_999, text: "999.999999ms"),
        .init(nanoseconds: 1_000_000_000, text: "1s"),
        .init(nanoseconds: 1_500_000_000, text: "1.5s"),
        .init(nanoseconds: 1_000_000_001, text: "1.000000001s"),
        .init(nanoseconds: 59_999_999_999, text: "59.999999999s"),
        .init(nanoseconds: 60_000_000_000, text: "1m0s"),
        .init(nanoseconds: 123_004_000_000, text: "2m3.004s"),
        .init(nanoseconds: 3_600_000_000_000, text: "1h0m0s"),
        .init(nanoseconds: 3_600_500_000_000, text: "1h0m0.5s"),
        .init(nanoseconds: 3_723_000_000_000, text: "1h2m3s"),
        .init(nanoseconds: 3_723_456_789_012, text: "1h2m3.456789012s"),
        .init(nanoseconds: 86_400_000_000_000, text: "24h0m0s"),
        .init(nanoseconds: .max, text: "2562047h47m16.854775807s"),
        .init(nanoseconds: -1, text: "-1ns"),
        .init(nanoseconds: -1_500, text: "-1.5µs"),
        .init(nanoseconds: -1_500_000_000, text: "-1.5s"),
        .init(nanoseconds: -3_723_000_000_000, text: "-1h2m3s"),
        .init(nanoseconds: .min, text: "-2562047h47m16.854775808s"),
    ]

    @Test("formats as Go's Duration.String()", arguments: printed)
    func formats(_ c: Printed) {
        #expect(GoDuration.format(c.nanoseconds) == c.text)
    }

    @Test("format(parse(x)) == x for the forms Go prints", arguments: printed)
    func roundTrips(_ c: Printed) throws {
        #expect(GoDuration.format(try GoDuration.parse(c.text)) == c.text)
    }

    @Test("parse(format(n)) == n", arguments: [
        Int64(0), 1, 999, 1_000, 1_001, 999_999, 1_000_001, 123_456_789, 1_000_000_000, 61_000_000_001,
        3_599_999_999_999, 3_600_000_000_001, .max, -1, -1_000_001, .min, .min + 1,
    ])
    func parsesFormatted(_ n: Int64) throws {
        #expect(try GoDuration.parse(GoDuration.format(n)) == n)
    }

    @Test("seconds as a Double")
    func seconds() {
        #expect(GoDuration.seconds(1_500_000_000) == 1.5)
        #expect(GoDuration.seconds(-3_000_000) == -0.003)
    }
}
