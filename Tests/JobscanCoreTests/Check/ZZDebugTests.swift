import Testing
@testable import JobscanCore

@Test func zzDump() throws {
    for example in CheckGrammarTests.examples where example.kind == .bad || example.kind == .rulesBad {
        if example.kind == .bad {
            print("BAD", example.production, "|", parseError(example.text)?.rendered() ?? "PARSED")
        } else {
            do { _ = try CheckRulesFile.parse(example.text.replacingOccurrences(of: "\u{23CE}", with: "\n"), fileName: "r.txt"); print("RULES PARSED") }
            catch { print("RBAD", example.production, "|", error.rendered()) }
        }
    }
    print("COUNT", CheckGrammarTests.examples.count)
}
