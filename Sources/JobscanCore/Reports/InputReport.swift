/// The input report: files, bytes, lines, events per kind, foreign lines, diagnostics per reason.
public enum InputReport {
    /// The report as a JSON member (or, with `key` nil, a JSON value).
    public static func write(_ s: InputSummary, key: String?, offset: Int32, to w: inout JSONWriter) {
        w.beginObject(key)
        w.beginArray("files")
        for f in s.files {
            w.beginObject()
            w.string("name", f.name)
            w.string("format", f.format?.rawValue)
            w.string("shape", f.shape?.rawValue)
            w.int("file_bytes", f.fileBytes)
            w.int("bytes", f.bytes)
            w.int("lines", f.lines)
            w.int("events", f.events)
            w.string("first_time", ServiceTime.optional(f.firstTime, offset: offset))
            w.string("last_time", ServiceTime.optional(f.lastTime, offset: offset))
            w.string("error", f.error?.description)
            w.endObject()
        }
        w.endArray()
        w.int("bytes", s.bytes)
        w.int("lines", s.lines)
        w.int("events", s.eventCount)
        w.beginObject("events_by_kind")
        for m in EventMessage.allCases { w.int(m.key, s.events[m] ?? 0) }
        w.endObject()
        w.int("foreign_lines", s.foreignLines)
        w.int("overlong_lines", s.overlongLines)
        w.int("joined_records", s.joinedRecords)
        w.int("unattributed_lines", s.unattributedLines)
        w.int("diagnostics", s.diagnosticCount)
        w.beginObject("diagnostics_by_reason")
        for r in DiagnosticReason.allCases.sorted() where s.diagnostics[r] != nil { w.int(r.rawValue, s.diagnostics[r]) }
        w.endObject()
        w.beginArray("diagnostic_samples")
        for d in s.diagnosticSamples {
            w.beginObject()
            w.string("location", d.location.description)
            w.string("message", d.message?.text)
            w.string("reason", d.reason.rawValue)
            w.string("detail", d.detail)
            w.endObject()
        }
        w.endArray()
        w.beginArray("errors")
        for e in s.errors { w.string(nil, e.description) }
        w.endArray()
        w.endObject()
    }

    /// The input report for people, a few aligned lines.
    public static func text(_ s: InputSummary) -> String {
        var out = ""
        let files = s.files.map { f -> String in
            var part = "\(TerminalText.neutralized(f.name)) (\(f.format?.rawValue ?? "unread")"
            if let shape = f.shape, shape != .plain { part += ", \(shape.rawValue)" }
            if f.format == .gzip { part += ", \(ByteCount.text(f.fileBytes)) → \(ByteCount.text(f.bytes))" } else { part += ", \(ByteCount.text(f.bytes))" }
            return part + ")"
        }
        out += "  files        \(s.files.count): \(files.joined(separator: ", "))\n"
        out += "  bytes        \(s.bytes)\n"
        out += "  lines        \(s.lines) (\(s.eventCount) events, \(s.foreignLines) foreign, \(s.diagnosticCount) diagnostics, \(s.overlongLines) over-long)\n"
        if s.joinedRecords > 0 || s.unattributedLines > 0 {
            out += "  records      \(s.joinedRecords) partial record(s) joined, \(s.unattributedLines) line(s) of no instance\n"
        }
        let kinds = EventMessage.allCases.compactMap { m in s.events[m].map { "\(m.key) \($0)" } }
        out += "  events       \(kinds.isEmpty ? "none" : kinds.joined(separator: ", "))\n"
        if !s.diagnostics.isEmpty {
            let reasons = DiagnosticReason.allCases.sorted().compactMap { r in s.diagnostics[r].map { "\(r.rawValue) \($0)" } }
            out += "  diagnostics  \(reasons.joined(separator: ", "))\n"
            for d in s.diagnosticSamples.prefix(5) { out += "               \(TerminalText.neutralized(d.description))\n" }
            if s.diagnosticCount > 5 { out += "               … \(s.diagnosticCount - 5) more (--format json lists \(InputSummary.sampleLimit))\n" }
        }
        if s.overlongLines > 0 {
            out += "  over-long    \(s.overlongLines) line(s) skipped, first at \(TerminalText.neutralized(s.overlongSamples.first?.description ?? "?")) (--max-line-bytes)\n"
        }
        return out
    }
}

/// Byte counts for people (`12.1 KB`, `1.05 GB`, decimal units).
public enum ByteCount {
    public static func text(_ n: Int) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(n)
        var unit = 0
        while value >= 1000, unit < units.count - 1 { value /= 1000; unit += 1 }
        if unit == 0 { return "\(n) B" }
        let digits = value < 10 ? 2 : value < 100 ? 1 : 0
        return format(value, digits) + " " + units[unit]
    }

    static func format(_ v: Double, _ digits: Int) -> String {
        let scale = [1.0, 10.0, 100.0][digits]
        let r = (v * scale).rounded() / scale
        var s = "\(r)"
        if digits == 0, s.hasSuffix(".0") { s.removeLast(2) }
        return s
    }
}
