/// `kubectl logs --prefix`: `[pod/NAME/CONTAINER] ` before each line.
enum KubectlPrefix {
    /// The prefix's key (`pod/NAME/CONTAINER`, between the brackets) and where the line starts.
    static func split(_ line: UnsafeRawBufferPointer) -> (key: Range<Int>, content: Int)? {
        guard ShapeSniffer.starts(line, "[pod/") else { return nil }
        // Names and containers are DNS labels: no brackets or spaces inside the prefix.
        var i = 5
        // Eight bytes at a time while none is `]`, a space or `[` (the lowest flag is exact).
        if let p = line.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= line.count {
                let v = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let a = v ^ 0x5D5D_5D5D_5D5D_5D5D, s = v ^ 0x2020_2020_2020_2020, o = v ^ 0x5B5B_5B5B_5B5B_5B5B
                if ((a &- ones) & ~a | (s &- ones) & ~s | (o &- ones) & ~o) & highs != 0 { break }
                i += 8
            }
        }
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
