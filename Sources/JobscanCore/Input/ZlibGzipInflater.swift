import CZlib

/// zlib's `inflate` as a `GzipInflater`: a gzip wrapper only, one member per stream, reset for
/// the next.
final class ZlibGzipInflater: GzipInflater {
    // zlib keeps a pointer back to its z_stream: the stream lives on the heap and never moves.
    private let stream: UnsafeMutablePointer<z_stream>

    init(path: String) throws(InputError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // 15 + 16: a gzip wrapper only, with the largest window.
        let status = inflateInit2_(stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw .corruptGzip(path: path, offset: 0, reason: "zlib could not start (\(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    func supply(_ input: UnsafeMutableRawBufferPointer) {
        stream.pointee.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = UInt32(clamping: input.count)
    }

    var needsInput: Bool { stream.pointee.avail_in == 0 }

    var nextInputByte: UInt8? { stream.pointee.avail_in > 0 ? stream.pointee.next_in[0] : nil }

    // zlib buffers no input of its own: what it has not taken is undecoded.
    var undecodedBytes: Int { Int(stream.pointee.avail_in) }

    func inflate(into output: UnsafeMutableRawBufferPointer) -> GzipInflateStep {
        let room = UInt32(clamping: output.count)
        let available = stream.pointee.avail_in
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = room
        let status = CZlib.inflate(stream, Z_NO_FLUSH)
        let written = Int(room - stream.pointee.avail_out)
        let taken = Int(available - stream.pointee.avail_in)
        switch status {
        case Z_OK, Z_BUF_ERROR:
            return GzipInflateStep(written: written, taken: taken, outcome: .progressed)
        case Z_STREAM_END:
            return GzipInflateStep(written: written, taken: taken, outcome: .memberEnded)
        default:
            let reason = stream.pointee.msg.map { String(cString: $0) } ?? "inflate error \(status)"
            return GzipInflateStep(written: written, taken: taken, outcome: .damaged(reason: reason))
        }
    }

    func startNextMember() {
        inflateReset(stream)
    }
}
