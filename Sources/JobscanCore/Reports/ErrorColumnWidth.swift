/// How wide the job table's LAST ERROR column may be.
public enum ErrorColumnWidth: Sendable, Equatable {
    /// 48 characters: the width without a terminal (and of the golden files).
    case standard
    /// Cut so that each job row fits in this many columns (terminal columns), keeping at least
    /// `minimum` characters of the error.
    case fitting(columns: Int)
    /// The whole error text (`--wide`).
    case full

    /// The fewest characters of an error a row keeps, however narrow the terminal.
    public static let minimum = 16

    /// The characters the column may take, given the widths of the columns before it.
    func limit(otherColumns widths: [Int]) -> Int {
        switch self {
        case .standard: return 48
        case .full: return .max
        case .fitting(let columns):
            // Two spaces between columns.
            let used = widths.reduce(0, +) + 2 * widths.count
            return max(Self.minimum, columns - used)
        }
    }
}
