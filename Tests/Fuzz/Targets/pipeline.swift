// libFuzzer target: the whole pipeline, plain and gzip: bytes and lines accounted, the same analysis both ways.
// The invariants live in JobscanCore (Invariants/), so that swift test replays the same logic.
@testable import JobscanCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if let broken = FuzzTarget.pipeline.check(bytes) { fatalError("invariant broken: \(broken)") }
    return 0
}
