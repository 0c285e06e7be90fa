/// A concrete place in the replayed state; wildcards are resolved before a subject sees one.
public indirect enum CheckPath: Sendable, Hashable, CustomStringConvertible {
    /// `verdict` or `http_status`.
    case root(field: String)
    case summary(field: String)
    case job(name: String, field: String)
    case lifetime(name: String, field: String)
    case input(field: String)
    case history(field: String)
    case circuitBreaker(name: String, field: String)
    /// `instances.<name>.<path>`: a path of one instance of a fleet (the path itself has no `*`).
    case instance(name: String, path: CheckPath)

    public var scope: CheckScope {
        switch self {
        case .instance(_, let path): path.scope
        case .root: .root
        case .summary: .summary
        case .job: .jobs
        case .lifetime: .lifetime
        case .input: .input
        case .history: .history
        case .circuitBreaker: .circuitBreakers
        }
    }

    public var field: String {
        switch self {
        case .root(let field), .summary(let field), .input(let field), .history(let field),
             .job(_, let field), .lifetime(_, let field), .circuitBreaker(_, let field):
            field
        case .instance(_, let path): path.field
        }
    }

    /// The job named by the path (or the service, for a circuit breaker), if its scope has jobs.
    public var jobName: String? {
        switch self {
        case .job(let name, _), .lifetime(let name, _), .circuitBreaker(let name, _): name
        case .instance(_, let path): path.jobName
        default: nil
        }
    }

    /// The path as it is written in an expression (names that are not identifiers quoted).
    public var description: String {
        switch self {
        case .root(let field): field
        case .summary(let field): "summary.\(field)"
        case .input(let field): "input.\(field)"
        case .history(let field): "history.\(field)"
        case .circuitBreaker(let name, let field): "circuit_breakers.\(CheckPath.jobText(name)).\(field)"
        case .job(let name, let field): "jobs.\(CheckPath.jobText(name)).\(field)"
        case .lifetime(let name, let field): "lifetime.\(CheckPath.jobText(name)).\(field)"
        case .instance(let name, let path): "instances.\(CheckPath.jobText(name)).\(path)"
        }
    }

    static func jobText(_ name: String) -> String {
        CheckLexer.isIdentifier(name) ? name : CheckQuoting.quoted(name)
    }
}

/// The replayed state that check expressions read; the replay result conforms to it.
///
/// Field names and the CheckValue case each must return are listed in `CheckVocabulary`
/// (`.time` fields are returned as `.string`).
public protocol CheckSubject: Sendable {
    /// Jobs in the state since the last restart (what `jobs.*` ranges over), sorted.
    var jobNames: [String] { get }
    /// Jobs seen across all restarts (what `lifetime.*` ranges over), sorted.
    var lifetimeJobNames: [String] { get }
    /// Services with a circuit breaker or failed calls in the log (what `circuit_breakers.*` ranges over), sorted.
    var circuitBreakerNames: [String] { get }
    /// Instances of a fleet (what `instances.<name>` names), sorted; none outside a fleet.
    var instanceNames: [String] { get }
    /// The value at `path`; nil when the path's job is absent.
    func value(at path: CheckPath) -> CheckValue?
}

extension CheckSubject {
    /// A subject without external dependencies.
    public var circuitBreakerNames: [String] { [] }

    /// A subject that is one instance.
    public var instanceNames: [String] { [] }
}
