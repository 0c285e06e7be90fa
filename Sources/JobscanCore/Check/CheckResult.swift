/// The outcome of checking one rule against the replayed state.
public struct CheckResult: Sendable, Equatable {
    /// Whether the assertion held, did not, or could not be evaluated.
    public enum Status: String, Sendable, Equatable {
        case passed
        /// The assertion does not hold (including: it names a job the log lacks).
        case failed
        /// The assertion cannot be evaluated: a type error, or the state lacks a value.
        case error
    }

    public let name: String?
    /// The expression text as written.
    public let expression: String
    public let location: CheckRuleLocation?
    public let status: Status
    /// One line: the observed values behind the outcome, e.g.
    /// `failed for btc_transaction_indexing (4), swap_request_processing (3)`.
    public let message: String
    /// Longer explanation, one fact per line (per failing job, the caret display of
    /// an error); the JUnit body.
    public let details: [String]

    public init(
        name: String?, expression: String, location: CheckRuleLocation?, status: Status,
        message: String, details: [String]
    ) {
        self.name = name
        self.expression = expression
        self.location = location
        self.status = status
        self.message = message
        self.details = details
    }

    /// The rule name, else the expression: how reports title the assertion.
    public var title: String { name ?? expression }
}

/// Counts of results by status.
public struct CheckTally: Sendable, Equatable {
    public var passed = 0
    public var failed = 0
    public var errors = 0

    public init(_ results: [CheckResult]) {
        for result in results {
            switch result.status {
            case .passed: passed += 1
            case .failed: failed += 1
            case .error: errors += 1
            }
        }
    }

    public var total: Int { passed + failed + errors }
    /// True when every assertion passed (an empty list passes).
    public var allPassed: Bool { failed == 0 && errors == 0 }
}
