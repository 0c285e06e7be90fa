import CZlib

/// Inflates gzip data from another source as it is read; concatenated members read as one stream.
public final class GzipByteSource: ByteSource {
    private let upstream: ByteSource
    private let path: String
    private var stream = z_stream()
    private let input: UnsafeMutableRawBufferPointer
    private var upstreamEnded = false
    private var finished = false
    /// True between the end of a member and the first byte of the next one.
    private var betweenMembers = false
    /// Compressed bytes handed to zlib and consumed by it.
    private var compressedConsumed = 0
    /// Damage found after some output of a read: that output is returned first, the error next.
    private var pendingError: InputError?

    public var consumedBytes: Int { upstream.consumedBytes }

    public init(upstream: ByteSource, path: String, bufferSize: Int = 256 * 1024) throws(InputError) {
        self.upstream = upstream
        self.path = path
        input = .allocate(byteCount: bufferSize, alignment: 16)
        // 15 + 16: a gzip wrapper only, with the largest window.
        let status = inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            input.deallocate()
            throw .corruptGzip(path: path, offset: 0, reason: "zlib could not start (\(status))")
        }
    }

    deinit {
        inflateEnd(&stream)
        input.deallocate()
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        if let pendingError {
            finished = true
            self.pendingError = nil
            throw pendingError
        }
        guard !finished, buffer.count > 0 else { return 0 }
        do {
            return try inflate(into: buffer)
        } catch {
            let produced = buffer.count - Int(stream.avail_out)
            guard produced > 0 else {
                finished = true
                throw error
            }
            pendingError = error
            return produced
        }
    }

    private func inflate(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = UInt32(min(buffer.count, Int(UInt32.max)))
        while stream.avail_out > 0 {
            if stream.avail_in == 0 {
                if upstreamEnded { break }
                let n = try upstream.read(into: input)
                if n == 0 {
                    upstreamEnded = true
                    break
                }
                stream.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = UInt32(n)
            }
            if betweenMembers {
                // The next member must start with the gzip magic; anything else is damage.
                if stream.next_in[0] != 0x1f {
                    throw .corruptGzip(path: path, offset: compressedConsumed, reason: "trailing data after a gzip member is not gzip")
                }
                betweenMembers = false
            }
            let before = stream.avail_in
            let status = CZlib.inflate(&stream, Z_NO_FLUSH)
            compressedConsumed += Int(before - stream.avail_in)
            switch status {
            case Z_OK, Z_BUF_ERROR:
                continue
            case Z_STREAM_END:
                inflateReset(&stream)
                betweenMembers = true
            default:
                let reason = stream.msg.map { String(cString: $0) } ?? "inflate error \(status)"
                throw .corruptGzip(path: path, offset: compressedConsumed, reason: reason)
            }
        }
        let produced = buffer.count - Int(stream.avail_out)
        if produced == 0 && upstreamEnded && stream.avail_in == 0 {
            finished = true
            if !betweenMembers {
                throw .truncatedGzip(path: path, offset: compressedConsumed)
            }
        }
        return produced
    }
}
