import Foundation
import Testing
@testable import JobscanCore

/// Every gzip rule of the input, held for each inflater this build has (zlib, and ISA-L with the
/// default ISAL trait): same bytes out, same errors at the same kind of offset.
@Suite("Input: gzip with every inflater")
struct GzipInflaterTests {
    static let kinds = GzipInflaterKind.allCases
    static let path = "test.gz"
    static let plain = Array(try! Data(contentsOf: URL(fileURLWithPath: Package.fixture("noise.log"))))

    /// What a gzip source over `gz` yields, read `readSize` bytes at a time, with the error it ends
    /// with. `bufferSize` is the source's compressed read size, `chunk` caps each upstream read.
    static func inflate(_ gz: [UInt8], with kind: GzipInflaterKind, bufferSize: Int = 1 << 20,
                        chunk: Int = .max, readSize: Int = 64 * 1024) -> (bytes: [UInt8], error: InputError?) {
        var out: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: readSize, alignment: 1)
        defer { buffer.deallocate() }
        do {
            let source = try GzipByteSource(upstream: MemorySource(gz, chunk: chunk), path: path, inflater: kind,
                                            bufferSize: bufferSize)
            while true {
                let n = try source.read(into: buffer)
                if n == 0 { return (out, nil) }
                out += buffer[0..<n]
            }
        } catch {
            return (out, error)
        }
    }

    /// Expects `a` to be where `b` starts (or all of it); a failure names sizes, not every byte.
    static func expectPrefix(_ a: [UInt8], of b: [UInt8], _ comment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard !b.starts(with: a) else { return }
        let first = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        Issue.record("\(comment): \(a.count) bytes are not a prefix of \(b.count); they differ from byte \(first)", sourceLocation: sourceLocation)
    }

    /// Expects equal bytes; a failure names the sizes and the first difference, not every byte.
    static func expectSame(_ a: [UInt8], _ b: [UInt8], _ comment: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
        guard a != b else { return }
        let first = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        Issue.record("\(comment): \(a.count) bytes, expected \(b.count); they differ from byte \(first)", sourceLocation: sourceLocation)
    }

    /// The reason each inflater gives for a deflate block of an unknown type.
    static func invalidBlockReason(_ kind: GzipInflaterKind) -> String {
        switch kind {
        case .zlib: return "invalid block type"
        #if ISAL
        case .isal: return "invalid deflate block"
        #endif
        }
    }

    @Test("every fixture's gzip copy inflates to its log, whatever the buffer sizes", arguments: kinds)
    func fixtures(kind: GzipInflaterKind) throws {
        for scenario in Package.scenarios {
            let plain = Array(try Data(contentsOf: URL(fileURLWithPath: Package.fixture("\(scenario).log"))))
            let gz = Array(try Data(contentsOf: URL(fileURLWithPath: Package.fixture("\(scenario).log.gz"))))
            for (bufferSize, readSize) in [(1 << 20, 1 << 20), (1, 1000), (7, 3), (4096, 1)] {
                let result = Self.inflate(gz, with: kind, bufferSize: bufferSize, readSize: readSize)
                #expect(result.error == nil, "\(scenario) \(bufferSize)/\(readSize)")
                Self.expectSame(result.bytes, plain, "\(scenario) \(bufferSize)/\(readSize)")
            }
        }
    }

    @Test("the built-in inflater is the one the input opener uses")
    func builtIn() throws {
        #if ISAL
        #expect(GzipInflaterKind.builtIn == .isal)
        #expect(GzipInflaterKind.allCases.map(\.description) == ["zlib", "ISA-L"])
        #else
        #expect(GzipInflaterKind.builtIn == .zlib)
        #expect(GzipInflaterKind.allCases.map(\.description) == ["zlib"])
        #endif
        let (_, errors) = analyze([Package.bad.appendingPathComponent("corrupt.log.gz").path])
        guard case .corruptGzip(_, _, let reason)? = errors.first else {
            Issue.record("expected a corrupt-gzip error, got \(errors)")
            return
        }
        #expect(reason == Self.invalidBlockReason(.builtIn))
    }

    @Test("members read as one stream, with a member boundary anywhere in a read buffer", arguments: kinds)
    func members(kind: GzipInflaterKind) throws {
        let parts = [Array(Self.plain[..<1000]), [], Array(Self.plain[1000..<1100]), Array(Self.plain[1100...])]
        let gz = try parts.flatMap { try GzipFixture.compress($0) }
        for bufferSize in Array(1...64) + [100, 1000, 4096, 1 << 20] {
            let result = Self.inflate(gz, with: kind, bufferSize: bufferSize, readSize: 777)
            #expect(result.error == nil, "buffer \(bufferSize)")
            Self.expectSame(result.bytes, Self.plain, "buffer \(bufferSize)")
        }
        // Upstream reads shorter than the buffer put the boundaries elsewhere again.
        for chunk in [1, 5, 9, 31] {
            let result = Self.inflate(gz, with: kind, chunk: chunk)
            #expect(result.error == nil, "chunk \(chunk)")
            Self.expectSame(result.bytes, Self.plain, "chunk \(chunk)")
        }
        let empty = Self.inflate(try GzipFixture.compress([]), with: kind)
        #expect(empty.error == nil && empty.bytes.isEmpty)
    }

    /// A gzip member of `bytes` whose header carries every optional field: extra data, a file
    /// name, a comment and the header CRC (`gzip -n` writes none of them).
    static func memberWithFullHeader(_ bytes: [UInt8], headerCRCDelta: UInt16 = 0) throws -> [UInt8] {
        let plainMember = try GzipFixture.compress(bytes)
        // FHCRC | FEXTRA | FNAME | FCOMMENT
        var header: [UInt8] = [0x1f, 0x8b, 8, 0x02 | 0x04 | 0x08 | 0x10, 0, 0, 0, 0, 0, 3]
        let extra = Array("JS\u{04}\u{00}abcd".utf8)
        header += [UInt8(extra.count), 0] + extra
        header += Array("rotated.log".utf8) + [0] + Array("a comment, then the data".utf8) + [0]
        let crc = UInt16(truncatingIfNeeded: crc32(header)) &+ headerCRCDelta
        header += [UInt8(crc & 0xff), UInt8(crc >> 8)]
        return header + plainMember[10...]
    }

    /// CRC-32 (IEEE, reflected), bit by bit: for the gzip header CRC of hand-made headers.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xffff_ffff
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xedb8_8320 : crc >> 1 }
        }
        return ~crc
    }

    @Test("headers with extra data, name, comment and header CRC, split anywhere between reads", arguments: kinds)
    func fullHeaders(kind: GzipInflaterKind) throws {
        let gz = try Self.memberWithFullHeader(Array(Self.plain[..<3000])) + Self.memberWithFullHeader(Array(Self.plain[3000...]))
        for bufferSize in Array(1...70) + [1 << 20] {
            let result = Self.inflate(gz, with: kind, bufferSize: bufferSize)
            #expect(result.error == nil, "buffer \(bufferSize)")
            Self.expectSame(result.bytes, Self.plain, "buffer \(bufferSize)")
        }
        let badCRC = try Self.memberWithFullHeader(Self.plain, headerCRCDelta: 1)
        let result = Self.inflate(badCRC, with: kind)
        guard case .corruptGzip(_, let offset, "header crc mismatch")? = result.error else {
            Issue.record("expected a header CRC mismatch, got \(String(describing: result.error))")
            return
        }
        // Found once the two CRC bytes that end the header are read.
        #expect(offset == badCRC.count - (try GzipFixture.compress(Self.plain)).count + 10, "\(offset)")
    }

    @Test("a file cut at any byte is truncated at that byte, after the plain text up to the damage", arguments: kinds)
    func truncatedEverywhere(kind: GzipInflaterKind) throws {
        let gz = try GzipFixture.compress(Self.plain)
        var delivered = 0
        for cut in 2..<gz.count {
            let result = Self.inflate(Array(gz[..<cut]), with: kind, bufferSize: cut % 2 == 0 ? 1 << 20 : 1000)
            #expect(result.error == .truncatedGzip(path: Self.path, offset: cut), "cut \(cut)")
            Self.expectPrefix(result.bytes, of: Self.plain, "cut \(cut)")
            // More input never gives less output, but for at most one match (258 bytes) that ISA-L
            // may hold back at the end; with only the trailer missing, the data is all out.
            #expect(result.bytes.count >= delivered - 258, "cut \(cut)")
            delivered = max(delivered, result.bytes.count)
            if cut >= gz.count - 8 {
                #expect(result.bytes.count == Self.plain.count, "cut \(cut)")
            }
        }
    }

    @Test("a truncated second member keeps the first member's lines and the cut's offset", arguments: kinds)
    func truncatedSecondMember(kind: GzipInflaterKind) throws {
        let first = try GzipFixture.compress(Array(Self.plain[..<5000]))
        let second = try GzipFixture.compress(Array(Self.plain[5000...]))
        for cut in [1, 2, 10, second.count / 2, second.count - 1] {
            let gz = first + second[..<cut]
            let result = Self.inflate(gz, with: kind, bufferSize: 512)
            #expect(result.error == .truncatedGzip(path: Self.path, offset: gz.count), "cut \(cut)")
            #expect(result.bytes.count >= 5000, "cut \(cut)")
            Self.expectPrefix(result.bytes, of: Self.plain, "cut \(cut)")
        }
    }

    @Test("lines read before a truncation are the plain text's lines", arguments: kinds)
    func linesBeforeTruncation(kind: GzipInflaterKind) throws {
        let gz = try GzipFixture.compress(Self.plain)
        let plainLines = Self.plain.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        for cut in stride(from: 20, to: gz.count, by: gz.count / 9) {
            let source = try GzipByteSource(upstream: MemorySource(Array(gz[..<cut]), chunk: 300), path: Self.path, inflater: kind)
            let reader = LineReader(readSize: 4096, readAhead: true)
            var lines: [[UInt8]] = []
            #expect(throws: InputError.truncatedGzip(path: Self.path, offset: cut)) {
                try reader.forEachLine(in: source) { line, _ in lines.append(Array(line)) }
            }
            // Whole lines as in the plain file; the last one, cut by the damage, a prefix of its line.
            for (index, line) in lines.enumerated() {
                if index < lines.count - 1 {
                    Self.expectSame(line, plainLines[index], "cut \(cut) line \(index + 1)")
                } else {
                    Self.expectPrefix(line, of: plainLines[index], "cut \(cut) line \(index + 1)")
                }
            }
        }
    }

    @Test("an invalid block type: the reason of the inflater, at the byte after the damaged one", arguments: kinds)
    func invalidBlock(kind: GzipInflaterKind) throws {
        let good = try GzipFixture.compress(Self.plain)
        var bad = try GzipFixture.compress(Self.plain)
        // The first deflate block header follows the 10-byte gzip header; 0xFF makes it an invalid block type.
        bad[10] = 0xFF
        for bufferSize in [1 << 20, 1, 16] {
            let result = Self.inflate(good + bad, with: kind, bufferSize: bufferSize)
            #expect(result.error == .corruptGzip(path: Self.path, offset: good.count + 11, reason: Self.invalidBlockReason(kind)),
                    "buffer \(bufferSize)")
            Self.expectSame(result.bytes, Self.plain, "buffer \(bufferSize)")
        }
    }

    @Test("the output before the damage comes first, the error with the next read, then the end", arguments: kinds)
    func pendingError(kind: GzipInflaterKind) throws {
        let good = try GzipFixture.compress(Self.plain)
        var bad = try GzipFixture.compress(Self.plain)
        bad[10] = 0xFF
        let source = try GzipByteSource(upstream: MemorySource(good + bad), path: Self.path, inflater: kind)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
        defer { buffer.deallocate() }
        let n = try source.read(into: buffer)
        Self.expectSame(Array(buffer[..<n]), Self.plain, "the first read")
        #expect(throws: InputError.corruptGzip(path: Self.path, offset: good.count + 11, reason: Self.invalidBlockReason(kind))) {
            try source.read(into: buffer)
        }
        #expect(try source.read(into: buffer) == 0)
    }

    @Test("a damaged trailer: the CRC-32, then the length, at the trailer", arguments: kinds)
    func trailer(kind: GzipInflaterKind) throws {
        let gz = try GzipFixture.compress(Self.plain)
        for (index, name) in [(gz.count - 7, "CRC-32"), (gz.count - 2, "length")] {
            var bad = gz
            bad[index] ^= 0x01
            let result = Self.inflate(bad, with: kind)
            guard case .corruptGzip(let p, let offset, let reason)? = result.error else {
                Issue.record("\(name): expected a corrupt-gzip error, got \(String(describing: result.error))")
                continue
            }
            #expect(p == Self.path)
            // Reported when the trailer is read: zlib after its field, ISA-L after all eight bytes.
            #expect(offset > index && offset <= gz.count, "\(name): \(offset)")
            switch kind {
            case .zlib: #expect(reason == (name == "CRC-32" ? "incorrect data check" : "incorrect length check"))
            #if ISAL
            case .isal: #expect(reason == "incorrect data check (CRC-32 or length in the trailer)")
            #endif
            }
            Self.expectSame(result.bytes, Self.plain, "\(name): the data itself is whole")
        }
    }

    @Test("a damaged header: compression method, then a second member that is not gzip after its magic", arguments: kinds)
    func header(kind: GzipInflaterKind) throws {
        let gz = try GzipFixture.compress(Self.plain)
        var method = gz
        method[2] = 7
        let a = Self.inflate(method, with: kind)
        guard case .corruptGzip(_, let offset, let reason)? = a.error else {
            Issue.record("expected a corrupt-gzip error, got \(String(describing: a.error))")
            return
        }
        #expect(reason == "unknown compression method")
        #expect(offset >= 3 && offset <= 10, "\(offset)")
        #expect(a.bytes.isEmpty)

        let b = Self.inflate(gz + [0x1f, 0x00, 0x08, 0x00, 0, 0, 0, 0, 0, 3] + gz, with: kind)
        guard case .corruptGzip(_, let offset, let reason)? = b.error else {
            Issue.record("expected a corrupt-gzip error, got \(String(describing: b.error))")
            return
        }
        switch kind {
        case .zlib: #expect(reason == "incorrect header check")
        #if ISAL
        case .isal: #expect(reason == "incorrect gzip header")
        #endif
        }
        #expect(offset > gz.count && offset <= gz.count + 10, "\(offset)")
        Self.expectSame(b.bytes, Self.plain, "the first member")
    }

    @Test("trailing bytes that are not gzip are damage at the first of them", arguments: kinds)
    func trailingGarbage(kind: GzipInflaterKind) throws {
        let gz = try GzipFixture.compress(Self.plain)
        for bufferSize in [1 << 20, 1, gz.count, gz.count + 1] {
            let result = Self.inflate(gz + Array("not gzip".utf8), with: kind, bufferSize: bufferSize)
            #expect(result.error == .corruptGzip(path: Self.path, offset: gz.count, reason: "trailing data after a gzip member is not gzip"),
                    "buffer \(bufferSize)")
            Self.expectSame(result.bytes, Self.plain, "buffer \(bufferSize)")
        }
    }

    @Test("a byte damaged anywhere in the deflate data is found, after that byte", arguments: kinds)
    func damageEverywhere(kind: GzipInflaterKind) throws {
        let gz = try GzipFixture.compress(Self.plain)
        // From the first deflate byte to the trailer's last; a changed gzip header time or OS byte is no damage.
        for index in stride(from: 10, to: gz.count, by: 3) {
            var bad = gz
            bad[index] ^= 0x5a
            let result = Self.inflate(bad, with: kind, bufferSize: 4096)
            switch result.error {
            case .corruptGzip(let p, let offset, _)?:
                #expect(p == Self.path && offset > index && offset <= gz.count, "byte \(index): offset \(offset)")
            case .truncatedGzip(_, let offset)?:
                // The damage lengthened a block past the end of the file.
                #expect(offset == gz.count, "byte \(index)")
            case let other:
                Issue.record("byte \(index): expected damage, got \(String(describing: other))")
            }
        }
    }
}
