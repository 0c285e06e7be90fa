#!/usr/bin/env bash
# Benchmarks/shapes.sh: what unwrapping costs. Wraps the benchmark corpus in every container log
# shape (Benchmarks/wrap_shapes.py) and times jobscan on each against the plain corpus; then deals
# the corpus into four CRI pods and compares reading them together (one run, one world each, in
# parallel) with their summed CPU time over the cores and with reading them one after another.
#
#   Benchmarks/shapes.sh [--size 200M] [--seed 42] [--runs 3] [--jobscan PATH] [--workdir DIR] [--out FILE]
#
# Targets (issue 9): kubectl and CRI at most 1.3x plain, Docker, journald and logcli at most 2.5x;
# four pods together at most 1.15x (summed CPU / cores) and less wall time than one after another.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
SIZE=200M; SEED=42; RUNS=3; JOBSCAN=""; WORKDIR="${TMPDIR:-/tmp}/jobscan-shapes"; OUT="$HERE/SHAPES.md"
while [ $# -gt 0 ]; do
    case "$1" in
        --size) SIZE=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --jobscan) JOBSCAN=$2; shift 2 ;;
        --workdir) WORKDIR=$2; shift 2 ;;
        --out) OUT=$2; shift 2 ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "shapes.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
if [ -z "$JOBSCAN" ]; then
    JOBSCAN="$REPO/.build/release/jobscan"
    [ -x "$JOBSCAN" ] || (cd "$REPO" && swift build -c release >&2)
fi
command -v hyperfine >/dev/null || { echo "shapes.sh: hyperfine is missing (Debian package hyperfine)" >&2; exit 2; }
mkdir -p "$WORKDIR"
CORPUS="$WORKDIR/corpus.log"
if [ ! -f "$WORKDIR/.done-$SIZE-$SEED" ]; then
    rm -rf "$WORKDIR"/*
    python3 "$HERE/generate_corpus.py" --size "$SIZE" --seed "$SEED" --out "$CORPUS" --quiet
    python3 "$HERE/wrap_shapes.py" "$CORPUS" "$WORKDIR" --pods 4
    touch "$WORKDIR/.done-$SIZE-$SEED"
fi
J="$JOBSCAN --format json --exit-zero"
hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$WORKDIR/shapes.json" \
    -n plain "$J $CORPUS" -n kubectl "$J $WORKDIR/kubectl.log" -n cri "$J $WORKDIR/cri/0.log" \
    -n docker "$J $WORKDIR/docker.log" -n journald "$J $WORKDIR/journald.json" -n logcli "$J $WORKDIR/logcli.jsonl" >&2
PODS=$(ls "$WORKDIR"/pods/*/app/0.log)
SEQ=""
for p in $PODS; do SEQ="$SEQ$J $p >/dev/null; "; done
hyperfine --style basic --warmup 1 --runs "$RUNS" --export-json "$WORKDIR/pods.json" \
    -n together "$J $WORKDIR/pods" -n "one after another" "$SEQ" >&2
# CPU time (user + sys) of each pod alone, from GNU time.
CPU=0
for p in $PODS; do
    c=$(/usr/bin/time -f '%U %S' $J "$p" 2>&1 >/dev/null | tail -1 | awk '{print $1 + $2}')
    CPU=$(python3 -c "print($CPU + $c)")
done
TOGETHER_CPU=$(/usr/bin/time -f '%U %S' $J "$WORKDIR/pods" 2>&1 >/dev/null | tail -1 | awk '{print $1 + $2}')
RSS=$(for f in "$CORPUS" "$WORKDIR/docker.log" "$WORKDIR/logcli.jsonl"; do /usr/bin/time -f '%M' $J "$f" 2>&1 >/dev/null | tail -1; done | tr '\n' ' ')
python3 - "$WORKDIR" "$OUT" "$CPU" "$TOGETHER_CPU" "$(nproc)" "$SIZE" "$RSS" <<'PY'
import json, sys
work, out, cpu, tcpu, cores, size, rss = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), sys.argv[6], sys.argv[7].split()
shapes = {r["command"]: r for r in json.load(open(work + "/shapes.json"))["results"]}
pods = {r["command"]: r for r in json.load(open(work + "/pods.json"))["results"]}
plain = shapes["plain"]["median"]
limits = {"kubectl": 1.3, "cri": 1.3, "docker": 2.5, "journald": 2.5, "logcli": 2.5}
lines = ["# Unwrapping container log shapes", "",
         "`Benchmarks/shapes.sh --size %s` (corpus of `generate_corpus.py`, wrapped by `wrap_shapes.py`), %d cores." % (size, cores), "",
         "Ratios are of median wall times (hyperfine; the machine's other load moves single runs by ±20%).", "",
         "| input | median wall (s) | mean ± σ (s) | × plain | target | met |", "| --- | --- | --- | --- | --- | --- |"]
for name in ["plain", "kubectl", "cri", "docker", "journald", "logcli"]:
    r = shapes[name]
    ratio = r["median"] / plain
    t = limits.get(name)
    lines.append("| %s | %.3f | %.3f ± %.3f | %.2f | %s | %s |" % (name, r["median"], r["mean"], r["stddev"], ratio, "≤ %.1f" % t if t else "", ("yes" if ratio <= t else "**no**") if t else ""))
tw, sw = pods["together"]["median"], pods["one after another"]["median"]
bound = cpu / cores * 1.15
lines += ["", "Four CRI pods (the corpus dealt into four files):", "",
          "| measure | seconds |", "| --- | --- |",
          "| together, median wall | %.3f |" % tw, "| one after another, median wall | %.3f |" % sw,
          "| each alone, summed CPU (user+sys) | %.3f |" % cpu, "| together, CPU | %.3f |" % tcpu,
          "| target: summed CPU / cores × 1.15 | %.3f |" % bound, "",
          "Together within the target: %s; faster than one after another: %s." % ("yes" if tw <= bound else "**no**", "yes" if tw < sw else "**no**"),
          "", "Peak RSS (KiB): plain %s, docker %s, logcli %s (a newest-first export on disk is read last line first; piped or gzipped ones are held)." % tuple(rss)]
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
