/// One gzip inflater (zlib or ISA-L) as `GzipByteSource` drives it: one member at a time, over
/// input it supplies, saying what it wrote and where the member or the data ended.
protocol GzipInflater: AnyObject {
    /// Hands over the next compressed bytes; only called once the previous ones are all taken
    /// (`needsInput`). The memory stays valid and unchanged until then.
    func supply(_ input: UnsafeMutableRawBufferPointer)

    /// True when every supplied byte has been taken in (some may still wait in a bit buffer).
    var needsInput: Bool { get }

    /// The first supplied byte not yet taken in, if any: after a member ends, the next one's
    /// first byte.
    var nextInputByte: UInt8? { get }

    /// Supplied bytes not yet decoded: those not taken in, plus whole bytes that wait in the
    /// inflater's bit buffer. Subtracted from the bytes supplied, it locates damage.
    var undecodedBytes: Int { get }

    /// Inflates into `output` until it is full, the input is all taken, the member ends or the
    /// data turns out damaged.
    func inflate(into output: UnsafeMutableRawBufferPointer) -> GzipInflateStep

    /// Starts on the next member, keeping the input not yet taken.
    func startNextMember()
}

/// What one call of `GzipInflater.inflate(into:)` did.
struct GzipInflateStep {
    enum Outcome: Equatable {
        /// Wants more input or more room; a call that wrote nothing and took nothing is stuck.
        case progressed
        /// The member's trailer was read and checked: its data is all written.
        case memberEnded
        /// The data cannot be inflated; `reason` says why, in the inflater's words.
        case damaged(reason: String)
    }

    /// Bytes written to the output.
    var written: Int
    /// Supplied bytes taken in by this call.
    var taken: Int
    var outcome: Outcome
}
