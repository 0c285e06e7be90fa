#!/usr/bin/env python3
"""Writes Benchmarks/RESULTS.md from what Benchmarks/run.sh measured (python3 standard library only).

Reads WORKDIR/manifest.tsv (name, input, allowed exit codes, status, exit code, command),
WORKDIR/hf-NAME.json (hyperfine), WORKDIR/time-NAME.txt (/usr/bin/time -v), WORKDIR/stdout-NAME.txt
and CORPUS.counts.json. Prints the target table. Exit status: 0, 10 when a baseline printed a count
that differs from the generator's, 11 when a target is missed (run.sh decides what that means).
"""

import argparse
import datetime
import json
import os
import platform
import re
import subprocess
import sys

MIB = 1024 * 1024
TARGETS = {"jq_ratio": 30.0, "grep_share": 0.5, "gz_vs_zcat": 1.1, "gz_vs_igzip": 1.3, "rss_mib": 32.0, "rss_growth": 0.10}


def read(path, default=""):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return default


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=10).stdout.strip()
    except Exception:
        return ""


def first_line(text):
    return text.splitlines()[0].strip() if text.strip() else ""


def machine():
    cpuinfo = read("/proc/cpuinfo")
    m = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    cpu = m.group(1).strip() if m else platform.processor() or "unknown"
    mem = re.search(r"^MemTotal:\s*(\d+) kB", read("/proc/meminfo"), re.M)
    osr = re.search(r'^PRETTY_NAME="?([^"\n]+)', read("/etc/os-release"), re.M)
    return {
        "cpu": cpu,
        "nproc": sh("nproc") or str(os.cpu_count()),
        "sockets_threads": sh("lscpu 2>/dev/null | grep -E '^(Thread|Core|Socket)' | tr -s ' ' | paste -sd ';'"),
        "mem": "%.1f GiB" % (int(mem.group(1)) / 1024 / 1024) if mem else "unknown",
        "os": osr.group(1) if osr else platform.system(),
        "kernel": platform.release(),
        "locale": "LANG=%s LC_ALL=%s" % (os.environ.get("LANG", ""), os.environ.get("LC_ALL", "")),
    }


def tool_versions():
    return {
        "hyperfine": first_line(sh("hyperfine --version")),
        "jq": first_line(sh("jq --version")),
        "grep": first_line(sh("grep --version")),
        "wc": first_line(sh("wc --version")),
        "gzip": first_line(sh("gzip --version")),
        "igzip": first_line(sh("igzip --version")),
        "python3": "python " + platform.python_version(),
    }


def time_v(path):
    text = read(path)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text)
    return {"rss_kb": int(rss.group(1)) if rss else None, "wall": wall.group(1) if wall else None}


def hf(path):
    try:
        with open(path) as f:
            r = json.load(f)["results"][0]
        return r
    except (OSError, ValueError, KeyError, IndexError):
        return None


def fmt_s(x):
    return "%.3f" % x if x < 100 else "%.1f" % x


