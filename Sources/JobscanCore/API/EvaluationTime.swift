/// Parses `--at`: an RFC 3339 time or epoch seconds (`1795639521` or `1795639521.5`), or `now`.
public enum EvaluationTime {
    /// `now` is the wall clock's instant, which the caller reads (and tests fix).
    public static func parse(_ text: String, now: @autoclosure () -> Instant) -> Instant? {
        text == "now" ? now() : parse(text)
    }

    public static func parse(_ text: String) -> Instant? {
        if let t = TimeText.parseRFC3339(text) { return t }
        var copy = text
        return copy.withUTF8 { TimeText.parseEpochSeconds(UnsafeRawBufferPointer($0)) }
    }
}
