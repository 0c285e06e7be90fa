import Foundation
import Testing
@testable import JobscanCore

/// Replays every input kept in Tests/Fuzz/Regressions/<target>/ through the fuzz target's own
/// entry logic (FuzzTarget, in JobscanCore): a crash found once stays found.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let directory = Package.root.appendingPathComponent("Tests/Fuzz/Regressions")

    static func inputs(_ target: FuzzTarget) -> [URL] {
        let dir = directory.appendingPathComponent(target.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { dir.appendingPathComponent($0) }
    }

    @Test("every kept input holds its target's invariants", arguments: FuzzTarget.allCases)
    func replay(_ target: FuzzTarget) throws {
        let inputs = Self.inputs(target)
        #expect(!inputs.isEmpty, "Tests/Fuzz/Regressions/\(target.rawValue) holds the inputs that once broke it")
        for input in inputs {
            let bytes = [UInt8](try Data(contentsOf: input))
            #expect(target.check(bytes) == nil, "\(input.lastPathComponent)")
        }
    }

    @Test("every target has a libFuzzer entry file")
    func targetsHaveFiles() {
        for target in FuzzTarget.allCases {
            let file = Package.root.appendingPathComponent("Tests/Fuzz/Targets/\(target.rawValue).swift").path
            #expect(FileManager.default.fileExists(atPath: file), "\(file)")
        }
    }
}
