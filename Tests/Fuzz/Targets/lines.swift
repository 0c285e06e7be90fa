// libFuzzer target: the line reader and event decoder: line counts, and the fast path against the exact scan.
// The invariants live in JobscanCore (Invariants/), so that swift test replays the same logic.
@testable import JobscanCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if let broken = FuzzTarget.lines.check(bytes) { fatalError("invariant broken: \(broken)") }
    return 0
}
