import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import JobscanCore

@Suite("Reports: text and JUnit XML")
struct CheckReportTests {
    static let rulesText = """
        verdict == "unhealthy"
        no stalls: summary.stalled_jobs == 1
        jobs.*.consecutive_failures < 3
        typed: summary.stalled_jobs == "0"
        no stalls: true
        """

    static func results(file: String = "config/ci.rules.txt") throws -> [CheckResult] {
        let rules = try CheckRulesFile.parse(rulesText, fileName: file)
        return CheckEvaluator(subject: CheckDictionarySubject.criticalUnhealthy()).evaluate(rules)
    }

    // MARK: text

    @Test("the text report: one line per assertion, then 'N passed, M failed'")
    func textReport() throws {
        #expect(CheckTextReport.render(try Self.results()) == """
            PASS verdict == "unhealthy"
            FAIL no stalls: summary.stalled_jobs == 1 \u{2014} observed summary.stalled_jobs = 0
            FAIL jobs.*.consecutive_failures < 3 \u{2014} failed for btc_transaction_indexing (4), swap_request_processing (3)
            ERROR typed: summary.stalled_jobs == "0" \u{2014} config/ci.rules.txt:4:32: expected a number to compare with 'summary.stalled_jobs' (an integer), found string '"0"'
            PASS no stalls
            2 passed, 3 failed

            """)
    }

    @Test("the text report's last line holds only the counts, even with no assertions")
    func textReportEmpty() {
        #expect(CheckTextReport.render([]) == "0 passed, 0 failed\n")
    }

    @Test("line breaks in an expression don't break the one-line-per-assertion layout")
    func textReportFlattens() throws {
        let result = try runCheck("verdict ==\n\"healthy\"")
        #expect(CheckTextReport.line(result) == #"FAIL verdict == "healthy" — observed verdict = "unhealthy""#)
    }

    // MARK: JUnit

    static let timestamp = Date(timeIntervalSince1970: 1_795_639_543.844904)  // 2026-11-25T20:45:43Z

    static func parse(_ xml: String) throws -> XMLDocument {
        try XMLDocument(xmlString: xml, options: [])
    }

    static func attribute(_ element: XMLElement?, _ name: String) -> String? {
        element?.attribute(forName: name)?.stringValue
    }

    @Test("JUnit XML is well formed, with matching counts and one testcase per assertion")
    func junitStructure() throws {
        let results = try Self.results()
        let xml = JUnitReport.render(results, timestamp: Self.timestamp, duration: 0.0125)
        #expect(xml.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"))
        let document = try Self.parse(xml)
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        #expect(Self.attribute(root, "tests") == "5")
        #expect(Self.attribute(root, "failures") == "2")
        #expect(Self.attribute(root, "errors") == "1")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.count == 1)
        let suite = try #require(suites.first)
        #expect(Self.attribute(suite, "name") == "jobscan")
        #expect(Self.attribute(suite, "tests") == "5")
        #expect(Self.attribute(suite, "failures") == "2")
        #expect(Self.attribute(suite, "errors") == "1")
        #expect(Self.attribute(suite, "skipped") == "0")
        #expect(Self.attribute(suite, "time") == "0.013")
        #expect(Self.attribute(suite, "timestamp") == "2026-11-25T20:45:43")
        let cases = suite.elements(forName: "testcase")
        #expect(cases.map { Self.attribute($0, "name") } == [
            #"verdict == "unhealthy""#, "no stalls", "jobs.*.consecutive_failures < 3", "typed", "no stalls #2",
        ])
        #expect(cases.allSatisfy { Self.attribute($0, "classname") == "jobscan.ci_rules" })
        #expect(cases.allSatisfy { Self.attribute($0, "time") == "0" })
        #expect(cases.map { $0.elements(forName: "failure").count } == [0, 1, 1, 0, 0])
        #expect(cases.map { $0.elements(forName: "error").count } == [0, 0, 0, 1, 0])
        #expect(cases.map { $0.children?.count ?? 0 } == [0, 1, 1, 1, 0])
    }

    @Test("a failure carries the message and, in its body, the observed values per job")
    func junitFailure() throws {
        let results = try Self.results()
        let document = try Self.parse(JUnitReport.render(results, timestamp: Self.timestamp))
        let cases = try #require(document.rootElement()?.elements(forName: "testsuite").first)
            .elements(forName: "testcase")
        let failure = try #require(cases[2].elements(forName: "failure").first)
        #expect(Self.attribute(failure, "type") == "assertion")
        #expect(Self.attribute(failure, "message")
            == "failed for btc_transaction_indexing (4), swap_request_processing (3)")
        #expect(failure.stringValue == """
            expression: jobs.*.consecutive_failures < 3
            location: config/ci.rules.txt:3

            jobs.*.consecutive_failures < 3 failed for btc_transaction_indexing (4), swap_request_processing (3)
              btc_transaction_indexing: jobs.btc_transaction_indexing.consecutive_failures = 4
              swap_request_processing: jobs.swap_request_processing.consecutive_failures = 3
            """)
        let error = try #require(cases[3].elements(forName: "error").first)
        #expect(Self.attribute(error, "type") == "expression")
        #expect(Self.attribute(error, "message")?.hasPrefix("config/ci.rules.txt:4:32: expected a number") == true)
        #expect(error.stringValue?.contains("rule: typed\nlocation: config/ci.rules.txt:4\n") == true)
        #expect(error.stringValue?.hasSuffix("\n                                 ^") == true)
    }

    @Test("classname: the rules file's base name, or 'expect' for command-line expressions")
    func junitClassNames() throws {
        let expect = try runCheck("true")
        let fromFile = try Self.results(file: "rules")
        let odd = try Self.results(file: "/etc/jobscan/my rules.v2.check")
        #expect(JUnitReport.className(expect) == "jobscan.expect")
        #expect(JUnitReport.className(fromFile[0]) == "jobscan.rules")
        #expect(JUnitReport.className(odd[0]) == "jobscan.my_rules_v2")
    }

    @Test("test case names are unique within the suite")
    func uniqueNames() throws {
        func named(_ name: String?, _ expression: String = "true") -> CheckResult {
            CheckResult(name: name, expression: expression, location: nil, status: .passed, message: "", details: [])
        }
        let names = JUnitReport.uniqueNames([
            named("x"), named("x"), named(nil, "x"), named("x #2"), named("y"), named(nil, "y"),
        ])
        #expect(names == ["x", "x #2", "x #3", "x #2 #2", "y", "y #2"])
        #expect(Set(names).count == names.count)
    }

    static let nasty = "say \"hi\" & 'bye' <tag> \u{7}bell \u{1B}[31mred\u{1B}[0m 💥 é\nnext\r\ncr\ttab \u{FFFE}\u{0}"
    /// `nasty` as a parser reads it back: forbidden characters shown as visible escapes.
    static let nastyBack = "say \"hi\" & 'bye' <tag> \\x07bell \\x1B[31mred\\x1B[0m 💥 é\nnext\r\ncr\ttab \\uFFFE\\x00"

    @Test("nasty text survives in attributes and bodies: escaped, forbidden characters made visible")
    func junitNastyText() throws {
        let result = CheckResult(
            name: Self.nasty, expression: "verdict == \"\(Self.nasty)\"", location: nil, status: .failed,
            message: Self.nasty, details: [Self.nasty])
        let xml = JUnitReport.render([result, result], timestamp: Self.timestamp)
        #expect(!xml.unicodeScalars.contains { XMLEscaping.replacement(for: $0) != nil })
        let document = try Self.parse(xml)
        let cases = try #require(document.rootElement()?.elements(forName: "testsuite").first)
            .elements(forName: "testcase")
        #expect(cases.count == 2)
        #expect(Self.attribute(cases[0], "name") == Self.nastyBack)
        #expect(Self.attribute(cases[1], "name") == Self.nastyBack + " #2")
        let failure = try #require(cases[0].elements(forName: "failure").first)
        #expect(Self.attribute(failure, "message") == Self.nastyBack)
        #expect(failure.stringValue == "expression: verdict == \"\(Self.nastyBack)\"\nrule: \(Self.nastyBack)\n\n"
            + Self.nastyBack)
    }

    @Test("no assertions: an empty but valid suite")
    func junitEmpty() throws {
        let document = try Self.parse(JUnitReport.render([], timestamp: Self.timestamp))
        let suite = try #require(document.rootElement()?.elements(forName: "testsuite").first)
        #expect(Self.attribute(suite, "tests") == "0")
        #expect(suite.elements(forName: "testcase").isEmpty)
    }

    // MARK: escaping

    @Test("attribute and text escaping")
    func escaping() {
        let input = "a&b<c>d\"e'f\tg\nh\ri\u{0}j\u{1F}k\u{FFFF}l\u{7F}m\u{85}n\u{10FFFF}"
        #expect(XMLEscaping.attribute(input)
            == "a&amp;b&lt;c&gt;d&quot;e&apos;f&#9;g&#10;h&#13;i\\x00j\\x1Fk\\uFFFFl\u{7F}m\u{85}n\u{10FFFF}")
        #expect(XMLEscaping.text(input)
            == "a&amp;b&lt;c&gt;d&quot;e&apos;f\tg\nh&#13;i\\x00j\\x1Fk\\uFFFFl\u{7F}m\u{85}n\u{10FFFF}")
    }
}
