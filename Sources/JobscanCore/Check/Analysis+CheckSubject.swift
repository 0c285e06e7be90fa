/// The replayed state as the check language sees it: field names are the service's own, and
/// each value comes from its entry in `CheckVocabulary`.
extension Analysis: CheckSubject {
    public var jobNames: [String] { replay.jobs.map(\.jobName) }

    public var lifetimeJobNames: [String] { replay.lifetime.map(\.jobName) }

    public var circuitBreakerNames: [String] { replay.circuitBreakers.map(\.service) }

    public func value(at path: CheckPath) -> CheckValue? {
        let V = CheckVocabulary.self
        let offset = replay.displayOffset
        switch path {
        case .root(let field):
            return V.entry(field, in: V.rootEntries)?.value(verdict)
        case .summary(let field):
            return V.entry(field, in: V.summaryEntries)?.value(replay.summary)
        case .job(let name, let field):
            // By bytes, as the service keys its jobs.
            guard let job = replay.jobs.first(where: { $0.jobName.isSameJobName(as: name) }) else { return nil }
            return V.entry(field, in: V.jobEntries)?.value(CheckJobSource(job: job, offset: offset))
        case .lifetime(let name, let field):
            guard let totals = replay.lifetime.first(where: { $0.jobName.isSameJobName(as: name) }) else { return nil }
            return V.entry(field, in: V.lifetimeEntries)?.value(CheckLifetimeSource(totals: totals, offset: offset))
        case .history(let field):
            return V.entry(field, in: V.historyEntries)?.value(replay.history)
        case .circuitBreaker(let name, let field):
            guard let breaker = replay.circuitBreakers.first(where: { $0.service == name }) else { return nil }
            return V.entry(field, in: V.circuitBreakerEntries)?.value(breaker)
        case .input(let field):
            return V.entry(field, in: V.inputEntries)?.value(input)
        case .instance(let name, let inner):
            // An instance's own paths are only meaningful on the fleet.
            return name == instance.name ? value(at: inner) : nil
        }
    }
}

/// A fleet as the check language sees it: `verdict` and `http_status` are the fleet's (the worst
/// over its instances) and `input` the whole input's; `instances.<name>.…` reads one instance;
/// the other paths read the instance when there is exactly one.
extension FleetAnalysis: CheckSubject {
    public var jobNames: [String] { single?.jobNames ?? [] }

    public var lifetimeJobNames: [String] { single?.lifetimeJobNames ?? [] }

    public var circuitBreakerNames: [String] { single?.circuitBreakerNames ?? [] }

    public var instanceNames: [String] { instances.map(\.instance.name) }

    public func value(at path: CheckPath) -> CheckValue? {
        let V = CheckVocabulary.self
        switch path {
        case .root(let field):
            return V.entry(field, in: V.rootEntries)?.value(verdict)
        case .input(let field):
            return V.entry(field, in: V.inputEntries)?.value(input)
        case .instance(let name, let inner):
            return instances.first { $0.instance.name == name }?.value(at: inner)
        default:
            return single?.value(at: path)
        }
    }
}
