import Foundation
import Testing
@testable import JobscanCore

/// Job names are keyed by their bytes, as the service's Go map keys them.
@Suite("Hardening: job names compared by bytes")
struct JobNameBytesTests {
    static let cafeNFC = "caf\u{E9}"
    static let cafeNFD = "cafe\u{301}"
    static let angstromLetter = "\u{C5}_job"   // Å, LATIN CAPITAL LETTER A WITH RING ABOVE
    static let angstromSign = "\u{212B}_job"   // Å, ANGSTROM SIGN

    @Test("canonically equivalent names are two jobs, and registering the second is no restart",
          arguments: [(cafeNFC, cafeNFD), (angstromLetter, angstromSign)])
    func equivalentNamesStayApart(_ a: String, _ b: String) throws {
        #expect(a == b, "Swift's String equality merges them: the reason for JobName")
        let analysis = try ZapLog.analyze([
            ZapLog.registered(a, ts: "1795639521"),
            ZapLog.registered(b, ts: "1795639521.1"),
            ZapLog.started(a, ts: "1795639522"),
            ZapLog.completed(a, ts: "1795639523", duration: "1s"),
            ZapLog.started(b, ts: "1795639524"),
        ]) { $0.threaded = false }
        let r = analysis.replay
        #expect(r.epoch == 0, "no restart: \(r.restarts)")
        #expect(r.jobs.count == 2)
        #expect(r.lifetime.count == 2)
        let byName = Dictionary(uniqueKeysWithValues: r.jobs.map { (JobName($0.jobName), $0.status) })
        #expect(byName[JobName(a)] == .success)
        #expect(byName[JobName(b)] == .running)
        // In byte order.
        #expect(r.jobs.map { Array($0.jobName.utf8) } == [a, b].map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test("a check names one of them, by bytes")
    func checkLookup() throws {
        let analysis = try ZapLog.analyze([
            ZapLog.started(Self.cafeNFC, ts: "1795639522"),
            ZapLog.completed(Self.cafeNFC, ts: "1795639523", duration: "1s"),
            ZapLog.started(Self.cafeNFD, ts: "1795639524"),
        ])
        #expect(analysis.value(at: .job(name: Self.cafeNFC, field: "status")) == .string("success"))
        #expect(analysis.value(at: .job(name: Self.cafeNFD, field: "status")) == .string("running"))
        #expect(analysis.value(at: .lifetime(name: Self.cafeNFD, field: "successes")) == .int(0))
    }

    @Test("the critical set matches bytes: an NFD name does not make the NFC job critical")
    func criticalByBytes() throws {
        var lines: [String] = []
        for i in 0..<3 {
            lines.append(ZapLog.started(Self.cafeNFC, ts: "\(1795639522 + 2 * i)"))
            lines.append(ZapLog.failed(Self.cafeNFC, ts: "\(1795639523 + 2 * i)", duration: "1s", error: "boom", consecutive: i + 1))
        }
        let nfd = try ZapLog.analyze(lines) { $0.replay.criticalJobs = [Self.cafeNFD] }
        #expect(nfd.replay.verdict == .degraded)
        #expect(!nfd.replay.options.isCritical(Self.cafeNFC))
        let nfc = try ZapLog.analyze(lines) { $0.replay.criticalJobs = [Self.cafeNFC] }
        #expect(nfc.replay.verdict == .unhealthy)
    }

    @Test("JobName: equal, hashed and ordered by bytes")
    func jobName() {
        #expect(JobName(Self.cafeNFC) != JobName(Self.cafeNFD))
        #expect(Set([JobName(Self.cafeNFC), JobName(Self.cafeNFD), JobName(Self.cafeNFC)]).count == 2)
        #expect(JobName(Self.cafeNFD) < JobName(Self.cafeNFC))   // 'e' (0x65) before 0xC3
        #expect(JobName("b") < JobName("ba"))
    }
}
