/// A stream of bytes from one input: a file, standard input, or a decompressor over either.
public protocol ByteSource: AnyObject {
    /// Fills a prefix of `buffer` and returns how many bytes it wrote; 0 means the end of the input.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputError) -> Int
    /// How many bytes of the underlying file have been consumed so far (compressed bytes for gzip).
    var consumedBytes: Int { get }
}
