import Testing
@testable import JobscanCore

/// The scanner finds a string's end eight bytes at a time for its first 64 bytes and with `memchr`
/// after; wherever an escape falls (across a word, across that boundary, a run of backslashes
/// before a quote), it must end the string where the grammar does.
@Suite("JSONObjectScanner: strings of every length, escapes everywhere")
struct JSONObjectScannerTests {
    static let tokens = [#"a"#, #"\""#, #"\\"#, #"\n"#, #"\u00e9"#, #"\\\""#, #"é"#]

    /// Scans `{"key":"content","next":1}` and returns the string value and the key after it.
    static func scan(_ content: String) throws -> (value: RawJSONValue, next: String)? {
        let json = Array(#"{"key":""#.utf8) + Array(content.utf8) + Array(#"","next":1}"#.utf8)
        return try json.withUnsafeBytes { bytes throws -> (RawJSONValue, String)? in
            var scanner = try JSONObjectScanner(bytes)
            guard let (_, value) = try scanner.next(), let (key, _) = try scanner.next() else { return nil }
            return (value, String(decoding: bytes[key.start..<key.end], as: UTF8.self))
        }
    }

    @Test("the value ends at its closing quote, and says whether it holds escapes", arguments: 0..<80)
    func strings(prefix: Int) throws {
        var generator = SplitMix64(seed: UInt64(prefix))
        for _ in 0..<40 {
            var content = String(repeating: "a", count: prefix)
            for _ in 0..<Int(generator.next() % 12) {
                content += Self.tokens[Int(generator.next() % UInt64(Self.tokens.count))]
            }
            let scanned = try #require(try Self.scan(content), "\(content)")
            #expect(scanned.value.kind == .string)
            #expect(scanned.value.start == 8)
            #expect(scanned.value.end == 8 + content.utf8.count, "\(content)")
            #expect(scanned.value.hasEscapes == content.contains("\\"), "\(content)")
            #expect(scanned.next == "next")
        }
    }

    @Test("a string without its closing quote is an error, however long", arguments: [0, 7, 8, 60, 63, 64, 65, 200])
    func unterminated(length: Int) {
        for tail in ["", #"\"#, #"\""#, #"\\\"#] {
            let json = Array(#"{"key":""#.utf8) + Array(repeating: UInt8(ascii: "a"), count: length) + Array(tail.utf8)
            #expect(throws: JSONSyntaxError.self, "\(length) + \(tail)") {
                try json.withUnsafeBytes { bytes in
                    var scanner = try JSONObjectScanner(bytes)
                    _ = try scanner.next()
                }
            }
        }
    }
}
