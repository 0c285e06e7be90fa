import Testing
@testable import JobscanCore

/// kubectl's prefix and kubelet's stamp are recognised eight bytes at a time; every byte of a
/// valid one changed to every value must be judged as the layout's plain definition judges it.
@Suite("Envelopes: kubectl prefixes and kubelet stamps, byte by byte")
struct KubectlLineTests {
    /// The layout `2006-01-02T15:04:05.000000000Z07:00` and a space, read the slow way.
    static func referenceStamp(_ b: [UInt8]) -> Int? {
        let layout = Array("dddd-dd-ddTdd:dd:dd.ddddddddd".utf8)
        guard b.count >= 31 else { return nil }
        for (k, c) in layout.enumerated() {
            if c == UInt8(ascii: "d") ? !(48...57).contains(b[k]) : b[k] != c { return nil }
        }
        if b[29] == UInt8(ascii: "Z") { return b[30] == 0x20 ? 31 : nil }
        let zone = Array("+dd:dd ".utf8)
        guard b.count >= 36, b[29] == 0x2B || b[29] == 0x2D else { return nil }
        for k in 1..<7 where zone[k] == UInt8(ascii: "d") ? !(48...57).contains(b[29 + k]) : b[29 + k] != zone[k] { return nil }
        return 36
    }

    /// `[pod/NAME/CONTAINER] `, read the slow way.
    static func referencePrefix(_ b: [UInt8]) -> (key: Range<Int>, content: Int)? {
        guard b.starts(with: Array("[pod/".utf8)) else { return nil }
        guard let close = b[5...].firstIndex(where: { $0 == UInt8(ascii: "]") || $0 == 0x20 || $0 == UInt8(ascii: "[") }),
              b[close] == UInt8(ascii: "]") else { return nil }
        if close + 1 == b.count { return (1..<close, close + 1) }
        return b[close + 1] == 0x20 ? (1..<close, close + 2) : nil
    }

    @Test("every byte of a stamp, every value", arguments: ["2026-11-25T20:45:21.123456789Z {}", "2026-11-25T20:45:21.123456789+05:30 {}"])
    func stamps(valid: String) {
        let good = Array(valid.utf8)
        #expect(Self.referenceStamp(good) != nil)
        for position in 0..<min(good.count, 37) {
            for value in 0...255 {
                var b = good
                b[position] = UInt8(value)
                let got = b.withUnsafeBytes { LeadingTimestamp.kubeletStamp(in: $0, at: 0) }
                #expect(got == Self.referenceStamp(b), "byte \(position) = \(value)")
                // And inside a line, where kubectl leaves them in long ones.
                let inside = Array("xyz".utf8) + b
                #expect(inside.withUnsafeBytes { LeadingTimestamp.kubeletStamp(in: $0, at: 3) } == got)
            }
        }
    }

    @Test("every byte of a prefix, every value", arguments: ["[pod/icy-backend-0/icy-backend] {\"a\":1}", "[pod/p/c]", "[pod/a-very-long-pod-name-7f9c4d/container] x"])
    func prefixes(valid: String) {
        let good = Array(valid.utf8)
        for position in 0..<good.count {
            for value in [0x20, 0x5B, 0x5D, 0x5C, 0x61, 0x00, 0xFF, 0x2F] {
                var b = good
                b[position] = UInt8(value)
                let got = b.withUnsafeBytes { KubectlPrefix.split($0) }
                let expected = Self.referencePrefix(b)
                #expect(got?.key == expected?.key && got?.content == expected?.content, "byte \(position) = \(value) in \(valid)")
            }
        }
    }
}
