/// The forensic HTML report (`--html`): one self-contained page that draws each instance's runs,
/// verdict through time, health checks, restarts and circuit breakers, with the tables behind them.
public enum HTMLReport {
    /// The embedded data's layout version.
    public static let dataVersion = 1

    /// The page; `collection` holds what the worlds recorded while they replayed.
    public static func render(_ fleet: FleetAnalysis, collection: HTMLCollection) -> String {
        HTMLDocument.page(data: data(fleet, collection: collection))
    }

    /// The embedded JSON: the `--format json` document as `report`, and each instance's drawing
    /// data (in the same order) as `timelines`.
    static func data(_ fleet: FleetAnalysis, collection: HTMLCollection) -> String {
        var w = JSONWriter(pretty: false)
        w.beginObject()
        w.int("jobscan_html", dataVersion)
        w.beginArray("outcomes")
        for outcome in RunOutcome.allCases { w.string(nil, outcome.rawValue) }
        w.endArray()
        w.beginArray("timelines")
        for analysis in fleet.instances {
            HTMLTimelineData.write(analysis, collector: collection.collector(for: analysis.instance.name), to: &w)
        }
        w.endArray()
        w.endObject()
        // Spliced in as written: the report document is JSON already, with its own escaping.
        var out = w.output
        out.removeLast()
        return out + ",\"report\":" + JSONReport.render(fleet) + "}"
    }
}
