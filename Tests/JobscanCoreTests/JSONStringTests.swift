import Testing
@testable import JobscanCore

/// JSON string content decoding (Grammar/zap-json-line.ebnf, section 2).
@Suite("JSONString")
struct JSONStringTests {
    static func decode(_ content: [UInt8]) throws -> String {
        let hasEscapes = content.contains(UInt8(ascii: "\\"))
        return try content.withUnsafeBytes { try JSONStringDecoder.decode($0, hasEscapes: hasEscapes) }
    }

    static func decode(_ content: String) throws -> String { try decode(Array(content.utf8)) }

    struct Case: Sendable, CustomTestStringConvertible {
        let content: String
        let decoded: String
        var testDescription: String { "\(content) → \(escapedForDisplay(decoded))" }
    }

    static let escapes: [Case] = [
        .init(content: #"\""#, decoded: "\""),
        .init(content: #"\\"#, decoded: "\\"),
        .init(content: #"\/"#, decoded: "/"),
        .init(content: #"\b"#, decoded: "\u{08}"),
        .init(content: #"\f"#, decoded: "\u{0C}"),
        .init(content: #"\n"#, decoded: "\n"),
        .init(content: #"\r"#, decoded: "\r"),
        .init(content: #"\t"#, decoded: "\t"),
        .init(content: #"\u0000"#, decoded: "\u{0}"),
        .init(content: #"\u001b[31mERROR\u001b[0m"#, decoded: "\u{1B}[31mERROR\u{1B}[0m"),
        .init(content: #"\u00e9"#, decoded: "é"),
        .init(content: #"\u00E9"#, decoded: "é"),
        .init(content: #"\u2028"#, decoded: "\u{2028}"),
        .init(content: #"\ufffd"#, decoded: "\u{FFFD}"),
        .init(content: #"\ud83d\ude00"#, decoded: "😀"),
        .init(content: #"\uD83D\uDE00"#, decoded: "😀"),
        .init(content: #"\udbff\udfff"#, decoded: "\u{10FFFF}"),
        .init(content: #"\ud800\udc00"#, decoded: "\u{10000}"),
        // lone surrogates become U+FFFD, as in Go; the next escape is read normally
        .init(content: #"\ud83d"#, decoded: "\u{FFFD}"),
        .init(content: #"\ude00"#, decoded: "\u{FFFD}"),
        .init(content: #"\ud83dx"#, decoded: "\u{FFFD}x"),
        .init(content: #"\ud83d\u0041"#, decoded: "\u{FFFD}A"),
        .init(content: #"\ud83d\ud83d\ude00"#, decoded: "\u{FFFD}😀"),
        .init(content: #"\ude00\ud83d"#, decoded: "\u{FFFD}\u{FFFD}"),
        .init(content: #"\ud83d\n"#, decoded: "\u{FFFD}\n"),
        // mixed with raw text, as zap writes it
        .init(content: #"external API error: status=429 body=\"{\\\"error\\\":\\\"rate limited\\\"}\""#,
              decoded: #"external API error: status=429 body="{\"error\":\"rate limited\"}""#),
        .init(content: #"line one\nline two\ttab \\ back"#, decoded: "line one\nline two\ttab \\ back"),
        .init(content: "raw é and 😀 and \u{2028} with \\n", decoded: "raw é and 😀 and \u{2028} with \n"),
        .init(content: "no escapes at all", decoded: "no escapes at all"),
        .init(content: "", decoded: ""),
    ]

    @Test("escapes decode", arguments: escapes)
    func decodes(_ c: Case) throws {
        #expect(try Self.decode(c.content) == c.decoded)
    }

    @Test("invalid escapes are rejected", arguments: [
        #"\x"#, #"\a"#, #"\U0041"#, #"\'"#, #"\0"#, #"\"#, #"abc\"#, #"\u"#, #"\u12"#, #"\u123"#, #"\u12g4"#,
        #"\u-123"#, #"\ud83d\u"#, #"ok \e[0m"#,
    ])
    func rejects(_ content: String) {
        #expect(throws: JSONStringDecoder.Failure.self) { try Self.decode(content) }
    }

    @Test("the failure locates the bad escape")
    func failureOffset() throws {
        let error = try #require(throws: JSONStringDecoder.Failure.self) { try Self.decode(#"abc\x"#) }
        #expect(error.offset == 3)
        #expect(error.reason.contains("\\x"))
    }

    @Test("raw invalid UTF-8 bytes become U+FFFD, with or without escapes", arguments: [false, true])
    func invalidUTF8(_ withEscape: Bool) throws {
        var bytes: [UInt8] = Array("a".utf8) + [0xFF] + Array("b".utf8) + [0xC3] + Array("c".utf8)
        if withEscape { bytes += Array(#"\n"#.utf8) }
        let expected = "a\u{FFFD}b\u{FFFD}c" + (withEscape ? "\n" : "")
        #expect(try Self.decode(bytes) == expected)
    }

    @Test("raw NUL and control bytes are kept")
    func rawControlBytes() throws {
        #expect(try Self.decode([0x61, 0x00, 0x01, 0x09, 0x62]) == "a\u{0}\u{1}\tb")
    }

    @Test("the escape flag only skips work: unescaped content decodes the same either way")
    func flagIsAShortcut() throws {
        let content = Array("plain é text".utf8)
        let fast = try content.withUnsafeBytes { try JSONStringDecoder.decode($0, hasEscapes: false) }
        let slow = try content.withUnsafeBytes { try JSONStringDecoder.decode($0, hasEscapes: true) }
        #expect(fast == slow)
    }
}
