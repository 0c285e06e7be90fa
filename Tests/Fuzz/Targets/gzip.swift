// libFuzzer target: the gzip reader: arbitrary bytes, and the gzip of arbitrary bytes back to themselves.
// The invariants live in JobscanCore (Invariants/), so that swift test replays the same logic.
@testable import JobscanCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if let broken = FuzzTarget.gzip.check(bytes) { fatalError("invariant broken: \(broken)") }
    return 0
}
