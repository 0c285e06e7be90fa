#!/usr/bin/env bash
# Benchmarks/shapes.sh: what unwrapping costs. Wraps the benchmark corpus in every container log
# shape (Benchmarks/wrap_shapes.py) and times jobscan on each against the plain corpus; then deals
# the corpus into four CRI pods and compares reading them together (one run, one world each, in
# parallel) with their summed CPU time over the cores and with reading them one after another.
# Commands run interleaved, once per round (Benchmarks/interleave.py), so the ratios are fair on a
# machine whose speed drifts.
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
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "shapes.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
if [ -z "$JOBSCAN" ]; then
    JOBSCAN="$REPO/.build/release/jobscan"
    [ -x "$JOBSCAN" ] || (cd "$REPO" && swift build -c release >&2)
fi
mkdir -p "$WORKDIR"
CORPUS="$WORKDIR/corpus.log"
if [ ! -f "$WORKDIR/.done-$SIZE-$SEED" ]; then
    rm -rf "$WORKDIR"/*
    python3 "$HERE/generate_corpus.py" --size "$SIZE" --seed "$SEED" --out "$CORPUS" --quiet
    python3 "$HERE/wrap_shapes.py" "$CORPUS" "$WORKDIR" --pods 4
    touch "$WORKDIR/.done-$SIZE-$SEED"
fi
J="$JOBSCAN --format json --exit-zero"
PODS=$(ls "$WORKDIR"/pods/*/app/0.log)
SEQ=""
ALONE=()
i=0
for p in $PODS; do SEQ="$SEQ$J $p >/dev/null; "; ALONE+=("pod$i=$J $p"); i=$((i + 1)); done
# Every command once per round, in turn: the machine's slow spells fall on all of them alike.
python3 "$HERE/interleave.py" --runs "$RUNS" --warmup 1 --out "$WORKDIR/shapes.json" \
    "plain=$J $CORPUS" "kubectl=$J $WORKDIR/kubectl.log" "cri=$J $WORKDIR/cri/0.log" \
    "docker=$J $WORKDIR/docker.log" "journald=$J $WORKDIR/journald.json" "logcli=$J $WORKDIR/logcli.jsonl" \
    "together=$J $WORKDIR/pods" "one after another=$SEQ" "${ALONE[@]}"
python3 - "$WORKDIR" "$OUT" "$(nproc)" "$SIZE" "$RUNS" <<'PY'
import json, sys
work, out, cores, size, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
r = json.load(open(work + "/shapes.json"))
plain = r["plain"]["median"]
limits = {"kubectl": 1.3, "cri": 1.3, "docker": 2.5, "journald": 2.5, "logcli": 2.5}
lines = ["# Unwrapping container log shapes", "",
         "`Benchmarks/shapes.sh --size %s --runs %d` (corpus of `generate_corpus.py`, wrapped by `wrap_shapes.py`), %d cores." % (size, runs, cores), "",
         "Every command runs once per round, in turn (`interleave.py`), so the machine's slow spells fall on",
         "all of them alike; ratios are of median wall times. CPU is user + sys of the process.", "",
         "| input | median wall (s) | mean ± σ (s) | median CPU (s) | × plain | target | met |", "| --- | --- | --- | --- | --- | --- | --- |"]
for name in ["plain", "kubectl", "cri", "docker", "journald", "logcli"]:
    x = r[name]
    ratio = x["median"] / plain
    t = limits.get(name)
    lines.append("| %s | %.3f | %.3f ± %.3f | %.3f | %.2f | %s | %s |" % (name, x["median"], x["mean"], x["stddev"], x["cpu_median"], ratio,
                 "≤ %.1f" % t if t else "", ("yes" if ratio <= t else "**no**") if t else ""))
pods = sorted(k for k in r if k.startswith("pod"))
cpu = sum(r[k]["cpu_median"] for k in pods)
tw, sw = r["together"]["median"], r["one after another"]["median"]
bound = cpu / cores * 1.15
lines += ["", "Four CRI pods (the corpus dealt into four files):", "",
          "| measure | seconds |", "| --- | --- |",
          "| together, median wall | %.3f |" % tw, "| one after another, median wall | %.3f |" % sw,
          "| each alone, summed median CPU | %.3f |" % cpu, "| together, median CPU | %.3f |" % r["together"]["cpu_median"],
          "| target: summed CPU / cores × 1.15 | %.3f |" % bound, "",
          "Together within the target: %s; faster than one after another: %s." % ("yes" if tw <= bound else "**no**", "yes" if tw < sw else "**no**"),
          "", "Peak RSS (KiB, largest of the runs): plain %d, docker %d, journald %d, logcli %d (a newest-first export on disk is read last line first; piped or gzipped ones are held)."
          % tuple(r[k]["rss_max_kib"] for k in ["plain", "docker", "journald", "logcli"])]
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
