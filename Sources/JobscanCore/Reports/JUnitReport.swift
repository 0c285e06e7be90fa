import Foundation

/// JUnit XML for CI (GitLab CI, Jenkins): one `<testcase>` per assertion in a single
/// `<testsuite name="jobscan">`.
///
/// Test case names are the rule name, else the expression, made unique within the
/// suite by ` #2`, ` #3`… The classname is `jobscan.<rules file base name>` (dots
/// and other punctuation in it become `_`, so CI doesn't read them as packages) or
/// `jobscan.expect` for expressions given on the command line. Failed assertions
/// get `<failure type="assertion">`, errored ones `<error type="expression">`; the
/// message attribute is the one-line message, the body the details.
public enum JUnitReport {
    /// - Parameters:
    ///   - timestamp: when the check ran; written in UTC without a zone, as the JUnit schema wants.
    ///   - duration: seconds the check took, for the suite's `time`.
    public static func render(_ results: [CheckResult], timestamp: Date = Date(), duration: Double = 0) -> String {
        let tally = CheckTally(results)
        let time = String(format: "%.3f", max(0, duration))
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += "<testsuites name=\"jobscan\" tests=\"\(tally.total)\" failures=\"\(tally.failed)\""
            + " errors=\"\(tally.errors)\" skipped=\"0\" time=\"\(time)\">\n"
        xml += "  <testsuite name=\"jobscan\" tests=\"\(tally.total)\" failures=\"\(tally.failed)\""
            + " errors=\"\(tally.errors)\" skipped=\"0\" time=\"\(time)\""
            + " timestamp=\"\(formatTimestamp(timestamp))\">\n"
        for (result, name) in zip(results, uniqueNames(results)) {
            let attributes = "classname=\"\(XMLEscaping.attribute(className(result)))\""
                + " name=\"\(XMLEscaping.attribute(name))\" time=\"0\""
            switch result.status {
            case .passed:
                xml += "    <testcase \(attributes)/>\n"
            case .failed, .error:
                let (element, type) = result.status == .failed ? ("failure", "assertion") : ("error", "expression")
                xml += "    <testcase \(attributes)>\n"
                xml += "      <\(element) message=\"\(XMLEscaping.attribute(result.message))\" type=\"\(type)\">"
                xml += XMLEscaping.text(body(result))
                xml += "</\(element)>\n"
                xml += "    </testcase>\n"
            }
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    /// Rule names, else expressions, with ` #n` added to repeats until each is unique.
    static func uniqueNames(_ results: [CheckResult]) -> [String] {
        var used = Set<String>()
        return results.map { result in
            var name = result.title
            if used.contains(name) {
                var number = 2
                while used.contains("\(result.title) #\(number)") { number += 1 }
                name = "\(result.title) #\(number)"
            }
            used.insert(name)
            return name
        }
    }

    static func className(_ result: CheckResult) -> String {
        guard let file = result.location?.file else { return "jobscan.expect" }
        var base = Substring(file.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
        let cleaned = String(String.UnicodeScalarView(base.unicodeScalars.map {
            CheckLexer.isWordScalar($0) || $0 == "-" ? $0 : "_"
        }))
        return "jobscan." + (cleaned.isEmpty ? "rules" : cleaned)
    }

    static func body(_ result: CheckResult) -> String {
        var lines = ["expression: \(result.expression)"]
        if let name = result.name { lines.append("rule: \(name)") }
        if let location = result.location { lines.append("location: \(location.file):\(location.line)") }
        lines.append("")
        lines += result.details
        return lines.joined(separator: "\n")
    }

    static func formatTimestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}
