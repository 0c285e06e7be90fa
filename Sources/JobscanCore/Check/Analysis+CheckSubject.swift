/// The replayed state as the check language sees it: field names are the service's own, and
/// each value comes from its entry in `CheckVocabulary`.
extension Analysis: CheckSubject {
    public var jobNames: [String] { replay.jobs.map(\.jobName) }

    public var lifetimeJobNames: [String] { replay.lifetime.map(\.jobName) }

    public func value(at path: CheckPath) -> CheckValue? {
        let V = CheckVocabulary.self
        let offset = replay.displayOffset
        switch path {
        case .root(let field):
            return V.entry(field, in: V.rootEntries)?.value(self)
        case .summary(let field):
            return V.entry(field, in: V.summaryEntries)?.value(replay.summary)
        case .job(let name, let field):
            // By bytes, as the service keys its jobs.
            guard let job = replay.jobs.first(where: { $0.jobName.isSameJobName(as: name) }) else { return nil }
            return V.entry(field, in: V.jobEntries)?.value(CheckJobSource(job: job, offset: offset))
        case .lifetime(let name, let field):
            guard let totals = replay.lifetime.first(where: { $0.jobName.isSameJobName(as: name) }) else { return nil }
            return V.entry(field, in: V.lifetimeEntries)?.value(CheckLifetimeSource(totals: totals, offset: offset))
        case .input(let field):
            return V.entry(field, in: V.inputEntries)?.value(input)
        }
    }
}
