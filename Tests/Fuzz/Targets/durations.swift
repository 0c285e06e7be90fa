// libFuzzer target: the Go duration parser: what parses formats back to the same value.
// The invariants live in JobscanCore (Invariants/), so that swift test replays the same logic.
@testable import JobscanCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if let broken = FuzzTarget.durations.check(bytes) { fatalError("invariant broken: \(broken)") }
    return 0
}
