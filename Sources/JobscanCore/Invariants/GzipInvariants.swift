import CZlib

/// The gzip reader on arbitrary bytes (no trap, bounded output) and on the gzip of arbitrary
/// bytes (the same bytes back).
enum GzipInvariants {
    static func check(_ data: [UInt8]) -> String? {
        _ = inflateAll(data, chunk: 1 + (data.first.map(Int.init) ?? 0))
        guard let compressed = compress(data) else { return "deflate failed" }
        switch inflateAll(compressed, chunk: 7) {
        case .success(let bytes):
            return bytes == data ? nil : "inflating the gzip of \(data.count) bytes gave \(bytes.count) other bytes"
        case .failure(let error):
            return "inflating the gzip of \(data.count) bytes failed: \(error)"
        }
    }

    /// Reads a gzip stream to its end (at most 64 MiB out, against bombs), in uneven reads.
    static func inflateAll(_ data: [UInt8], chunk: Int) -> Result<[UInt8], InputError> {
        do {
            let source = try GzipByteSource(upstream: MemoryByteSource(data, chunk: chunk), path: "fuzz.gz", bufferSize: 4096)
            var out: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 1000)
            while out.count < 64 << 20 {
                let n = try buffer.withUnsafeMutableBytes { try source.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<(1 + out.count % 999)])) }
                if n == 0 { break }
                out += buffer[0..<n]
            }
            guard source.consumedBytes <= data.count else { return .failure(.corruptGzip(path: "fuzz.gz", offset: -1, reason: "consumed more than given")) }
            return .success(out)
        } catch let error as InputError {
            return .failure(error)
        } catch {
            return .failure(.readFailed(path: "fuzz.gz", reason: "\(error)"))
        }
    }

    /// `bytes` as one gzip member (zlib's deflate with a gzip wrapper).
    static func compress(_ bytes: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard deflateInit2_(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        var input = bytes
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 64)
        let status = input.withUnsafeMutableBytes { inBuf in
            out.withUnsafeMutableBytes { outBuf -> Int32 in
                stream.next_in = inBuf.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = uInt(inBuf.count)
                stream.next_out = outBuf.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(outBuf.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        return Array(out[0..<Int(stream.total_out)])
    }
}
