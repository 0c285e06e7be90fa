/// Inflates gzip data from another source as it is read; concatenated members read as one stream.
/// The inflater is zlib or ISA-L (`GzipInflaterKind`); damage is reported the same way by both.
public final class GzipByteSource: ByteSource {
    private let upstream: ByteSource
    private let path: String
    private let inflater: GzipInflater
    private let input: UnsafeMutableRawBufferPointer
    private var upstreamEnded = false
    private var finished = false
    /// True between the end of a member and the first byte of the next one.
    private var betweenMembers = false
    /// Compressed bytes handed to the inflater.
    private var supplied = 0
    /// Damage found after some output of a read: that output is returned first, the error next.
    private var pendingError: InputError?

    public var consumedBytes: Int { upstream.consumedBytes }

    /// - Parameter bufferSize: compressed bytes read from `upstream` at a time. 256 KiB inflate to
    ///   some 2.5 MiB of logs, so a larger buffer saves ISA-L no time worth its memory.
    public init(upstream: ByteSource, path: String, inflater kind: GzipInflaterKind = .builtIn,
                bufferSize: Int = 256 * 1024) throws(InputError) {
        self.upstream = upstream
        self.path = path
        inflater = try kind.makeInflater(path: path)
        input = .allocate(byteCount: max(1, bufferSize), alignment: 64)
    }

    deinit {
        input.deallocate()
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        if let pendingError {
            finished = true
            self.pendingError = nil
            throw pendingError
        }
        guard !finished, buffer.count > 0 else { return 0 }
        var written = 0
        do {
            try inflate(into: buffer, written: &written)
        } catch {
            guard written > 0 else {
                finished = true
                throw error
            }
            pendingError = error
        }
        return written
    }

    /// Bytes of the compressed file the inflater has decoded: where damage is.
    private var decodedOffset: Int { max(0, supplied - inflater.undecodedBytes) }

    /// Fills `buffer` from `written` on; `written` counts what is in it even when this throws.
    private func inflate(into buffer: UnsafeMutableRawBufferPointer, written: inout Int) throws(InputError) {
        filling: while written < buffer.count {
            if inflater.needsInput && !upstreamEnded {
                let n = try upstream.read(into: input)
                if n == 0 {
                    upstreamEnded = true
                } else {
                    inflater.supply(UnsafeMutableRawBufferPointer(rebasing: input[..<n]))
                    supplied += n
                }
            }
            if betweenMembers {
                guard let next = inflater.nextInputByte else {
                    if upstreamEnded { break filling }
                    continue
                }
                // The next member must start with the gzip magic; anything else is damage.
                if next != 0x1f {
                    throw .corruptGzip(path: path, offset: decodedOffset, reason: "trailing data after a gzip member is not gzip")
                }
                betweenMembers = false
            }
            let step = inflater.inflate(into: UnsafeMutableRawBufferPointer(rebasing: buffer[written...]))
            written += step.written
            switch step.outcome {
            case .memberEnded:
                inflater.startNextMember()
                betweenMembers = true
            case .damaged(let reason):
                throw .corruptGzip(path: path, offset: decodedOffset, reason: reason)
            case .progressed:
                guard step.written == 0 && step.taken == 0 else { continue }
                if inflater.needsInput && upstreamEnded { break filling }
                // Room and input both there, yet nothing moved: never loop on it.
                if !inflater.needsInput {
                    throw .corruptGzip(path: path, offset: decodedOffset, reason: "the inflater stopped making progress")
                }
            }
        }
        if written == 0 && upstreamEnded && inflater.needsInput {
            finished = true
            if !betweenMembers {
                throw .truncatedGzip(path: path, offset: supplied)
            }
        }
    }
}
