// libFuzzer target: the RFC 3339, console and epoch time parsers, and the foreign-time stamp.
// The invariants live in JobscanCore (Invariants/), so that swift test replays the same logic.
@testable import JobscanCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if let broken = FuzzTarget.times.check(bytes) { fatalError("invariant broken: \(broken)") }
    return 0
}