def prom_runs(text):
    """Sum of *background_job_runs_total{job_name=..,status=..} by (job, status)."""
    out = {}
    for line in text.splitlines():
        m = re.match(r"^([A-Za-z_:][\w:]*)\{([^}]*)\}\s+(\S+)", line)
        if not m or not m.group(1).endswith("background_job_runs_total"):
            continue
        labels = dict(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', m.group(2)))
        if "job_name" not in labels or "status" not in labels:
            continue
        key = (labels["job_name"], labels["status"])
        try:
            out[key] = out.get(key, 0) + float(m.group(3))
        except ValueError:
            pass
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--plain", required=True)
    ap.add_argument("--size", required=True)
    ap.add_argument("--seed", required=True)
    ap.add_argument("--runs", required=True)
    ap.add_argument("--jq-runs", required=True)
    ap.add_argument("--warmup", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--profile", required=True)
    ap.add_argument("--jobscan", default="")
    ap.add_argument("--jobscan-note", default="")
    ap.add_argument("--big", default="")
    a = ap.parse_args()

    wd = a.workdir
    with open(a.plain + ".counts.json") as f:
        counts = json.load(f)
    plain_bytes = os.path.getsize(a.plain)
    gz_bytes = os.path.getsize(a.plain + ".gz")
    genlog = read(a.plain + ".genlog").strip()

    cmds = {}
    order = []
    for line in read(os.path.join(wd, "manifest.tsv")).splitlines():
        name, inp, allowed, status, rc, cmd = line.split("\t", 5)
        cmds[name] = {"input": inp, "allowed": allowed, "status": status, "rc": rc, "cmd": cmd,
                      "hf": hf(os.path.join(wd, "hf-%s.json" % name)) if status == "ok" else None,
                      "time": time_v(os.path.join(wd, "time-%s.txt" % name))}
        order.append(name)

    def mean(name):
        c = cmds.get(name)
        return c["hf"]["mean"] if c and c["hf"] else None

    def rss_mib(name):
        c = cmds.get(name)
        return c["time"]["rss_kb"] / 1024 if c and c["status"] == "ok" and c["time"]["rss_kb"] else None

    # ---- output checks -------------------------------------------------------------------
    checks = []
    bad_baseline = False

    def check(label, ok, detail, baseline=True):
        nonlocal bad_baseline
        checks.append(("OK" if ok else ("MISMATCH" if baseline else "DIFFERS"), label, detail))
        if baseline and not ok:
            bad_baseline = True

    if cmds.get("wc", {}).get("status") == "ok":
        got = read(os.path.join(wd, "stdout-wc.txt")).split()
        n = int(got[0]) if got else -1
        check("`wc -l`", n == counts["lines"], "%d lines; generator wrote %d" % (n, counts["lines"]))
    if cmds.get("grep", {}).get("status") == "ok":
        got = read(os.path.join(wd, "stdout-grep.txt")).strip()
        n = int(got) if got.isdigit() else -1
        check("`grep -c '\"msg\":\"Job '`", n == counts["job_event_lines"],
              "%d lines; generator wrote %d job events" % (n, counts["job_event_lines"]))
    expected = {j: {"success": v["success"], "failure": v["failure"]} for j, v in counts["jobs"].items()}
    if cmds.get("jq", {}).get("status") == "ok":
        try:
            got = json.loads(read(os.path.join(wd, "stdout-jq.txt")) or "null") or {}
        except ValueError:
            got = {}
        got = {j: {"success": v.get("success", 0), "failure": v.get("failure", 0)} for j, v in got.items()}
        check("jq per-job success/failure", got == expected,
              "; ".join("%s %d/%d" % (j, v["success"], v["failure"]) for j, v in sorted(got.items())))
    for name in ("jobscan", "jobscan-gz"):
        c = cmds.get(name)
        if not c or c["status"] != "ok":
            continue
        prom_path = os.path.join(wd, name + ".prom")
        if not os.path.exists(prom_path):
            check("%s textfile" % name, False, "%s was not written" % prom_path, baseline=False)
            continue
        runs = prom_runs(read(prom_path))
        if not runs:
            check("%s textfile" % name, False, "no `*background_job_runs_total{job_name,status}` samples found",
                  baseline=False)
            continue
        diffs = []
        for j, v in sorted(expected.items()):
            for status, key in (("success", "success"), ("error", "failure")):
                got = runs.get((j, status), 0)
                if got != v[key]:
                    diffs.append("%s{%s} %g vs %d" % (j, status, got, v[key]))
        check("%s textfile `background_job_runs_total` vs lifetime counts" % name, not diffs,
              "all %d jobs match" % len(expected) if not diffs else "; ".join(diffs[:6])
              + (" (a per-process counter differs after a restart)" if counts.get("restarts_in_file") else ""),
              baseline=False)
        verdict = {"0": "healthy", "1": "degraded", "2": "unhealthy"}.get(c["rc"], "?")
        checks.append(("INFO", "%s exit status" % name, "%s (%s)" % (c["rc"], verdict)))

    # ---- targets ---------------------------------------------------------------------------
    targets = []
    missed = False

    def target(label, value, shown, required, ok):
        nonlocal missed
        if value is None:
            targets.append((label, "not measured", required, "n/a"))
            return
        targets.append((label, shown, required, "PASS" if ok else "FAIL"))
        if not ok:
            missed = True

    js, jgz, jq, grep, zcat = mean("jobscan"), mean("jobscan-gz"), mean("jq"), mean("grep"), mean("zcat")
    igzip = mean("igzip")
    r = jq / js if js and jq else None
    target("jobscan throughput / jq throughput (plain)", r, "%.1f\u00d7" % r if r else "", "\u2265 30\u00d7",
           r is not None and r >= TARGETS["jq_ratio"])
    r = grep / js if js and grep else None
    target("jobscan throughput / `grep -c` throughput (plain)", r, "%.0f%%" % (100 * r) if r else "",
           "\u2265 50%", r is not None and r >= TARGETS["grep_share"])
    r = jgz / zcat if jgz and zcat else None
    target("jobscan wall / `zcat` wall (gzip)", r, "%.2f\u00d7" % r if r else "", "\u2264 1.10\u00d7",
           r is not None and r <= TARGETS["gz_vs_zcat"])
    r = jgz / igzip if jgz and igzip else None
    target("jobscan wall / `igzip -dc` wall (gzip)", r, "%.2f\u00d7" % r if r else "", "\u2264 1.30\u00d7",
           r is not None and r <= TARGETS["gz_vs_igzip"])
    rss = [x for x in (rss_mib("jobscan"), rss_mib("jobscan-gz")) if x is not None]
    rmax = max(rss) if rss else None
    target("jobscan peak RSS on the %s corpus (max of plain, gzip)" % a.size, rmax,
           "%.1f MiB" % rmax if rmax else "", "\u2264 32 MiB", rmax is not None and rmax <= TARGETS["rss_mib"])
    big = [x for x in (rss_mib("jobscan-4g"), rss_mib("jobscan-gz-4g")) if x is not None]
    if a.big and big and rss:
        growth = max(b / s - 1 for b, s in zip((rss_mib("jobscan-4g"), rss_mib("jobscan-gz-4g")),
                                                  (rss_mib("jobscan"), rss_mib("jobscan-gz"))) if b and s)
        target("jobscan peak RSS on 4G vs %s (worse of plain, gzip)" % a.size, growth,
               "%+.1f%% (%.1f MiB)" % (100 * growth, max(big)), "\u2264 +10%", growth <= TARGETS["rss_growth"])
    else:
        targets.append(("jobscan peak RSS on 4G vs %s" % a.size, "not measured (run.sh --rss-4g)", "\u2264 +10%", "n/a"))

    # ---- Markdown ----------------------------------------------------------------------------
    mach = machine()
    tools = tool_versions()
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    commit = sh("git -C %s rev-parse --short HEAD 2>/dev/null" % json.dumps(a.repo)) or "none"
    dirty = sh("git -C %s status --porcelain 2>/dev/null | head -1" % json.dumps(a.repo))
    jver = ""
    if a.jobscan:
        try:
            p = subprocess.run([a.jobscan, "--version"], capture_output=True, text=True, timeout=10)
            jver = first_line(p.stdout) if p.returncode == 0 else ""
        except Exception:
            jver = ""
    small = plain_bytes < 1024 ** 3
    L = []
    w = L.append
    w("# jobscan benchmark results")
    w("")
    w("Written by `Benchmarks/run.sh --size %s --seed %s --runs %s%s` on %s. Everything below the "
      "Profile heading, if present, comes from `Benchmarks/PROFILE.md`." % (
          a.size, a.seed, a.runs, "" if a.jq_runs == a.runs else " --jq-runs %s" % a.jq_runs, now))
    w("")
    if small:
        w("> The corpus is %.1f MiB. The targets are defined on 1 GiB: at this size the ratios below only show "
          "that the benchmark runs." % (plain_bytes / MIB))
        w("")
    w("## Machine")
    w("")
    w("| | |")
    w("| --- | --- |")
    w("| CPU | %s |" % mach["cpu"])
    w("| cores (`nproc`) | %s%s |" % (mach["nproc"], " (%s)" % mach["sockets_threads"] if mach["sockets_threads"] else ""))
    w("| memory | %s |" % mach["mem"])
    w("| OS, kernel | %s, Linux %s |" % (mach["os"], mach["kernel"]))
    w("| locale | `%s` |" % mach["locale"])
    w("| tools | %s |" % ", ".join(v for v in tools.values() if v))
    w("| jobscan | %s |" % ("`%s`%s" % (a.jobscan, ", `%s`" % jver if jver else "") if a.jobscan else a.jobscan_note))
    w("| repository | commit %s%s |" % (commit, " with uncommitted changes" if dirty else ""))
    w("")
    w("## Corpus")
    w("")
    share = counts["job_event_lines"] / max(counts["lines"], 1)
    w("- Plain zap JSON: %d bytes (%.1f MiB), %d lines, of which %d job events (%.2f%%), %d process restart(s), "
      "seed %s. gzip copy (`gzip -6 -n`, one member): %d bytes (%.1f%% of the plain size)." % (
          plain_bytes, plain_bytes / MIB, counts["lines"], counts["job_event_lines"], 100 * share,
          counts.get("restarts_in_file", 0), a.seed, gz_bytes, 100.0 * gz_bytes / plain_bytes))
    w("- Per job, completions in the file (success/failure): " + ", ".join(
        "`%s` %d/%d" % (j, v["success"], v["failure"]) for j, v in counts["jobs"].items()) + ".")
    if genlog:
        w("- Generator: `%s`" % first_line(genlog).replace("`", "'"))
    if a.big and os.path.exists(a.big + ".counts.json"):
        with open(a.big + ".counts.json") as f:
            bc = json.load(f)
        w("- 4G corpus for the peak-RSS check (same seed; deleted after the run): %d bytes, %d lines, %d job events." % (
            bc["bytes"], bc["lines"], bc["job_event_lines"]))
    w("")
    w("## Timings")
    w("")
    w("hyperfine `-N --warmup %s --runs %s` (jq: `--runs %s`), one invocation per command; peak RSS from one "
      "`/usr/bin/time -v` run of each command before the timings. MB/s = 10^6 bytes per second of mean wall time: "
      "of the plain file for every command (for gzip inputs that is the uncompressed throughput), and also of the "
      ".gz file for gzip inputs." % (a.warmup, a.runs, a.jq_runs))
    w("")
    w("| command | input | mean \u00b1 \u03c3 (s) | min \u2026 max (s) | MB/s (plain bytes) | MB/s (gz bytes) | peak RSS (MiB) | exit |")
    w("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name in order:
        c = cmds[name]
        h = c["hf"]
        rs = rss_mib(name)
        rss_txt = "%.1f" % rs if rs is not None else "\u2013"
        if name.endswith("-4g"):
            w("| %s | %s (4G corpus) | \u2013 | \u2013 | \u2013 | \u2013 | %s | %s |" % (name, c["input"], rss_txt, c["rc"]))
            continue
        if c["status"] != "ok" or not h:
            w("| %s | %s | FAILED | | | | %s | %s |" % (name, c["input"], rss_txt, c["rc"]))
            continue
        mbps = plain_bytes / 1e6 / h["mean"]
        gzmb = "%.1f" % (gz_bytes / 1e6 / h["mean"]) if c["input"] == "gz" else "\u2013"
        codes = sorted(set(h.get("exit_codes") or [])) or [c["rc"]]
        w("| %s | %s | %s \u00b1 %s | %s \u2026 %s | %.1f | %s | %s | %s |" % (
            name, c["input"], fmt_s(h["mean"]), fmt_s(h["stddev"] or 0.0), fmt_s(h["min"]), fmt_s(h["max"]),
            mbps, gzmb, rss_txt, ",".join(str(x) for x in codes)))
    w("")
    if js or jgz:
        w("### jobscan relative to each baseline")
        w("")
        w("Speed ratio = baseline mean time / jobscan mean time (above 1: jobscan is faster).")
        w("")
        w("| jobscan run | baseline | baseline mean (s) | jobscan mean (s) | speed ratio |")
        w("| --- | --- | --- | --- | --- |")
        for jname, jm, bases in (("jobscan", js, ("wc", "grep", "jq", "zcat")), ("jobscan-gz", jgz, ("igzip", "zcat", "wc", "grep", "jq"))):
            if not jm:
                continue
            for b in bases:
                bm = mean(b)
                if bm:
                    w("| %s | %s | %s | %s | %.3f |" % (jname, b, fmt_s(bm), fmt_s(jm), bm / jm))
        w("")
    else:
        w("jobscan: %s." % (a.jobscan_note or "failed, no timings (see the exit status in the table)"))
        w("")
    w("## Targets")
    w("")
    w("| target | measured | required | result |")
    w("| --- | --- | --- | --- |")
    for t in targets:
        w("| %s | %s | %s | %s |" % t)
    w("")
    w("## Output checks")
    w("")
    w("Each command's output from the `/usr/bin/time -v` run, compared with the generator's `counts.json`.")
    w("")
    for status, label, detail in checks:
        w("- %s %s: %s" % (status, label, detail))
    w("")
    w("## Method")
    w("")
    w("- Warm page cache: nothing is dropped between runs. The corpus was written (or re-read) just before, the "
      "`/usr/bin/time -v` pass reads every input once, and hyperfine makes %s warmup run(s) per command; the "
      "machine has %s of memory for a %.1f MiB corpus." % (a.warmup, mach["mem"], plain_bytes / MIB))
    w("- hyperfine runs the commands without a shell (`-N`). Their output goes to a pipe that hyperfine drains "
      "(`--output=pipe`), except zcat's and igzip's, which go to /dev/null: GNU grep stops at the first match when its "
      "output is /dev/null. jobscan runs with `-i` because its exit status is the verdict (0 healthy, "
      "1 degraded, 2 unhealthy); any other status fails the benchmark.")
    w("- Commands, as run:")
    w("")
    w("```")
    for name in order:
        w("%-14s %s" % (name, cmds[name]["cmd"]))
    w("```")
    w("")
    profile = read(a.profile).strip()
    if profile:
        w("## Profile")
        w("")
        w(profile)
        w("")
    text = "\n".join(L)
    tmp = a.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, a.out)

    # ---- stdout summary --------------------------------------------------------------------
    print("\nTargets%s:" % (" (indicative only: corpus < 1 GiB)" if small else ""))
    for label, shown, required, result in targets:
        print("  %-4s  %-58s %s (required %s)" % (result, label, shown, required))
    for status, label, detail in checks:
        if status != "OK":
            print("  %s  %s: %s" % (status, label, detail))
    print("Report: %s" % a.out)
    if bad_baseline:
        return 10
    if missed:
        return 11
    return 0


if __name__ == "__main__":
    sys.exit(main())
