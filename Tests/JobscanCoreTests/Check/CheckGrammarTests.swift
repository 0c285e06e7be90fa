import Foundation
import Testing
@testable import JobscanCore

/// Holds the parser to Grammar/check.ebnf: every production there carries valid and
/// invalid examples, and the parser must accept and reject them.
@Suite("Grammar/check.ebnf")
struct CheckGrammarTests {
    struct Example: Sendable, CustomTestStringConvertible {
        enum Kind: String, Sendable { case ok, bad, rulesOK = "rules-ok", rulesBad = "rules-bad" }
        let production: String
        let kind: Kind
        let text: String
        var testDescription: String { "\(production) \(kind.rawValue): \(text)" }
    }

    struct Grammar: Sendable {
        /// Production names in file order.
        var productions: [String] = []
        var examples: [Example] = []
    }

    static let grammarURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Check
        .deletingLastPathComponent()  // JobscanCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("Grammar/check.ebnf")

    static func load() throws -> Grammar {
        let text = try String(contentsOf: grammarURL, encoding: .utf8)
        var grammar = Grammar()
        let production = try Regex(#"^([a-z][a-z-]*)\s+::="#)
        let example = try Regex(#"^/\* (ok|bad|rules-ok|rules-bad):\s?(.*) \*/$"#)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let match = try production.firstMatch(in: line), let name = match.output[1].substring {
                grammar.productions.append(String(name))
            } else if let match = try example.firstMatch(in: line),
                let kind = match.output[1].substring.flatMap({ Example.Kind(rawValue: String($0)) }),
                let body = match.output[2].substring,
                let current = grammar.productions.last
            {
                // An ok/bad expression's leading spaces are alignment; keep them in rules text.
                var exampleText = String(body)
                if kind == .ok || kind == .bad {
                    while exampleText.first == " " { exampleText.removeFirst() }
                }
                grammar.examples.append(Example(production: current, kind: kind, text: exampleText))
            }
        }
        return grammar
    }

    static let examples: [Example] = (try? load().examples) ?? []

    @Test("the grammar file is found and names the productions the parser implements")
    func productions() throws {
        let grammar = try Self.load()
        #expect(grammar.productions == [
            "expression", "or-expr", "and-expr", "not-expr", "primary", "comparison", "compare-op", "operand",
            "call", "function-name", "path", "instance-ref", "job-ref", "field", "literal",
            "name", "number", "digits", "duration", "unit", "string", "char", "escape", "hex", "ws",
            "rules-file", "line", "rule", "rule-name", "comment", "blank",
        ])
    }

    @Test("every production has a valid and an invalid example")
    func everyProductionHasExamples() throws {
        let grammar = try Self.load()
        for production in grammar.productions {
            let kinds = Set(grammar.examples.filter { $0.production == production }.map(\.kind))
            let valid = kinds.contains(.ok) || kinds.contains(.rulesOK)
            let invalid = kinds.contains(.bad) || kinds.contains(.rulesBad)
            #expect(valid, "\(production) has no valid example")
            #expect(invalid, "\(production) has no invalid example")
        }
    }

    @Test("the grammar states the functions and fields the vocabulary has")
    func vocabularyIsDocumented() throws {
        let text = try String(contentsOf: Self.grammarURL, encoding: .utf8)
        for function in CheckVocabulary.functions {
            #expect(text.contains("\"\(function)\""), "function \(function)")
        }
        for scope in CheckScope.allCases {
            for field in CheckVocabulary.fields(of: scope) {
                #expect(text.contains(field.name), "field \(field.name)")
            }
        }
        for unit in CheckDurationLiteral.units {
            #expect(text.contains("\"\(unit.name)\""), "unit \(unit.name)")
        }
    }

    @Test("examples parse or are rejected as the grammar says", arguments: examples)
    func example(_ example: Example) {
        switch example.kind {
        case .ok:
            #expect(checkParseError(example.text) == nil, "\(checkParseError(example.text)?.rendered() ?? "")")
        case .bad:
            #expect(checkParseError(example.text) != nil)
        case .rulesOK, .rulesBad:
            let text = example.text.replacingOccurrences(of: "\u{23CE}", with: "\n")
            let loaded: Bool
            do {
                _ = try CheckRulesFile.parse(text, fileName: "example.rules")
                loaded = true
            } catch {
                loaded = false
            }
            #expect(loaded == (example.kind == .rulesOK))
        }
    }
}
