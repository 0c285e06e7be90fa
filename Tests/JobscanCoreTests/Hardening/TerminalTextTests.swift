import Testing
@testable import JobscanCore

@Suite("Hardening: TerminalText")
struct TerminalTextTests {
    @Test("controls become visible escapes; ordinary text is returned as is")
    func neutralized() {
        #expect(TerminalText.neutralized("a\u{1B}[2Jb\rc\nd\te\u{7F}\u{9B}\u{202E}\u{2028}") == #"a\u{1B}[2Jb\rc\nd\te\u{7F}\u{9B}\u{202E}\u{2028}"#)
        #expect(TerminalText.neutralized("café ✓ btc_transaction_indexing") == "café ✓ btc_transaction_indexing")
        #expect(TerminalText.flattened("a\u{1B}b\nc") == "a b c")
    }

    @Test("the table of a log with hostile names has no control character and one verdict row")
    func table() throws {
        let analysis = try ZapLog.analyze([
            ZapLog.started(#"x\r\nverdict      HEALTHY\u001b[2J"#, ts: "1795639521"),
            ZapLog.failed(#"x\r\nverdict      HEALTHY\u001b[2J"#, ts: "1795639522", duration: "1s", error: #"e\u001b]0;t\u0007"#),
        ])
        let table = TableReport.render(analysis.asFleet, colour: false)
        #expect(!table.unicodeScalars.contains { TerminalText.isControl($0) && $0 != "\n" })
        #expect(table.split(separator: "\n").filter { $0.hasPrefix("verdict") }.count == 1)
    }
}
