/// Serves bytes already read (a probed head) before the rest of its source: an input that cannot
/// be opened twice, such as standard input, is probed once and then read on from where it was.
final class PrefixedByteSource: ByteSource {
    private var head: [UInt8]
    private var offset = 0
    private let rest: ByteSource

    init(head: [UInt8], rest: ByteSource) {
        self.head = head
        self.rest = rest
    }

    var consumedBytes: Int { rest.consumedBytes }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
        if offset < head.count {
            let n = min(buffer.count, head.count - offset)
            head.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: n) }
            offset += n
            if offset == head.count { (head, offset) = ([], 0) }
            return n
        }
        return try rest.read(into: buffer)
    }
}
