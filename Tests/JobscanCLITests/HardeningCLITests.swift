import Foundation
import Testing

/// Hostile inputs and environments against the built binary: option values at Int64's ends,
/// control characters, full disks and closed descriptors.
@Suite("Hardening: the binary against hostile inputs")
struct HardeningCLITests {
    @Test("--max-line-bytes at Int64.max is a usage error (exit 64), not a trap")
    func hugeLineLimit() throws {
        let result = try CLI.run(["--max-line-bytes", "9223372036854775807", CLI.fixture("noise.log")])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--max-line-bytes"))
        let ok = try CLI.run(["--max-line-bytes", "1073741824", "--stall-threshold", "1.5s", CLI.fixture("noise.log")])
        #expect(ok.status == 1)
    }
}
