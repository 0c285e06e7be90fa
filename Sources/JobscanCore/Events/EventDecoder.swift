#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one line turned out to be.
public enum LineOutcome: Sendable {
    case event(JobEvent)
    /// Not a catalogue event (another message, another program's line, binary junk);
    /// `EventDecoder.foreignTime()` gives its own time, when it has one.
    case foreign
    case diagnostic(EventDiagnostic)
}

/// Turns one line's bytes into a `JobEvent`, detecting zap's JSON or console encoding per line.
/// Reused across lines: it keeps its scratch space, so an ordinary foreign line allocates nothing.
public struct EventDecoder {
    /// The input's display name, for the locations of events and diagnostics.
    public var fileName = ""
    private var fields = ZapFieldValues()
    private var fieldsDirty = false
    private var stamp = LineStamp()

    public init() {}

    /// Decodes one line (without its line terminator); `location` names it in events and diagnostics.
    public mutating func decode(_ line: UnsafeRawBufferPointer, location: LineLocation) -> LineOutcome {
        fileName = location.file
        return decode(line, lineNumber: location.line)
    }

    /// Decodes line `lineNumber` of `fileName`. The hot path: a foreign line is told apart from the
    /// message alone, without scanning its object and without allocating.
    public mutating func decode(_ line: UnsafeRawBufferPointer, lineNumber: Int) -> LineOutcome {
        guard let first = line.first else { return .foreign }
        if first == UInt8(ascii: "{") {
            guard Self.mayBeJSONEvent(line, stamp: &stamp) else { return .foreign }
            resetFields()
            return decodeJSON(line, location: LineLocation(file: fileName, line: lineNumber))
        }
        if first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") {
            guard let split = Self.consoleSplit(line, stamp: &stamp) else { return .foreign }
            resetFields()
            return decodeConsole(line, split, location: LineLocation(file: fileName, line: lineNumber))
        }
        return .foreign
    }

    /// Decodes a line with the exact scanner alone, never the fast path: what `decode` must
    /// always agree with (the differential test and the fuzzer hold it to that).
    mutating func decodeExactly(_ line: UnsafeRawBufferPointer, lineNumber: Int) -> LineOutcome {
        guard line.first == UInt8(ascii: "{") else { return decode(line, lineNumber: lineNumber) }
        resetFields()
        return decodeJSON(line, location: LineLocation(file: fileName, line: lineNumber))
    }

    /// The latest time of the foreign lines of this input (parsed only on demand): with it, the
    /// latest time seen is known even when the log ends in foreign lines.
    public func foreignTime() -> Instant? {
        stamp.instant()
    }

    /// Forgets the foreign time, as a new input begins.
    public mutating func startInput(named name: String) {
        fileName = name
        stamp.clear()
    }

    private mutating func resetFields() {
        if fieldsDirty {
            fields.reset()
            fieldsDirty = false
        }
    }

    private static let spacedMsgKey = ByteSearch("\"msg\"", anchor: 1)

    /// The fast test for a zap JSON line; false only where the exact scan would also find the
    /// line foreign. zap's own layout is checked in a few compares, and its first message read
    /// in place: not a catalogue message, the line is foreign and its `ts` is noted. Every other
    /// line that has a `"msg"` anywhere (spaced, nested, after other members, escaped) goes to
    /// the exact scan; one without any cannot have a message.
    private static func mayBeJSONEvent(_ line: UnsafeRawBufferPointer, stamp: inout LineStamp) -> Bool {
        guard let known = zapLayout(line) else { return spacedMsgKey.firstIndex(in: line) != nil }
        let base = line.baseAddress!
        let valueStart = known.msgKey + 7
        guard let close = memchr(base + valueStart, Int32(UInt8(ascii: "\"")), line.count - valueStart) else { return true }
        let message = UnsafeRawBufferPointer(rebasing: line[valueStart..<base.distance(to: UnsafeRawPointer(close))])
        if ByteSearch.contains(UInt8(ascii: "\\"), in: message) { return true }
        if EventMessage.match(message) != nil { return true }
        // Foreign: keep the raw `ts` (the only one before the message), parsed only if it is ever needed.
        stamp.set(UnsafeRawBufferPointer(rebasing: line[known.ts]), layout: .zapJSON)
        return false
    }

    /// zap's production layout, checked in a few steps instead of searched for:
    /// `{"level":"…","ts":…,"caller":"…","msg":"` (the caller is optional), with no escape in the
    /// level or caller and a `ts` that is one plain number or one plain string, so that these
    /// members are exactly what the exact scan reads. Returns where the `"msg"` key starts and
    /// where the `ts` value is (quotes included); nil for any other layout.
    private static func zapLayout(_ line: UnsafeRawBufferPointer) -> (msgKey: Int, ts: Range<Int>)? {
        let base = line.baseAddress!
        let n = line.count
        func at(_ i: Int, _ text: StaticString) -> Bool {
            i + text.utf8CodeUnitCount <= n && memcmp(base + i, text.utf8Start, text.utf8CodeUnitCount) == 0
        }
        func find(_ byte: UInt8, from i: Int) -> Int? {
            guard i < n, let hit = memchr(base + i, Int32(byte), n - i) else { return nil }
            return base.distance(to: UnsafeRawPointer(hit))
        }
        func plain(_ range: Range<Int>) -> Bool {
            range.isEmpty || memchr(base + range.lowerBound, Int32(UInt8(ascii: "\\")), range.count) == nil
        }
        guard at(0, "{\"level\":\""), let levelEnd = find(UInt8(ascii: "\""), from: 10), plain(10..<levelEnd),
              at(levelEnd, "\",\"ts\":"), let tsEnd = find(UInt8(ascii: ","), from: levelEnd + 7)
        else { return nil }
        let ts = (levelEnd + 7)..<tsEnd
        guard isPlainValue(UnsafeRawBufferPointer(rebasing: line[ts])) else { return nil }
        if at(tsEnd, ",\"msg\":\"") { return (tsEnd + 1, ts) }
        guard at(tsEnd, ",\"caller\":\""), let callerEnd = find(UInt8(ascii: "\""), from: tsEnd + 11),
              plain((tsEnd + 11)..<callerEnd), at(callerEnd, "\",\"msg\":\"")
        else { return nil }
        return (callerEnd + 2, ts)
    }

    /// A JSON number as the scanner reads one (`[-0-9][-+.eE0-9]*`), or a string with no quote or
    /// backslash inside: a value the exact scan ends exactly where the layout check does.
    private static func isPlainValue(_ b: UnsafeRawBufferPointer) -> Bool {
        guard let first = b.first else { return false }
        if first == UInt8(ascii: "\"") {
            guard b.count >= 2, b[b.count - 1] == UInt8(ascii: "\"") else { return false }
            return !b[1..<(b.count - 1)].contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        }
        guard first == UInt8(ascii: "-") || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) else { return false }
        return b.allSatisfy {
            ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+")
                || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E")
        }
    }

    /// Where a console line's parts are: after the time and level, the message, then the fields.
    struct ConsoleSplit {
        var time: Range<Int>
        var level: Range<Int>
        var message: EventMessage
        var fieldsStart: Int?
    }

    /// Splits a console line and matches its message; nil (foreign) for every other line, whose
    /// time is noted for `foreignTime()`.
    private static func consoleSplit(_ line: UnsafeRawBufferPointer, stamp: inout LineStamp) -> ConsoleSplit? {
        guard let tab1 = index(of: 0x09, in: line, from: 0),
              let tab2 = index(of: 0x09, in: line, from: tab1 + 1)
        else { return nil }
        // The fields, when present, follow the last tab: JSON escapes every tab inside it.
        var messageEnd = line.count
        var fieldsStart: Int?
        if let lastTab = lastIndex(of: 0x09, in: line, after: tab2), lastTab + 1 < line.count,
           line[lastTab + 1] == UInt8(ascii: "{") {
            messageEnd = lastTab
            fieldsStart = lastTab + 1
        }
        var messageStart = tab2 + 1
        var message = EventMessage.match(UnsafeRawBufferPointer(rebasing: line[messageStart..<messageEnd]))
        if message == nil, let callerTab = index(of: 0x09, in: line, from: messageStart), callerTab < messageEnd,
           looksLikeCaller(UnsafeRawBufferPointer(rebasing: line[messageStart..<callerTab])) {
            // A logger configured with a caller writes it between the level and the message.
            messageStart = callerTab + 1
            message = EventMessage.match(UnsafeRawBufferPointer(rebasing: line[messageStart..<messageEnd]))
        }
        guard let message else {
            stamp.set(UnsafeRawBufferPointer(rebasing: line[0..<tab1]), layout: .zapConsole)
            return nil
        }
        return ConsoleSplit(time: 0..<tab1, level: (tab1 + 1)..<tab2, message: message, fieldsStart: fieldsStart)
    }

    // MARK: zap JSON (production)

    private mutating func decodeJSON(_ line: UnsafeRawBufferPointer, location: LineLocation) -> LineOutcome {
        var message: EventMessage?
        var level: RawJSONValue?
        var ts: RawJSONValue?
        do throws(JSONSyntaxError) {
            var scanner = try JSONObjectScanner(line)
            while let (key, value) = try scanner.next() {
                let k = UnsafeRawBufferPointer(rebasing: line[key.start..<key.end])
                switch k.count {
                case 3 where ByteSearch.equals(k, "msg"):
                    // The first msg is the message (zap writes it before any field of the same name).
                    if message != nil { continue }
                    guard value.kind == .string, let m = Self.matchMessage(line, value) else {
                        if let ts {
                            // A string `ts` with its quotes: the stamp tells a number from a text by them.
                            let raw = ts.kind == .string ? (ts.start - 1)..<(ts.end + 1) : ts.start..<ts.end
                            stamp.set(UnsafeRawBufferPointer(rebasing: line[raw]), layout: .zapJSON)
                        }
                        return .foreign
                    }
                    message = m
                    continue
                case 5 where ByteSearch.equals(k, "level"):
                    level = value
                    continue
                case 2 where ByteSearch.equals(k, "ts"):
                    ts = value
                    continue
                case 6 where ByteSearch.equals(k, "caller"), 10 where ByteSearch.equals(k, "stacktrace"):
                    continue
                default:
                    break
                }
                if let field = ZapField.match(k) {
                    fields[field] = value
                    fieldsDirty = true
                }
            }
            // zap writes nothing after the object; anything but blanks means the line is not one of its.
            var end = scanner.position
            while end < line.count, line[end] == 0x20 || line[end] == 0x09 { end += 1 }
            if end != line.count {
                throw JSONSyntaxError(offset: end, expected: "the end of the line after '}'")
            }
        } catch {
            guard let message else { return .foreign }
            return .diagnostic(EventDiagnostic(
                location: location, message: message, reason: .malformedJSON,
                detail: "malformed JSON at byte \(error.offset + 1): expected \(error.expected)"))
        }
        guard let message else { return .foreign }
        do throws(EventDiagnostic) {
            let time = try jsonTime(line, ts, message: message, location: location)
            let lvl = try jsonLevel(line, level, message: message, location: location)
            let payload = try makePayload(message, line: line, location: location)
            return .event(JobEvent(time: time, level: lvl, payload: payload, location: location, encoding: .json))
        } catch {
            return .diagnostic(error)
        }
    }

    private static func matchMessage(_ line: UnsafeRawBufferPointer, _ value: RawJSONValue) -> EventMessage? {
        let raw = UnsafeRawBufferPointer(rebasing: line[value.start..<value.end])
        guard value.hasEscapes else { return EventMessage.match(raw) }
        // An escaped message can still spell a catalogue one (\u004a...); rare, so decode it.
        guard let text = try? JSONStringDecoder.decode(raw, hasEscapes: true) else { return nil }
        var copy = text
        return copy.withUTF8 { EventMessage.match(UnsafeRawBufferPointer($0)) }
    }

    private func jsonTime(_ line: UnsafeRawBufferPointer, _ ts: RawJSONValue?, message: EventMessage,
                          location: LineLocation) throws(EventDiagnostic) -> Instant {
        guard let ts else {
            throw EventDiagnostic(location: location, message: message, reason: .missingField, detail: "missing field ts")
        }
        let raw = UnsafeRawBufferPointer(rebasing: line[ts.start..<ts.end])
        let parsed: Instant?
        switch ts.kind {
        case .number: parsed = TimeText.parseEpochSeconds(raw)
        // zap's ISO8601 and RFC3339 time encoders write `ts` as a string.
        case .string: parsed = TimeText.parseRFC3339(raw) ?? TimeText.parseZapConsole(raw)
        default: parsed = nil
        }
        guard let parsed else {
            throw EventDiagnostic(location: location, message: message, reason: .invalidTime,
                                  detail: "invalid ts \(String(decoding: raw, as: UTF8.self))")
        }
        return parsed
    }

    private func jsonLevel(_ line: UnsafeRawBufferPointer, _ level: RawJSONValue?, message: EventMessage,
                           location: LineLocation) throws(EventDiagnostic) -> ZapLevel {
        guard let level else {
            throw EventDiagnostic(location: location, message: message, reason: .missingField, detail: "missing field level")
        }
        let raw = UnsafeRawBufferPointer(rebasing: line[level.start..<level.end])
        guard level.kind == .string, let parsed = ZapLevel.parse(raw) else {
            throw EventDiagnostic(location: location, message: message, reason: .invalidLevel,
                                  detail: "invalid level \(String(decoding: raw, as: UTF8.self))")
        }
        return parsed
    }

    // MARK: zap console (development)

    private mutating func decodeConsole(_ line: UnsafeRawBufferPointer, _ split: ConsoleSplit, location: LineLocation) -> LineOutcome {
        guard let time = TimeText.parseZapConsole(UnsafeRawBufferPointer(rebasing: line[split.time])),
              let level = ZapLevel.parse(UnsafeRawBufferPointer(rebasing: line[split.level]))
        else {
            stamp.set(UnsafeRawBufferPointer(rebasing: line[split.time]), layout: .zapConsole)
            return .foreign
        }
        if let fieldsStart = split.fieldsStart {
            do throws(JSONSyntaxError) {
                var scanner = try JSONObjectScanner(line, at: fieldsStart)
                while let (key, value) = try scanner.next() {
                    if let field = ZapField.match(UnsafeRawBufferPointer(rebasing: line[key.start..<key.end])) {
                        fields[field] = value
                        fieldsDirty = true
                    }
                }
                if scanner.position != line.count {
                    throw JSONSyntaxError(offset: scanner.position, expected: "the end of the line after '}'")
                }
            } catch {
                return .diagnostic(EventDiagnostic(
                    location: location, message: split.message, reason: .malformedJSON,
                    detail: "malformed JSON fields at byte \(error.offset + 1): expected \(error.expected)"))
            }
        }
        do throws(EventDiagnostic) {
            let payload = try makePayload(split.message, line: line, location: location)
            return .event(JobEvent(time: time, level: level, payload: payload, location: location, encoding: .console))
        } catch {
            return .diagnostic(error)
        }
    }

    private static func looksLikeCaller(_ b: UnsafeRawBufferPointer) -> Bool {
        // `path/file.go:76`
        guard let colon = b.lastIndex(of: UInt8(ascii: ":")), colon + 1 < b.count, colon >= 3 else { return false }
        guard b[(colon + 1)...].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        return b[colon - 3] == UInt8(ascii: ".") && b[colon - 2] == UInt8(ascii: "g") && b[colon - 1] == UInt8(ascii: "o")
    }

    static func index(of byte: UInt8, in b: UnsafeRawBufferPointer, from: Int) -> Int? {
        var i = from
        while i < b.count {
            if b[i] == byte { return i }
            i += 1
        }
        return nil
    }

    static func lastIndex(of byte: UInt8, in b: UnsafeRawBufferPointer, after: Int) -> Int? {
        var i = b.count - 1
        while i > after {
            if b[i] == byte { return i }
            i -= 1
        }
        return nil
    }

    // MARK: fields → payload

    private func makePayload(_ message: EventMessage, line: UnsafeRawBufferPointer,
                             location: LineLocation) throws(EventDiagnostic) -> JobEvent.Payload {
        let reader = FieldReader(line: line, fields: fields, message: message, location: location)
        switch message {
        case .jobRegistered:
            return .registered(job: try reader.string(.jobName))
        case .jobStarted:
            return .started(job: try reader.string(.jobName), startTime: try reader.time(.startTime))
        case .jobCompleted:
            return .completed(job: try reader.string(.jobName), duration: try reader.duration(.duration))
        case .jobFailed:
            return .failed(job: try reader.string(.jobName), duration: try reader.duration(.duration),
                           error: try reader.string(.error), consecutiveFailures: try reader.integer(.consecutiveFailures))
        case .jobPanicked:
            return .panicked(job: try reader.string(.jobName), value: try reader.string(.panic))
        case .jobStalled:
            return .stalled(job: try reader.string(.jobName), lastRunTime: try reader.time(.lastRunTime),
                            duration: try reader.duration(.duration))
        case .unregisteredCompletion:
            return .unregisteredCompletion(job: try reader.string(.jobName))
        case .cleanup:
            return .cleanup(count: try reader.integer(.cleanedCount))
        case .healthCheck:
            return .healthCheck(HealthCheckRecord(
                overallStatus: try reader.string(.overallStatus),
                duration: try reader.optionalDuration(.duration),
                totalJobs: try reader.integer(.totalJobs),
                unhealthyJobs: try reader.integer(.unhealthyJobs),
                stalledJobs: try reader.integer(.stalledJobs),
                runningJobs: try reader.integer(.runningJobs)))
        case .serverStarting:
            return .serverStarting(port: try reader.optionalString(.port) ?? "")
        case .serverShutdown:
            return .serverShutdown
        case .circuitBreakerChange:
            return .circuitBreakerChange(service: try reader.string(.service), from: try reader.string(.from),
                                         to: try reader.string(.to))
        case .externalAPIFailure:
            return .externalAPIFailure(ExternalAPIFailure(
                service: try reader.optionalString(.service) ?? "",
                operation: try reader.optionalString(.operation) ?? "",
                duration: try reader.optionalDecimalSeconds(.duration),
                error: try reader.optionalString(.error) ?? "",
                errorType: try reader.optionalString(.errorType) ?? "",
                circuitBreakerState: try reader.optionalString(.cbState) ?? ""))
        }
    }
}
