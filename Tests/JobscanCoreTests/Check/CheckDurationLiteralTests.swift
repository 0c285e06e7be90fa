import Testing
@testable import JobscanCore

@Suite("Go duration literals")
struct CheckDurationLiteralTests {
    @Test("parses Go durations to exact nanoseconds", arguments: [
        ("30s", Int64(30_000_000_000)),
        ("1.5s", 1_500_000_000),
        ("2m3.004s", 123_004_000_000),
        ("1h0m0s", 3_600_000_000_000),
        ("350ms", 350_000_000),
        ("12.5\u{00B5}s", 12_500),
        ("12.5\u{03BC}s", 12_500),
        ("12.5us", 12_500),
        ("800ns", 800),
        ("1h30m", 5_400_000_000_000),
        ("1.5h", 5_400_000_000_000),
        ("-1.5h", -5_400_000_000_000),
        ("0s", 0),
        ("1ms1ms", 2_000_000),
        // Truncated toward zero, never rounded.
        ("1.9999999999ns", 1),
        ("0.1234567899s", 123_456_789),
        // Long fractions: every digit is used and none overflows.
        ("0.000000000000000000000000000001h", 0),
        ("1.000000000000000000000000000001h", 3_600_000_000_000),
        ("2562047h47m16.854775807s", Int64.max),
        ("-2562047h47m16.854775808s", Int64.min),
    ])
    func parses(_ text: String, _ nanoseconds: Int64) {
        #expect(CheckDurationLiteral.parse(text) == nanoseconds)
    }

    @Test("rejects what is not a duration or does not fit", arguments: [
        "", "30", "s", "30x", "5sec", "2m3", "1.s", ".5s", "+1s", "1 s",
        "2562047h47m16.854775808s", "9223372036854775808ns", "-2562047h47m16.854775809s",
        "99999999999999999999h",
    ])
    func rejects(_ text: String) {
        #expect(CheckDurationLiteral.parse(text) == nil)
    }

    @Test("formats like Go's Duration.String", arguments: [
        (Int64(0), "0s"),
        (1, "1ns"),
        (999, "999ns"),
        (1_000, "1\u{00B5}s"),
        (12_500, "12.5\u{00B5}s"),
        (1_500_000, "1.5ms"),
        (350_000_000, "350ms"),
        (1_000_000_000, "1s"),
        (1_500_000_000, "1.5s"),
        (123_004_000_000, "2m3.004s"),
        (3_600_000_000_000, "1h0m0s"),
        (5_400_000_000_001, "1h30m0.000000001s"),
        (-1_500_000_000, "-1.5s"),
        (Int64.max, "2562047h47m16.854775807s"),
        (Int64.min, "-2562047h47m16.854775808s"),
    ])
    func formats(_ nanoseconds: Int64, _ text: String) {
        #expect(CheckDurationLiteral.format(nanoseconds) == text)
    }

    @Test("formatting then parsing gives the value back")
    func roundTrips() {
        for nanoseconds: Int64 in [1, 999, 1_001, 999_999, 1_000_001, 59_999_999_999, 3_599_999_999_999, 86_400_000_000_001] {
            #expect(CheckDurationLiteral.parse(CheckDurationLiteral.format(nanoseconds)) == nanoseconds)
            #expect(CheckDurationLiteral.parse(CheckDurationLiteral.format(-nanoseconds)) == -nanoseconds)
        }
    }
}
