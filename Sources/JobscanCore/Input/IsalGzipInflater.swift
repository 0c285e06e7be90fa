#if ISAL
import CIsal
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// ISA-L's `isal_inflate` (igzip) as a `GzipInflater`: the gzip header is read with
/// `isal_read_gzip_header`, then `isal_inflate` inflates, checks the trailer's CRC-32 and length,
/// and stops at the end of the member.
final class IsalGzipInflater: GzipInflater {
    // inflate_state holds its Huffman tables and a copy of the window, about 85 KiB: it is
    // allocated zeroed on the heap (calloc, no 85 KiB temporary on a thread's stack) and only
    // ever reached through this pointer, never copied.
    private let state: UnsafeMutablePointer<inflate_state>
    // The member's header as read so far. isal_inflate reads the header itself into a header
    // struct on its stack, set up anew on every call; when the header spans two inputs, the
    // second call then resumes with undefined flags (ISA-L 2.30 reads a file name as a comment
    // and fails). Kept here, the flags, extra length and header CRC live across calls.
    private var header = isal_gzip_header()

    init() {
        guard let memory = calloc(1, MemoryLayout<inflate_state>.size) else {
            fatalError("out of memory for ISA-L's inflate state")
        }
        state = memory.bindMemory(to: inflate_state.self, capacity: 1)
        isal_inflate_init(state)
        state.pointee.crc_flag = UInt32(ISAL_GZIP)
        isal_gzip_header_init(&header)
    }

    deinit {
        free(state)
    }

    func supply(_ input: UnsafeMutableRawBufferPointer) {
        state.pointee.next_in = input.baseAddress?.assumingMemoryBound(to: UInt8.self)
        state.pointee.avail_in = UInt32(clamping: input.count)
    }

    var needsInput: Bool { state.pointee.avail_in == 0 }

    var nextInputByte: UInt8? { state.pointee.avail_in > 0 ? state.pointee.next_in[0] : nil }

    // ISA-L loads input eight bytes at a time into a bit buffer; whole bytes still there are not
    // decoded yet. At a member's end it has handed them back to next_in already (and the bit
    // count is then stale), so only avail_in counts.
    var undecodedBytes: Int {
        let notTaken = Int(state.pointee.avail_in)
        guard state.pointee.block_state != ISAL_BLOCK_FINISH else { return notTaken }
        return notTaken + Int(max(0, state.pointee.read_in_length)) / 8
    }

    func inflate(into output: UnsafeMutableRawBufferPointer) -> GzipInflateStep {
        let room = UInt32(clamping: output.count)
        let available = state.pointee.avail_in
        state.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: UInt8.self)
        state.pointee.avail_out = room
        if state.pointee.wrapper_flag == 0 {
            let status = isal_read_gzip_header(state, &header)
            if status != ISAL_DECOMP_OK {
                let taken = Self.taken(before: available, after: state.pointee.avail_in)
                // ISAL_END_INPUT: the header goes on in the next input.
                let outcome: GzipInflateStep.Outcome = status == ISAL_END_INPUT ? .progressed : .damaged(reason: Self.reason(status, inHeader: true))
                return GzipInflateStep(written: 0, taken: taken, outcome: outcome)
            }
        }
        let status = isal_inflate(state)
        let written = Int(room - state.pointee.avail_out)
        let taken = Self.taken(before: available, after: state.pointee.avail_in)
        switch status {
        case ISAL_DECOMP_OK, ISAL_END_INPUT, ISAL_OUT_OVERFLOW:
            let ended = state.pointee.block_state == ISAL_BLOCK_FINISH
            return GzipInflateStep(written: written, taken: taken, outcome: ended ? .memberEnded : .progressed)
        default:
            return GzipInflateStep(written: written, taken: taken, outcome: .damaged(reason: Self.reason(status, inHeader: false)))
        }
    }

    func startNextMember() {
        isal_inflate_reset(state)
        state.pointee.crc_flag = UInt32(ISAL_GZIP)
        header = isal_gzip_header()
        isal_gzip_header_init(&header)
    }

    /// Input bytes a call took. ISA-L hands bytes of its bit buffer back to next_in when a member
    /// ends, so avail_in may also grow during a call: that counts as nothing taken, never a trap.
    static func taken(before: UInt32, after: UInt32) -> Int {
        before >= after ? Int(before - after) : 0
    }

    /// ISA-L reports damage as a code only; these are the header's meanings, worded like zlib's
    /// messages where one of them says the same.
    static func reason(_ status: Int32, inHeader: Bool) -> String {
        switch status {
        case ISAL_INCORRECT_CHECKSUM where inHeader: return "header crc mismatch"
        case ISAL_INVALID_BLOCK: return "invalid deflate block"
        case ISAL_INVALID_SYMBOL: return "invalid literal/length or distance code"
        case ISAL_INVALID_LOOKBACK: return "invalid distance too far back"
        case ISAL_INVALID_WRAPPER: return "incorrect gzip header"
        case ISAL_UNSUPPORTED_METHOD: return "unknown compression method"
        case ISAL_INCORRECT_CHECKSUM: return "incorrect data check (CRC-32 or length in the trailer)"
        case ISAL_NEED_DICT: return "a preset dictionary is required"
        default: return "ISA-L inflate error \(status)"
        }
    }
}
#endif
