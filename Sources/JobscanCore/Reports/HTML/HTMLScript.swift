/// The HTML report's script: it reads the embedded data and draws the timeline and the tables.
/// Every string from the log reaches the page as text (text nodes, SVG titles, attribute values),
/// never as markup. The document's Content-Security-Policy names this source's SHA-256.
enum HTMLScript {
    static let source = #"""
        'use strict';
        (function () {
          const body = document.body;
          // Errors are noted on the page itself, where a headless test can read them.
          window.addEventListener('error', (e) => { body.dataset.jsErrors = (body.dataset.jsErrors || '') + (e.message || 'error') + '\n'; });
          const SVGNS = document.getElementById('svg-namespace').namespaceURI;
          const DATA = JSON.parse(document.getElementById('jobscan-data').textContent);
          const REPORT = DATA.report;
          const OUTCOMES = DATA.outcomes;
          const COLOURS = { success: '#009E73', failed: '#D55E00', timeout: '#E69F00', panic: '#CC79A7', stalled: '#0072B2', open: '#56B4E9',
            healthy: '#009E73', degraded: '#E69F00', unhealthy: '#D55E00', unknown: '#8c8c8c', closed: '#009E73', 'half-open': '#E69F00' };
          const PATTERNS = { failed: 'p-diag', timeout: 'p-dots', panic: 'p-cross', stalled: 'p-horiz', open: 'p-vert',
            degraded: 'p-dots', unhealthy: 'p-cross', unknown: 'p-horiz', open_breaker: 'p-cross', 'half-open': 'p-dots' };
          // How bad an outcome is, for the colour of a bin that holds several.
          const WORST_ORDER = ['success', 'open', 'failed', 'timeout', 'stalled', 'panic'];
          const LABEL_W = 230, ROW_H = 13, MAX_ROWS = 4, MAX_DRAWN = 2500;
          const app = document.getElementById('app');
          const tip = document.createElement('div');
          tip.id = 'tip';
          tip.setAttribute('role', 'tooltip');
          body.appendChild(tip);

          // Log text is only ever text: control characters and bidirectional overrides are shown as escapes.
          function inert(value) {
            if (value === null || value === undefined) return '';
            return String(value).replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
              (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
          }
          function el(tag, attrs, ...kids) {
            const e = document.createElement(tag);
            for (const k in attrs || {}) e.setAttribute(k, inert(attrs[k]));
            for (const kid of kids) e.appendChild(typeof kid === 'object' && kid !== null ? kid : document.createTextNode(inert(kid)));
            return e;
          }
          function svg(tag, attrs, parent) {
            const e = document.createElementNS(SVGNS, tag);
            for (const k in attrs || {}) e.setAttribute(k, String(attrs[k]));
            if (parent) parent.appendChild(e);
            return e;
          }
          // Our own line breaks stay; the log's strings are made inert before they are put in `text`.
          function titled(e, text) { const safe = String(text).split('\n').map(inert).join('\n'); const t = document.createElementNS(SVGNS, 'title'); t.textContent = safe; e.appendChild(t); e._tip = safe; return e; }
          function pad(n, w) { return String(n).padStart(w, '0'); }
          function time(us, withDate) {
            if (us === null || us === undefined) return '-';
            us = Math.floor(us);
            const ms = Math.floor(us / 1000), d = new Date(ms);
            if (isNaN(d.getTime())) return String(us) + ' µs';
            const iso = d.toISOString();
            const text = iso.slice(11, 23) + pad(((us % 1000) + 1000) % 1000, 3);
            return (withDate === false ? '' : iso.slice(0, 10) + ' ') + text + 'Z';
          }
          function duration(ns) {
            if (ns === null || ns === undefined) return '-';
            const a = Math.abs(ns), s = ns < 0 ? '-' : '';
            if (a < 1e3) return s + a + 'ns';
            if (a < 1e6) return s + (a / 1e3).toFixed(1) + 'µs';
            if (a < 1e9) return s + (a / 1e6).toFixed(1) + 'ms';
            if (a < 60e9) return s + (a / 1e9).toFixed(3) + 's';
            const total = Math.floor(a / 1e9), h = Math.floor(total / 3600), m = Math.floor(total / 60) % 60, sec = total % 60;
            return s + (h ? h + 'h' : '') + (h || m ? m + 'm' : '') + sec + 's';
          }
          function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

          // ---- the page's frame: header, instance selector, timeline, tables ----
          const files = REPORT.input.files || [];
          const shapes = Array.from(new Set(files.map((f) => f.shape))).join(', ') || '-';
          app.appendChild(el('h1', {}, 'jobscan report'));
          const head = el('div', { class: 'facts' });
          head.append(el('span', {}, 'fleet verdict ', el('span', { class: 'badge ' + REPORT.verdict, 'data-verdict': REPORT.verdict }, REPORT.verdict)),
            el('span', {}, 'evaluated at ', el('b', {}, REPORT.evaluated_at)),
            el('span', {}, el('b', {}, plural(REPORT.instance_count, 'instance'))),
            el('span', {}, el('b', {}, plural(files.length, 'file')), ' (' + shapes + ')'),
            el('span', {}, el('b', {}, String(REPORT.input.lines)), ' lines, ', el('b', {}, String(REPORT.input.events)), ' job events'),
            el('span', {}, el('b', {}, String(REPORT.input.diagnostics)), ' diagnostics'));
          app.appendChild(head);
          if ((REPORT.warnings || []).length) app.appendChild(el('ul', { class: 'warnings' }, ...REPORT.warnings.map((w) => el('li', {}, w))));

          const toolbar = el('div', { class: 'toolbar', role: 'toolbar', 'aria-label': 'timeline controls' });
          let select = null;
          if (DATA.timelines.length > 1) {
            select = el('select', { id: 'instance', 'aria-label': 'instance' });
            DATA.timelines.forEach((t, i) => {
              const inst = REPORT.instances[i];
              select.appendChild(el('option', { value: String(i) }, t.name + ' — ' + inst.verdict));
            });
            toolbar.append(el('label', { for: 'instance' }, 'instance '), select);
          }
          const buttons = {};
          for (const [key, label, help] of [['in', 'Zoom in', '+'], ['out', 'Zoom out', '−'], ['left', '◀ Pan', '←'], ['right', 'Pan ▶', '→'], ['reset', 'Reset', '0']]) {
            buttons[key] = el('button', { type: 'button', title: label + ' (' + help + ')' }, label);
            toolbar.appendChild(buttons[key]);
          }
          const viewText = el('span', { class: 'hint', id: 'view-range' });
          toolbar.append(viewText, el('span', { class: 'hint' }, 'wheel or +/− to zoom, drag or ←/→ to pan, 0 to reset; hover or Tab to a run for its details'));
          app.appendChild(toolbar);
          const legend = el('div', { class: 'legend', 'aria-label': 'legend' });
          app.appendChild(legend);
          const timeline = svg('svg', { class: 'timeline', tabindex: '0', role: 'img' });
          app.appendChild(timeline);
          const tables = el('div', { id: 'tables' });
          app.appendChild(tables);

          function defs(parent) {
            const d = svg('defs', {}, parent);
            const make = (id, draw) => { const p = svg('pattern', { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse' }, d); draw(p); };
            const ink = 'rgba(255,255,255,0.8)';
            make('p-diag', (p) => { p.setAttribute('patternTransform', 'rotate(45)'); svg('rect', { width: 2, height: 6, fill: ink }, p); });
            make('p-dots', (p) => svg('circle', { cx: 3, cy: 3, r: 1.3, fill: ink }, p));
            make('p-cross', (p) => { svg('path', { d: 'M0 0L6 6M6 0L0 6', stroke: ink, 'stroke-width': 1.3 }, p); });
            make('p-horiz', (p) => svg('rect', { width: 6, height: 2, fill: ink }, p));
            make('p-vert', (p) => svg('rect', { width: 2, height: 6, fill: 'rgba(0,0,0,0.35)' }, p));
          }
          function swatch(kind) {
            const s = svg('svg', { width: 22, height: 12, 'aria-hidden': 'true' });
            defs(s);
            svg('rect', { width: 22, height: 12, fill: COLOURS[kind] }, s);
            if (PATTERNS[kind]) svg('rect', { width: 22, height: 12, fill: 'url(#' + PATTERNS[kind] + ')' }, s);
            return s;
          }
          for (const o of OUTCOMES) legend.appendChild(el('span', {}, swatch(o), 'run ' + o));
          for (const v of ['healthy', 'degraded', 'unhealthy', 'unknown']) legend.appendChild(el('span', {}, swatch(v), 'verdict ' + v));
          legend.appendChild(el('span', {}, '▼ stall detected · ┆ restart · ticks: health checks (tall × = disagreed with replay)'));

          // ---- per instance: the runs laid out in sub-rows, and the view ----
          let current = 0, view = null;
          const layouts = new Map();

          function layout(t) {
            if (layouts.has(t)) return layouts.get(t);
            const lo = t.from_us, hi = Math.max(t.to_us, t.from_us + 1000);
            const runs = t.runs.map((r, i) => ({ i, lane: r[0], start: r[1], end: r[2], dur: r[3], outcome: OUTCOMES[r[4]] || 'open', error: r[5], epoch: r[6],
              overlapping: (r[7] & 1) !== 0, stall: (r[7] & 2) !== 0, x0: r[1] === null ? Math.min(lo, r[2] === null ? lo : r[2]) : r[1], x1: r[2] === null ? hi : r[2] }));
            const rows = t.jobs.map(() => 1);
            const byLane = t.jobs.map(() => []);
            for (const r of runs) byLane[r.lane].push(r);
            byLane.forEach((list, lane) => {
              list.sort((a, b) => a.x0 - b.x0);
              const ends = [];
              for (const r of list) {
                let row = ends.findIndex((e) => e <= r.x0);
                if (row < 0) { row = ends.length < MAX_ROWS ? ends.length : MAX_ROWS - 1; }
                ends[row] = Math.max(ends[row] || -Infinity, r.x1);
                r.row = row;
              }
              rows[lane] = Math.max(1, ends.length);
            });
            let first = lo, last = hi;
            for (const r of runs) { first = Math.min(first, r.x0); last = Math.max(last, r.x1); }
            const margin = Math.max((last - first) * 0.02, 500);
            const out = { runs, rows, full: [first - margin, last + margin] };
            layouts.set(t, out);
            return out;
          }

          function plotWidth() { return Math.max(600, Math.min(app.clientWidth || 1200, 2400) - 4) - LABEL_W - 12; }

          function axisStep(span, width) {
            const steps = [1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7, 15e6, 3e7, 6e7, 12e7, 3e8, 6e8, 9e8, 18e8, 36e8, 72e8, 108e8, 216e8, 432e8, 864e8, 1728e8, 6048e8];
            for (const s of steps) if (span / s <= width / 120) return s;
            return steps[steps.length - 1] * Math.ceil(span / (width / 120) / steps[steps.length - 1]);
          }

          // A column of runs counted by outcome, drawn as one bar in the worst outcome's colour.
          function worstOf(counts) { let w = 0; for (let i = 0; i < OUTCOMES.length; i++) if (counts[i] > 0 && WORST_ORDER.indexOf(OUTCOMES[i]) > WORST_ORDER.indexOf(OUTCOMES[w])) w = i; return OUTCOMES[w]; }
          function countsText(counts) { return OUTCOMES.map((o, i) => counts[i] ? counts[i] + ' ' + o : '').filter(Boolean).join(', '); }

          function draw() {
            const t = DATA.timelines[current], L = layout(t), inst = REPORT.instances[current];
            const [v0, v1] = view, W = plotWidth(), span = v1 - v0;
            const x = (us) => LABEL_W + (us - v0) / span * W;
            const clampX = (us) => Math.max(LABEL_W, Math.min(LABEL_W + W, x(us)));
            while (timeline.firstChild) timeline.removeChild(timeline.firstChild);
            defs(timeline);
            let y = 0;
            const g = svg('g', {}, timeline);
            const label = (text, yy, cls) => { const e = svg('text', { x: 6, y: yy, class: cls || 'lane-label' }, g); e.textContent = inert(text); return e; };
            // The axis.
            const step = axisStep(span, W), axisY = 30;
            label(time(v0).slice(0, 10) + ' (UTC)', 14, 'lane-label muted');
            for (let s = Math.ceil(v0 / step) * step; s <= v1; s += step) {
              const xx = x(s);
              svg('line', { x1: xx, x2: xx, y1: axisY - 6, y2: axisY, stroke: '#666' }, g);
              const tx = svg('text', { x: xx, y: axisY - 9, 'text-anchor': 'middle', class: 'muted' }, g);
              const full = time(s);
              // As precise as the step: dates for days, minutes for hours, milliseconds below a second.
              tx.textContent = step >= 864e8 ? full.slice(5, 10) : step >= 36e8 ? full.slice(5, 16) : step >= 6e7 ? full.slice(11, 16) : step >= 1e6 ? full.slice(11, 19) : full.slice(11, 23);
            }
            svg('line', { x1: LABEL_W, x2: LABEL_W + W, y1: axisY, y2: axisY, stroke: '#666' }, g);
            y = axisY + 6;
            const gridTop = y;
            const segLabel = (x0, x1, yy, text, dark) => {
              if (x1 - x0 < 8 * text.length) return;
              const e = svg('text', { x: (x0 + x1) / 2, y: yy, 'text-anchor': 'middle', class: 'seg-label' + (dark ? ' dark' : '') }, g);
              e.textContent = inert(text);
            };
            // The verdict band.
            label('verdict (' + plural(t.history_count, 'record') + ')', y + 13);
            for (const h of t.history) {
              if (h[1] < v0 || h[0] > v1) continue;
              const x0 = clampX(h[0]), x1 = Math.max(clampX(h[1]), x0 + 0.5), v = h[2];
              const r = svg('rect', { x: x0, y, width: x1 - x0, height: 18, fill: COLOURS[v], class: 'verdict-seg', 'data-verdict': v }, g);
              titled(r, v + '\nfrom ' + time(h[0]) + '\nto ' + time(h[1]) + '\n' + duration((h[1] - h[0]) * 1000) + (h[3] ? '\ncauses: ' + inert(h[3]) : '') + (h[4] > 1 ? '\n(' + h[4] + ' records merged)' : ''));
              if (PATTERNS[v]) svg('rect', { x: x0, y, width: x1 - x0, height: 18, fill: 'url(#' + PATTERNS[v] + ')', 'pointer-events': 'none' }, g);
              segLabel(x0, x1, y + 13, v, v === 'degraded');
            }
            y += 24;
            // The logged health checks.
            label('health checks (' + t.checks.count + (t.checks.disagreed ? ', ' + t.checks.disagreed + ' disagree' : '') + ')', y + 11);
            svg('line', { x1: LABEL_W, x2: LABEL_W + W, y1: y + 14, y2: y + 14, stroke: '#ddd' }, g);
            for (const c of t.checks.ticks) {
              if (c[0] < v0 || c[0] > v1) continue;
              const xx = x(c[0]);
              const mark = c[1] ? svg('rect', { x: xx - 1, y: y + 6, width: 2, height: 8, fill: '#555', class: 'check' }, g)
                : svg('path', { d: 'M' + (xx - 4) + ' ' + (y + 2) + 'l8 8m0 -8l-8 8M' + xx + ' ' + (y + 2) + 'v14', stroke: COLOURS.unhealthy, 'stroke-width': 2, class: 'check disagreed' }, g);
              titled(mark, 'health check logged at ' + time(c[0]) + (c[1] ? '\nagrees with replay' : '\nDISAGREES with replay (see the cross-check table)'));
            }
            y += 20;
            // One lane per job.
            const runsInView = L.runs.filter((r) => r.x1 >= v0 && r.x0 <= v1);
            const individual = runsInView.length <= MAX_DRAWN;
            let drawnRuns = 0, drawnBins = 0;
            const laneTop = [];
            t.jobs.forEach((job, lane) => {
              laneTop[lane] = y;
              const h = L.rows[lane] * ROW_H + 6;
              svg('rect', { x: LABEL_W, y, width: W, height: h, fill: lane % 2 ? '#fafafa' : '#f2f2f0' }, g);
              const lbl = label(job.length > 32 ? job.slice(0, 31) + '…' : job, y + Math.min(h, 22) / 2 + 5);
              titled(lbl, inert(job));
              y += h + 2;
            });
            const laneHeight = (lane) => L.rows[lane] * ROW_H + 6;
            if (!individual || !t.runs_complete) {
              // Bins per pixel column: from the runs themselves, or from the bins counted at replay.
              const colUs = Math.max(span / W * 3, t.runs_complete || !t.bins ? 0 : t.bins.width_us);
              const columns = new Map();
              const add = (lane, at, counts) => {
                if (at < v0 || at > v1) return;
                const key = lane + ':' + Math.floor((at - v0) / colUs);
                let c = columns.get(key);
                if (!c) { c = { lane, col: Math.floor((at - v0) / colUs), counts: OUTCOMES.map(() => 0) }; columns.set(key, c); }
                for (let i = 0; i < counts.length; i++) c.counts[i] += counts[i];
              };
              if (t.runs_complete) {
                for (const r of runsInView) { const c = OUTCOMES.map(() => 0); c[OUTCOMES.indexOf(r.outcome)] = 1; add(r.lane, r.x0, c); }
              } else if (t.bins) {
                for (const cell of t.bins.cells) add(cell[0], t.bins.origin_us + (cell[1] + 0.5) * t.bins.width_us, cell.slice(2));
              }
              for (const c of columns.values()) {
                const x0 = x(v0 + c.col * colUs), x1 = Math.min(x(v0 + (c.col + 1) * colUs), LABEL_W + W), o = worstOf(c.counts);
                const yy = laneTop[c.lane] + 3, hh = laneHeight(c.lane) - 6;
                const total = c.counts.reduce((a, b) => a + b, 0);
                const r = svg('rect', { x: Math.max(x0, LABEL_W), y: yy, width: Math.max(1, x1 - Math.max(x0, LABEL_W)), height: hh, fill: COLOURS[o], class: 'bin', 'data-outcome': o }, g);
                titled(r, inert(t.jobs[c.lane]) + '\n' + plural(total, 'run') + ' starting ' + time(v0 + c.col * colUs) + ' – ' + time(v0 + (c.col + 1) * colUs) + '\n' + countsText(c.counts));
                if (PATTERNS[o]) svg('rect', { x: Math.max(x0, LABEL_W), y: yy, width: Math.max(1, x1 - Math.max(x0, LABEL_W)), height: hh, fill: 'url(#' + PATTERNS[o] + ')', 'pointer-events': 'none' }, g);
                drawnBins++;
              }
            }
            if (individual) {
              for (const r of runsInView) {
                const x0 = clampX(r.x0), x1 = Math.max(clampX(r.x1), x0 + 2);
                const yy = laneTop[r.lane] + 3 + r.row * ROW_H, hh = ROW_H - 2;
                const rect = svg('rect', { x: x0, y: yy, width: x1 - x0, height: hh, fill: COLOURS[r.outcome], stroke: r.outcome === 'open' ? '#1b1b1b' : 'none',
                  'stroke-dasharray': '3 2', class: 'run', 'data-outcome': r.outcome, tabindex: '0', role: 'img' }, g);
                const text = inert(t.jobs[r.lane]) + ' — ' + r.outcome + '\nstart ' + (r.start === null ? '(before the log)' : time(r.start)) + '\nend ' + (r.end === null ? '(still open)' : time(r.end)) +
                  '\nduration ' + duration(r.dur) + (r.error !== null ? '\nerror ' + inert(r.error) : '') + '\nprocess ' + r.epoch + (r.overlapping ? '\noverlapped another run' : '') + (r.stall ? '\ndetected as stalled' : '');
                titled(rect, text);
                rect.setAttribute('aria-label', inert(text.replace(/\n/g, '; ')));
                if (PATTERNS[r.outcome]) svg('rect', { x: x0, y: yy, width: x1 - x0, height: hh, fill: 'url(#' + PATTERNS[r.outcome] + ')', 'pointer-events': 'none' }, g);
                if (r.stall && r.start !== null) {
                  const sx = x(r.start + t.stall_threshold_ns / 1000);
                  if (sx >= LABEL_W && sx <= LABEL_W + W) titled(svg('path', { d: 'M' + (sx - 5) + ' ' + (yy - 3) + 'h10l-5 7z', fill: '#1b1b1b', class: 'stall' }, g), 'stall threshold crossed at ' + time(r.start + t.stall_threshold_ns / 1000) + ' (the run was detected as stalled)');
                }
                drawnRuns++;
              }
            }
            // Circuit breakers.
            for (const b of t.breakers) {
              label('breaker ' + b.service, y + 12);
              for (const iv of b.intervals) {
                const end = iv[2] === null ? t.to_us : iv[2];
                if (end < v0 || iv[1] > v1) continue;
                const x0 = clampX(iv[1]), x1 = Math.max(clampX(end), x0 + 1), state = iv[0];
                const colour = state === 'open' ? COLOURS.unhealthy : COLOURS[state] || COLOURS.unknown;
                const r = svg('rect', { x: x0, y: y + 2, width: x1 - x0, height: 14, fill: colour, class: 'breaker', 'data-state': state }, g);
                titled(r, inert(b.service) + ' ' + inert(state) + '\nfrom ' + time(iv[1]) + '\nto ' + (iv[2] === null ? 'the evaluation instant' : time(iv[2])));
                const p = state === 'open' ? 'p-cross' : PATTERNS[state];
                if (p) svg('rect', { x: x0, y: y + 2, width: x1 - x0, height: 14, fill: 'url(#' + p + ')', 'pointer-events': 'none' }, g);
                segLabel(x0, x1, y + 13, state, state === 'half-open');
              }
              y += 20;
            }
            // Restarts across every lane, named in a row of their own.
            if (t.restarts.length) { label('restarts (' + t.restarts.length + ')', y + 12); y += 18; }
            let lastRestartLabel = -Infinity;
            for (const rs of t.restarts) {
              if (rs[0] < v0 || rs[0] > v1) continue;
              const xx = x(rs[0]);
              const line = svg('line', { x1: xx, x2: xx, y1: gridTop, y2: y, stroke: '#1b1b1b', 'stroke-width': 1.5, 'stroke-dasharray': '5 3', class: 'restart' }, g);
              titled(line, 'restart: process ' + rs[1] + ' begins at ' + time(rs[0]) + '\n' + inert(rs[2]));
              const hit = svg('rect', { x: xx - 4, y: gridTop, width: 8, height: y - gridTop, fill: 'transparent' }, g);
              titled(hit, 'restart: process ' + rs[1] + ' begins at ' + time(rs[0]) + '\n' + inert(rs[2]));
              // Named where there is room; the line and its tooltip are always there.
              if (xx - lastRestartLabel < 80) continue;
              lastRestartLabel = xx;
              const mark = svg('text', { x: xx + 3, y: y - 5, class: 'restart-label' }, g);
              mark.textContent = '↻ process ' + rs[1];
            }
            // The evaluation instant.
            if (t.to_us >= v0 && t.to_us <= v1) {
              const xx = x(t.to_us);
              titled(svg('line', { x1: xx, x2: xx, y1: axisY, y2: y, stroke: '#0072B2', 'stroke-width': 1 }, g), 'evaluation instant ' + time(t.to_us));
            }
            timeline.setAttribute('width', LABEL_W + W + 10);
            timeline.setAttribute('height', y + 6);
            timeline.setAttribute('aria-label', 'timeline of ' + inert(t.name) + ': ' + plural(t.run_count, 'run') + ', verdict ' + inst.verdict);
            viewText.textContent = time(v0) + ' – ' + time(v1) + ' (' + duration(span * 1000) + ')';
            body.dataset.runsDrawn = String(drawnRuns);
            body.dataset.binsDrawn = String(drawnBins);
            drawViewTables(t, L, runsInView, individual);
          }

          // ---- tables ----
          function table(caption, headers, rows, numeric) {
            const tb = el('table');
            tb.appendChild(el('caption', {}, caption));
            tb.appendChild(el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))));
            const b = el('tbody');
            for (const row of rows) b.appendChild(el('tr', {}, ...row.map((v, i) => el('td', { class: (numeric || []).includes(i) ? 'num' : WRAPPED.has(headers[i]) ? 'wrap' : '' }, v === null || v === undefined ? '-' : String(v)))));
            tb.appendChild(b);
            return tb;
          }
          const WRAPPED = new Set(['error', 'last error', 'metadata', 'causes', 'first cause', 'started by', 'ended by', 'logged', 'replay', 'note', 'reason', 'message', 'detail', 'by operation', 'by error type', 'file', 'notes']);
          function flat(v) { return v === null || v === undefined ? '-' : typeof v === 'object' ? Object.entries(v).map(([k, x]) => k + '=' + flat(x)).join(' ') : String(v); }

          const viewTables = el('section', { id: 'in-view' });
          const instanceTables = el('section', { id: 'instance' });
          tables.append(viewTables, instanceTables);

          function drawViewTables(t, L, runsInView, individual) {
            viewTables.replaceChildren();
            viewTables.appendChild(el('h2', {}, 'In view'));
            const counts = t.jobs.map(() => OUTCOMES.map(() => 0));
            let binned = false;
            if (t.runs_complete) for (const r of runsInView) counts[r.lane][OUTCOMES.indexOf(r.outcome)]++;
            else if (t.bins) {
              binned = true;
              for (const c of t.bins.cells) { const at = t.bins.origin_us + (c[1] + 0.5) * t.bins.width_us; if (at >= view[0] && at <= view[1]) for (let i = 0; i < OUTCOMES.length; i++) counts[c[0]][i] += c[2 + i]; }
            }
            viewTables.appendChild(table('runs by job and outcome in view' + (binned ? ' (counted at replay in buckets of ' + duration(t.bins.width_us * 1000) + ')' : ''),
              ['job', ...OUTCOMES, 'total'], t.jobs.map((j, i) => [j, ...counts[i], counts[i].reduce((a, b) => a + b, 0)]), OUTCOMES.map((_, i) => i + 1).concat([OUTCOMES.length + 1])));
            const LIMIT = 300;
            const listed = runsInView.slice(0, LIMIT);
            const note = t.runs_complete ? 'every run' : 'the runs that did not succeed (the first and latest ' + t.runs.length + '; ' + t.runs_not_listed + ' other runs are only counted)';
            viewTables.appendChild(el('h3', {}, 'Runs in view'));
            viewTables.appendChild(table('showing ' + listed.length + ' of ' + runsInView.length + ' listed runs in view; the report lists ' + note + ' of ' + t.run_count,
              ['job', 'start', 'end', 'duration', 'outcome', 'error', 'process', 'notes'],
              listed.map((r) => [t.jobs[r.lane], r.start === null ? '(before the log)' : time(r.start), r.end === null ? '(open)' : time(r.end), duration(r.dur), r.outcome, r.error, r.epoch,
                [r.overlapping ? 'overlapping' : '', r.stall ? 'stall detected' : ''].filter(Boolean).join(', ')]), [6]));
            const hist = t.history.filter((h) => h[1] >= view[0] && h[0] <= view[1]);
            viewTables.appendChild(el('h3', {}, 'Verdict history in view'));
            viewTables.appendChild(table('showing ' + Math.min(LIMIT, hist.length) + ' of ' + hist.length + ' intervals in view (' + t.history_count + ' records in all' + (t.history.length < t.history_count ? ', neighbours merged into ' + t.history.length : '') + ')',
              ['from', 'to', 'duration', 'verdict', 'causes', 'records'], hist.slice(0, LIMIT).map((h) => [time(h[0]), time(h[1]), duration((h[1] - h[0]) * 1000), h[2], h[3] || '-', h[4]]), [5]));
          }

          function drawInstanceTables() {
            const inst = REPORT.instances[current], t = DATA.timelines[current];
            instanceTables.replaceChildren();
            instanceTables.appendChild(el('h2', {}, 'Instance ', inst.name));
            const s = inst.summary;
            instanceTables.appendChild(el('div', { class: 'facts' },
              el('span', {}, 'verdict ', el('span', { class: 'badge ' + inst.verdict }, inst.verdict), ' ', String(inst.http_status === null ? 'no answer' : 'HTTP ' + inst.http_status)),
              el('span', {}, 'shape ', el('b', {}, inst.shape)), el('span', {}, 'evaluated at ', el('b', {}, inst.evaluated_at)),
              el('span', {}, 'jobs ', el('b', {}, s.total_jobs + ' total, ' + s.healthy_jobs + ' healthy, ' + s.unhealthy_jobs + ' unhealthy, ' + s.stalled_jobs + ' stalled, ' + s.running_jobs + ' running')),
              el('span', {}, el('b', {}, plural(inst.restart_count, 'restart')))));
            instanceTables.appendChild(el('h3', {}, 'Jobs (the endpoint’s answer)'));
            instanceTables.appendChild(table('GET /api/v1/health/jobs at ' + inst.evaluated_at, ['job', 'status', 'critical', 'last run', 'last duration', 'successes', 'failures', 'consecutive', 'average', 'last error', 'metadata'],
              Object.entries(inst.jobs).map(([name, j]) => [name, j.status, j.critical ? 'yes' : 'no', j.last_run_time, duration(j.last_duration_ns), j.success_count, j.failure_count, j.consecutive_failures, duration(j.average_execution_ns), j.last_error, flat(j.metadata)]), [5, 6, 7]));
            instanceTables.appendChild(el('h3', {}, 'Lifetime totals (across restarts)'));
            instanceTables.appendChild(table('what the log tells beyond the endpoint', ['job', 'runs', 'successes', 'failures', 'timeouts', 'panics', 'stalls', 'processes', 'first seen', 'last seen', 'last success'],
              Object.entries(inst.lifetime).map(([name, l]) => [name, l.runs, l.successes, l.failures, l.timeouts, l.panics, l.stalls, l.processes_seen, l.first_seen, l.last_seen, l.last_success]), [1, 2, 3, 4, 5, 6, 7]));
            const h = inst.history;
            instanceTables.appendChild(el('h3', {}, 'Incidents'));
            instanceTables.appendChild(el('p', { class: 'note' }, plural(h.incident_count, 'incident') + (h.incident_count ? ', longest ' + duration(h.longest_incident_ns) + ', mean ' + duration(h.mean_incident_ns) : '') +
              (h.availability === null ? '' : '; healthy ' + (h.availability * 100).toFixed(1) + '% of ' + duration(h.span_ns)) + (h.incidents_not_listed ? '; ' + h.incidents_not_listed + ' between the first and latest listed are only counted' : '')));
            instanceTables.appendChild(table('non-healthy stretches of the verdict', ['start', 'end', 'duration', 'worst', 'first cause', 'error', 'started by', 'ended by'],
              h.incidents.map((i) => [i.start, i.ongoing ? '(ongoing)' : i.end, duration(i.duration_ns), i.worst_verdict, i.first_cause ? i.first_cause.job + ' ' + i.first_cause.status : '-', i.first_cause ? i.first_cause.error : null, flat(i.started_by), flat(i.ended_by)])));
            const c = inst.cross_check;
            instanceTables.appendChild(el('h3', {}, 'Logged health checks'));
            instanceTables.appendChild(el('p', { class: 'note' }, c.checked + ' checked, ' + c.agreed + ' agree with replay, ' + c.disagreed + ' disagree' + (t.checks.stride > 1 ? '; the timeline shows every ' + t.checks.stride + 'th check' : '')));
            if (c.disagreements.length) instanceTables.appendChild(table('the first disagreements', ['time', 'location', 'logged', 'replay'], c.disagreements.map((d) => [d.time, d.location, flat(d.logged), flat(d.replay)])));
            const breakers = Object.entries(inst.circuit_breakers);
            if (breakers.length) {
              instanceTables.appendChild(el('h3', {}, 'Circuit breakers'));
              instanceTables.appendChild(table('external dependencies', ['service', 'state', 'since', 'changes', 'trips', 'time open', 'failed calls', 'by operation', 'by error type'],
                breakers.map(([name, b]) => [name, b.state, b.state_since, b.changes, b.trips, duration(b.time_open_ns), b.failures, flat(b.failures_by_operation), flat(b.failures_by_error_type)]), [3, 4, 6]));
              instanceTables.appendChild(table('breaker state intervals (first and latest)', ['service', 'state', 'from', 'to'],
                breakers.flatMap(([name, b]) => b.intervals.map((iv) => [name, iv.state, iv.from, iv.to === null ? '(current)' : iv.to]))));
            }
            if (inst.restarts.length) {
              instanceTables.appendChild(el('h3', {}, 'Restarts'));
              instanceTables.appendChild(table('process boundaries', ['time', 'process', 'reason', 'location'], inst.restarts.map((r) => [r.time, r.epoch, r.reason, r.location]), [1]));
            }
            if (inst.notes.length) {
              instanceTables.appendChild(el('h3', {}, 'Notes'));
              instanceTables.appendChild(table('what the log contradicts or leaves open', ['location', 'note'], inst.notes.map((n) => [n.location, n.text])));
            }
            const input = inst.input;
            instanceTables.appendChild(el('h3', {}, 'Input and diagnostics'));
            instanceTables.appendChild(table('files read for this instance', ['file', 'format', 'shape', 'bytes', 'lines', 'events', 'first time', 'last time', 'error'],
              (input.files || []).map((f) => [f.name, f.format, f.shape, f.bytes, f.lines, f.events, f.first_time, f.last_time, f.error]), [3, 4, 5]));
            instanceTables.appendChild(el('p', { class: 'note' }, input.diagnostics + ' diagnostics' + (Object.keys(input.diagnostics_by_reason || {}).length ? ': ' + flat(input.diagnostics_by_reason) : '') +
              '; ' + input.foreign_lines + ' foreign lines, ' + input.overlong_lines + ' overlong'));
            if ((input.diagnostic_samples || []).length) instanceTables.appendChild(table('diagnostic samples', ['location', 'reason', 'message', 'detail'], input.diagnostic_samples.map((d) => [d.location, d.reason, d.message, d.detail])));
          }

          // ---- interaction ----
          function reset() { view = layout(DATA.timelines[current]).full.slice(); }
          let pending = false;
          function redraw() { if (pending) return; pending = true; requestAnimationFrame(() => { pending = false; draw(); }); }
          function zoom(factor, atUs) {
            const full = layout(DATA.timelines[current]).full, fullSpan = full[1] - full[0];
            const at = atUs === undefined ? (view[0] + view[1]) / 2 : atUs;
            const span = Math.min(Math.max((view[1] - view[0]) * factor, 1000), fullSpan * 4);
            const share = (at - view[0]) / (view[1] - view[0]);
            view = [at - share * span, at - share * span + span];
            redraw();
          }
          function pan(share) { const d = (view[1] - view[0]) * share; view = [view[0] + d, view[1] + d]; redraw(); }
          buttons.in.addEventListener('click', () => zoom(0.5));
          buttons.out.addEventListener('click', () => zoom(2));
          buttons.left.addEventListener('click', () => pan(-0.25));
          buttons.right.addEventListener('click', () => pan(0.25));
          buttons.reset.addEventListener('click', () => { reset(); redraw(); });
          const usAt = (clientX) => { const box = timeline.getBoundingClientRect(); return view[0] + (clientX - box.left - LABEL_W) / plotWidth() * (view[1] - view[0]); };
          timeline.addEventListener('wheel', (e) => { e.preventDefault(); zoom(Math.exp(Math.max(-3, Math.min(3, e.deltaY * 0.002))), usAt(e.clientX)); }, { passive: false });
          let drag = null;
          timeline.addEventListener('pointerdown', (e) => { drag = { x: e.clientX, view: view.slice() }; timeline.classList.add('dragging'); timeline.setPointerCapture(e.pointerId); });
          timeline.addEventListener('pointermove', (e) => {
            if (drag) { const d = (e.clientX - drag.x) / plotWidth() * (drag.view[1] - drag.view[0]); view = [drag.view[0] - d, drag.view[1] - d]; redraw(); return; }
            showTip(e.target, e.clientX, e.clientY);
          });
          const endDrag = () => { drag = null; timeline.classList.remove('dragging'); };
          timeline.addEventListener('pointerup', endDrag);
          timeline.addEventListener('pointercancel', endDrag);
          timeline.addEventListener('pointerleave', () => { tip.style.display = 'none'; });
          timeline.addEventListener('focusin', (e) => { const b = e.target.getBoundingClientRect ? e.target.getBoundingClientRect() : null; if (b) showTip(e.target, b.left + b.width / 2, b.bottom); });
          timeline.addEventListener('focusout', () => { tip.style.display = 'none'; });
          timeline.addEventListener('keydown', (e) => {
            const keys = { '+': () => zoom(0.5), '=': () => zoom(0.5), '-': () => zoom(2), '_': () => zoom(2), ArrowLeft: () => pan(-0.25), ArrowRight: () => pan(0.25), '0': () => { reset(); redraw(); } };
            if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
          });
          function showTip(target, cx, cy) {
            const text = target && target._tip;
            if (!text) { tip.style.display = 'none'; return; }
            tip.textContent = text;
            tip.style.display = 'block';
            const w = tip.offsetWidth, h = tip.offsetHeight;
            tip.style.left = Math.max(4, Math.min(window.innerWidth - w - 4, cx + 12)) + 'px';
            tip.style.top = (cy + 14 + h > window.innerHeight ? Math.max(4, cy - h - 10) : cy + 14) + 'px';
          }
          if (select) select.addEventListener('change', () => { current = Number(select.value) || 0; reset(); drawInstanceTables(); draw(); });
          window.addEventListener('resize', redraw);

          reset();
          drawInstanceTables();
          draw();
          body.dataset.rendered = 'ok';
          // Milliseconds from navigation to the first drawing, for the size and speed measurements.
          body.dataset.renderMs = String(Math.round(performance.now()));
        })();
        """#
}
