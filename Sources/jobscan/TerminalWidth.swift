#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JobscanCore

/// The columns the table has: the terminal's on standard output, else `COLUMNS`.
enum TerminalWidth {
    static func columns() -> Int? {
        var size = winsize()
        if Terminal.isTerminal(1), ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let text = Terminal.environment("COLUMNS"), let columns = Int(text), columns > 0 { return columns }
        return nil
    }
}

extension ErrorColumnWidth {
    /// In full with `--wide`; cut to the terminal's width when one is known; else the standard 48.
    static func chosen(wide: Bool) -> ErrorColumnWidth {
        if wide { return .full }
        return TerminalWidth.columns().map { .fitting(columns: $0) } ?? .standard
    }
}
