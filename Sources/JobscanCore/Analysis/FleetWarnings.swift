/// Warnings about a whole run that are not errors, one line each.
enum FleetWarnings {
    static func of(_ analyses: [Analysis], options: ReplayOptions) -> [String] {
        var out: [String] = []
        for analysis in analyses {
            // Files were put in time order; ranges that still cross mean copies or a clock step.
            let files = analysis.input.files.filter { $0.firstTime != nil }
            for (a, b) in zip(files, files.dropFirst()) {
                if let end = a.lastTime, let start = b.firstTime, start < end {
                    out.append("instance \(analysis.instance.name): \(b.name) starts (\(start.rfc3339Nano)) before \(a.name) ends (\(end.rfc3339Nano)); the files overlap")
                }
            }
        }
        for analysis in analyses where analysis.replay.eventsOfUntrackedJobs > 0 {
            // Replay's note says how many and names the first job left out.
            if let note = analysis.replay.notes.first { out.append("instance \(analysis.instance.name): \(note.location): \(note.text)") }
        }
        let named = Set(analyses.flatMap { $0.replay.lifetime.map(\.jobName) })
        if options.criticalJobsNamed, !analyses.isEmpty {
            for job in options.criticalJobs.sorted() where !named.contains(job) {
                out.append("critical job \(job) does not appear in the log (a typo in --critical-jobs?)")
            }
        }
        return out
    }
}
