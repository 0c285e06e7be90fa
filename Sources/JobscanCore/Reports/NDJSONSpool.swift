#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// An NDJSON output of a fleet (`--timeline`, `--history`): each instance's records go to a
/// temporary file of its own while the worlds replay in parallel, and are written out one
/// instance after another in name order, so the output is the same whatever the threads did,
/// and memory stays flat.
public final class NDJSONSpool: Sendable {
    private let files = Mutex<[String: SpoolFile]>([:])

    public init() {}

    /// The sink of `instance`'s records (callable from any thread; one world uses it at a time);
    /// nil when no temporary file could be made.
    public func sink(for instance: String) -> TextSink? {
        files.withLock { files in
            if let existing = files[instance] { return existing }
            guard let file = SpoolFile() else { return nil }
            files[instance] = file
            return file
        }
    }

    /// Copies every instance's records to `sink`, instances in name order; false if a spool
    /// file could not be written or read back.
    public func write(to sink: TextSink) -> Bool {
        let all = files.withLock { $0.sorted { $0.key < $1.key }.map(\.value) }
        var ok = true
        for file in all { ok = file.copy(to: sink) && ok }
        return ok
    }
}

/// An unnamed temporary file (tmpfile(3): gone when closed, or when the process dies).
final class SpoolFile: TextSink, @unchecked Sendable {
    private let file: UnsafeMutablePointer<FILE>
    private var failed = false

    init?() {
        guard let file = tmpfile() else { return nil }
        self.file = file
    }

    deinit { fclose(file) }

    func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            if fwrite(bytes.baseAddress, 1, bytes.count, file) != bytes.count { failed = true }
        }
    }

    func copy(to sink: TextSink) -> Bool {
        guard fflush(file) == 0, !failed else { return false }
        rewind(file)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var carry: [UInt8] = []
        while true {
            let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if n == 0 { break }
            // Whole lines only: a UTF-8 character never splits across two writes.
            carry += buffer[0..<n]
            guard let newline = carry.lastIndex(of: 0x0A) else { continue }
            sink.write(String(decoding: carry[...newline], as: UTF8.self))
            carry.removeSubrange(...newline)
        }
        if !carry.isEmpty { sink.write(String(decoding: carry, as: UTF8.self)) }
        return ferror(file) == 0
    }
}
