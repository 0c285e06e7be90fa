/// A run of the envelope stage's output, in order, handed from the unwrapping thread to the
/// decoding one: service lines with their slot and line number, envelope diagnostics, and the
/// instances the records name. Lines are copied into one buffer reused from batch to batch, so
/// an ordinary line costs a memcpy and no allocation.
/// `@unchecked Sendable`: owned by one thread at a time, passed on through a `HandOff`.
final class UnwrappedBatch: @unchecked Sendable {
    // Each entry: a 16-byte header (Int32 length or marker, Int32 slot, Int64 line number), then
    // the line's bytes. Headers are read and written unaligned.
    private let storage = ScratchBytes(capacity: UnwrappedBatch.handOverBytes + 64 * 1024)
    private var diagnostics: [EventDiagnostic] = []
    private var names: [String] = []
    private static let header = 16
    private static let diagnosticMarker: Int32 = -1
    private static let nameMarker: Int32 = -2
    /// A batch is handed over once it holds this much.
    static let handOverBytes = 256 * 1024

    var isFull: Bool { storage.count >= Self.handOverBytes }
    var isEmpty: Bool { storage.count == 0 }

    func removeAll() {
        storage.removeAll()
        diagnostics.removeAll(keepingCapacity: true)
        names.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    func appendLine(_ bytes: UnsafeRawBufferPointer, slot: Int, number: Int) {
        appendHeader(Int32(truncatingIfNeeded: bytes.count), slot: slot, number: number)
        storage.append(bytes)
    }

    func appendDiagnostic(_ diagnostic: EventDiagnostic) {
        diagnostics.append(diagnostic)
        appendHeader(Self.diagnosticMarker, slot: 0, number: 0)
    }

    /// A new instance, known on this side as `slot`.
    func appendInstance(named name: String, slot: Int) {
        names.append(name)
        appendHeader(Self.nameMarker, slot: slot, number: 0)
    }

    @inline(__always)
    private func appendHeader(_ length: Int32, slot: Int, number: Int) {
        storage.reserve(Self.header)
        let p = storage.base + storage.count
        p.storeBytes(of: length, as: Int32.self)
        p.storeBytes(of: Int32(truncatingIfNeeded: slot), toByteOffset: 4, as: Int32.self)
        p.storeBytes(of: Int64(number), toByteOffset: 8, as: Int64.self)
        storage.count += Self.header
    }

    /// Hands every entry to `out`, in order. `slots` maps the slots this batch's side gave the
    /// instances it named to `out`'s own (it grows with each name); a slot never named is
    /// `out`'s already (the one instance of a one-instance shape).
    func replay<O: EnvelopeOutput>(into out: inout O, slots: inout [Int]) {
        let base = UnsafeRawPointer(storage.base)
        let end = storage.count
        var at = 0
        var nextDiagnostic = 0
        var nextName = 0
        while at < end {
            let length = base.loadUnaligned(fromByteOffset: at, as: Int32.self)
            let slot = Int(base.loadUnaligned(fromByteOffset: at + 4, as: Int32.self))
            at += Self.header
            switch length {
            case Self.diagnosticMarker:
                out.diagnostic(diagnostics[nextDiagnostic])
                nextDiagnostic += 1
            case Self.nameMarker:
                // Slots are named in order 0, 1, 2, … on the unwrapping side.
                slots.append(out.instance(named: names[nextName]))
                nextName += 1
            default:
                let number = Int(base.loadUnaligned(fromByteOffset: at - 8, as: Int64.self))
                let count = Int(length)
                out.line(UnsafeRawBufferPointer(start: base + at, count: count), slot: slot < slots.count ? slots[slot] : slot,
                         number: number)
                at += count
            }
        }
    }
}
