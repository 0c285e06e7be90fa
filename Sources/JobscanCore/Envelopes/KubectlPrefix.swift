/// `kubectl logs --prefix`: `[pod/NAME/CONTAINER] ` before each line.
enum KubectlPrefix {
    /// The prefix's key (`pod/NAME/CONTAINER`, between the brackets) and where the line starts.
    static func split(_ line: UnsafeRawBufferPointer) -> (key: Range<Int>, content: Int)? {
        guard ShapeSniffer.starts(line, "[pod/") else { return nil }
        // Names and containers are DNS labels: no brackets or spaces inside the prefix.
        var i = 5
        while i < line.count {
            let c = line[i]
            if c == UInt8(ascii: "]") { break }
            if c == 0x20 || c == UInt8(ascii: "[") { return nil }
            i += 1
        }
        guard i < line.count else { return nil }
        let key = 1..<i
        // `] ` then the line; an empty line leaves just `]`.
        if i + 1 == line.count { return (key, i + 1) }
        guard line[i + 1] == 0x20 else { return nil }
        return (key, i + 2)
    }

    /// The instance name of a key: `NAME/CONTAINER` (the `pod/` kind dropped).
    static func instanceName(_ key: UnsafeRawBufferPointer) -> String {
        let text = String(decoding: key, as: UTF8.self)
        return text.hasPrefix("pod/") ? String(text.dropFirst(4)) : text
    }
}
