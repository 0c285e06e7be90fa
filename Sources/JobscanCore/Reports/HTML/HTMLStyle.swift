/// The HTML report's style sheet. Colours are the Okabe–Ito palette (safe for the common kinds of
/// colour blindness); patterns and text carry the same facts for those who cannot tell them apart.
enum HTMLStyle {
    static let css = #"""
        :root { --fg: #1b1b1b; --muted: #5a5a5a; --line: #d0d0d0; --bg: #ffffff; --panel: #f6f6f4;
          --healthy: #009E73; --degraded: #E69F00; --unhealthy: #D55E00; --unknown: #8c8c8c;
          font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--fg); background: var(--bg); }
        body { margin: 0; padding: 16px 20px 40px; }
        h1 { font-size: 20px; margin: 0 0 6px; } h2 { font-size: 17px; margin: 26px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 3px; }
        h3 { font-size: 15px; margin: 18px 0 6px; }
        .badge { display: inline-block; padding: 1px 9px; border-radius: 10px; color: #fff; font-weight: 600; letter-spacing: .02em; }
        .badge.healthy { background: var(--healthy); } .badge.degraded { background: var(--degraded); color: #1b1b1b; }
        .badge.unhealthy { background: var(--unhealthy); } .badge.unknown { background: var(--unknown); }
        .facts { display: flex; flex-wrap: wrap; gap: 4px 22px; margin: 6px 0; color: var(--muted); }
        .facts b { color: var(--fg); font-weight: 600; }
        .toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 10px 0 6px; }
        .toolbar button, .toolbar select { font: inherit; padding: 2px 9px; border: 1px solid #999; border-radius: 4px; background: #fff; cursor: pointer; }
        .toolbar button:focus-visible, .timeline:focus-visible, .run:focus-visible { outline: 2px solid #0072B2; outline-offset: 1px; }
        .hint { color: var(--muted); font-size: 12px; }
        .timeline { display: block; border: 1px solid var(--line); background: #fff; user-select: none; touch-action: none; cursor: grab; }
        .timeline.dragging { cursor: grabbing; }
        .timeline text { font-size: 11px; fill: var(--fg); }
        .timeline .lane-label { font-size: 12px; }
        .timeline .muted { fill: var(--muted); }
        .timeline .seg-label { font-size: 10px; font-weight: 600; fill: #1b1b1b; stroke: #fff; stroke-width: 3px; paint-order: stroke; pointer-events: none; }
        #svg-namespace { display: none; }
        .legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 12px; margin: 4px 0; align-items: center; }
        .legend svg { vertical-align: middle; margin-right: 4px; border: 1px solid #999; }
        #tip { position: fixed; z-index: 10; pointer-events: none; background: #1b1b1b; color: #fff; padding: 6px 9px; border-radius: 4px;
          font-size: 12px; white-space: pre-wrap; max-width: 520px; display: none; box-shadow: 0 2px 8px rgba(0,0,0,.3); }
        table { border-collapse: collapse; margin: 4px 0 8px; font-size: 13px; }
        th, td { border: 1px solid var(--line); padding: 3px 7px; text-align: left; vertical-align: top; }
        th { background: var(--panel); font-weight: 600; }
        td { white-space: nowrap; } td.wrap { white-space: normal; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.wrap { max-width: 460px; overflow-wrap: anywhere; }
        caption { text-align: left; color: var(--muted); font-size: 12px; padding: 2px 0; caption-side: bottom; }
        .note { color: var(--muted); font-size: 12px; margin: 2px 0 8px; }
        ul.warnings { margin: 4px 0; padding-left: 20px; }
        """#
}
