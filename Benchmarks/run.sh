#!/usr/bin/env bash
# Benchmarks/run.sh: jobscan against wc -l, grep -c, zcat, igzip and jq on one generated corpus.
#
#   Benchmarks/run.sh [--size 1G] [--seed 42] [--runs 3] [--jobscan PATH] [--out Benchmarks/RESULTS.md]
#                     [--workdir DIR] [--rss-4g] [--skip-jobscan] [--strict] [--clean]
#
# Generates a zap JSON corpus and its gzip copy (Benchmarks/generate_corpus.py) in the work dir,
# runs every command once under /usr/bin/time -v (exit status, output check, peak RSS), then times
# them with hyperfine (--warmup, --runs), and writes the Markdown report (Benchmarks/report.py).
# Everything runs with a warm page cache. Exit status: 0 when every command ran correctly (a missed
# target does not count unless --strict), 1 when a command failed or printed a wrong count,
# 2 on a usage or setup error. See Benchmarks/README.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")

SIZE=1G
SEED=42
RUNS=3
WARMUP=1
JQ_RUNS=""
JOBSCAN=""
OUT="$HERE/RESULTS.md"
WORKDIR="${TMPDIR:-/tmp}/jobscan-bench"
RSS4G=0
SKIP_JOBSCAN=0
STRICT=0
CLEAN=0
NO_BUILD=0

usage() {
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
    cat <<'EOF'

Options:
  --size SIZE       corpus size, K/M/G suffix, 1024-based (default 1G)
  --seed N          generator seed (default 42)
  --runs N          hyperfine timed runs per command (default 3)
  --warmup N        hyperfine warmup runs per command (default 1)
  --jq-runs N       timed runs for jq only (default: --runs); jq is the slow one
  --jobscan PATH    jobscan binary (default .build/release/jobscan, built with
                    `swift build -c release` when missing; skipped if that fails)
  --skip-jobscan    measure the baselines only
  --no-build        do not run swift build; skip jobscan if the binary is missing
  --out FILE        report path (default Benchmarks/RESULTS.md)
  --workdir DIR     corpus and scratch dir (default $TMPDIR or /tmp, /jobscan-bench)
  --rss-4g          also measure jobscan's peak RSS on a 4G corpus (slow: ~4 min to generate,
                    ~4.5 GB of disk, deleted afterwards)
  --strict          exit 1 when a target is missed too
  --clean           delete the generated corpus at the end (default: keep it for the next run)
EOF
}

die() { echo "run.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
    case "$1" in
        --size) SIZE=${2:?}; shift 2 ;;
        --seed) SEED=${2:?}; shift 2 ;;
        --runs) RUNS=${2:?}; shift 2 ;;
        --warmup) WARMUP=${2:?}; shift 2 ;;
        --jq-runs) JQ_RUNS=${2:?}; shift 2 ;;
        --jobscan) JOBSCAN=${2:?}; shift 2 ;;
        --skip-jobscan) SKIP_JOBSCAN=1; shift ;;
        --no-build) NO_BUILD=1; shift ;;
        --out) OUT=${2:?}; shift 2 ;;
        --workdir) WORKDIR=${2:?}; shift 2 ;;
        --rss-4g) RSS4G=1; shift ;;
        --strict) STRICT=1; shift ;;
        --clean) CLEAN=1; shift ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; die "unknown argument: $1" ;;
    esac
done
JQ_RUNS=${JQ_RUNS:-$RUNS}
for n in "$RUNS" "$WARMUP" "$JQ_RUNS" "$SEED"; do
    [[ "$n" =~ ^[0-9]+$ ]] || die "not a number: $n"
done
[ "$RUNS" -ge 1 ] && [ "$JQ_RUNS" -ge 1 ] || die "--runs and --jq-runs must be >= 1"
[[ "$SIZE" =~ ^[0-9]+(\.[0-9]+)?[KMGT]?$ ]] || die "bad --size $SIZE (e.g. 5M, 100M, 1G)"
case "$OUT" in /*) ;; *) OUT="$PWD/$OUT" ;; esac

log() { printf '\n== %s\n' "$*" >&2; }

# ---------------------------------------------------------------------------------------------
# Tools: hyperfine, jq and GNU time come from Debian; installed here when missing and root.
ensure_tool() {  # command, debian package
    if command -v "$1" >/dev/null 2>&1 || [ -x "$1" ]; then return 0; fi
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        log "installing $2 (missing $1)"
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2"; } >&2 \
            || die "apt-get install $2 failed"
    fi
    command -v "$1" >/dev/null 2>&1 || [ -x "$1" ] || die "$1 is missing (Debian package $2)"
}
ensure_tool python3 python3
ensure_tool hyperfine hyperfine
ensure_tool jq jq
ensure_tool gzip gzip
ensure_tool zcat gzip
ensure_tool igzip isal
ensure_tool /usr/bin/time time

mkdir -p "$WORKDIR"
WORKDIR=$(cd "$WORKDIR" && pwd)
case "$WORKDIR" in "$REPO"|"$REPO"/*) echo "run.sh: warning: the work dir is inside the repository" >&2 ;; esac
STYLE=basic
[ -t 2 ] && STYLE=auto

# ---------------------------------------------------------------------------------------------
# Corpus (reused when the generator, size and seed are unchanged)
gen_corpus() {  # size -> sets CORPUS; writes CORPUS, CORPUS.gz, CORPUS.counts.json
    local size=$1
    CORPUS="$WORKDIR/corpus-$size-seed$SEED.log"
    local stamp
    stamp="$(sha256sum "$HERE/generate_corpus.py" | cut -d' ' -f1) $size $SEED"
    if [ -f "$CORPUS.stamp" ] && [ "$(cat "$CORPUS.stamp")" = "$stamp" ] && [ -f "$CORPUS" ] \
        && [ -f "$CORPUS.gz" ] && [ -f "$CORPUS.counts.json" ]; then
        log "reusing corpus $CORPUS"
        return 0
    fi
    rm -f "$CORPUS" "$CORPUS.gz" "$CORPUS.counts.json" "$CORPUS.stamp" "$CORPUS.genlog"
    log "generating $size corpus (seed $SEED) into $WORKDIR"
    if ! python3 "$HERE/generate_corpus.py" --size "$size" --seed "$SEED" --encoding json --gzip \
        --out "$CORPUS" 2>"$CORPUS.genlog"; then
        cat "$CORPUS.genlog" >&2
        die "corpus generation failed"
    fi
    cat "$CORPUS.genlog" >&2
    echo "$stamp" > "$CORPUS.stamp"
}
gen_corpus "$SIZE"
PLAIN="$CORPUS"
GZ="$CORPUS.gz"

# ---------------------------------------------------------------------------------------------
# jobscan: given, or .build/release/jobscan (built on demand); skipped when it cannot be had
JOBSCAN_NOTE=""
if [ "$SKIP_JOBSCAN" = 1 ]; then
    JOBSCAN=""
    JOBSCAN_NOTE="skipped (--skip-jobscan)"
elif [ -n "$JOBSCAN" ]; then
    [ -x "$JOBSCAN" ] || die "--jobscan $JOBSCAN is not an executable file"
    JOBSCAN=$(cd "$(dirname "$JOBSCAN")" && pwd)/$(basename "$JOBSCAN")
else
    JOBSCAN="$REPO/.build/release/jobscan"
    if [ ! -x "$JOBSCAN" ] && [ "$NO_BUILD" = 0 ]; then
        if command -v swift >/dev/null 2>&1; then
            log "building jobscan: swift build -c release --product jobscan (log: $WORKDIR/swift-build.log)"
            if ! (cd "$REPO" && swift build -c release --product jobscan) >"$WORKDIR/swift-build.log" 2>&1; then
                tail -n 20 "$WORKDIR/swift-build.log" >&2 || true
            fi
        else
            echo "run.sh: swift is not installed" >&2
        fi
    fi
    if [ ! -x "$JOBSCAN" ]; then
        JOBSCAN_NOTE="skipped: $JOBSCAN could not be built (see $WORKDIR/swift-build.log)"
        [ "$NO_BUILD" = 1 ] && JOBSCAN_NOTE="skipped: $JOBSCAN does not exist (--no-build)"
        JOBSCAN=""
    fi
fi
if [ -z "$JOBSCAN" ]; then
    echo "run.sh: jobscan $JOBSCAN_NOTE; measuring the baselines only" >&2
fi

# ---------------------------------------------------------------------------------------------
# The commands. Fields: name, input (plain|gz), allowed exit codes, command line (parsed by
# hyperfine without a shell, and by bash here: keep it to words and single quotes).
q() { printf '%q' "$1"; }
MANIFEST="$WORKDIR/manifest.tsv"
rm -f "$WORKDIR"/hf-*.json "$WORKDIR"/time-*.txt "$WORKDIR"/stdout-*.txt "$WORKDIR"/stderr-*.txt "$WORKDIR"/*.prom
: > "$MANIFEST"
CMDS=()
add_cmd() { CMDS+=("$1"$'\t'"$2"$'\t'"$3"$'\t'"$4"); }
add_cmd wc plain 0 "wc -l $(q "$PLAIN")"
add_cmd grep plain 0 "grep -c '\"msg\":\"Job ' $(q "$PLAIN")"
add_cmd zcat gz 0 "zcat $(q "$GZ")"
# ISA-L's own gunzip: the fastest inflater there is, the floor for jobscan on gzip.
add_cmd igzip gz 0 "igzip -dc $(q "$GZ")"
add_cmd jq plain 0 "jq -n -R -c -f $(q "$HERE/jobcounts.jq") $(q "$PLAIN")"
if [ -n "$JOBSCAN" ]; then
    add_cmd jobscan plain 0,1,2 "$(q "$JOBSCAN") --textfile $(q "$WORKDIR/jobscan.prom") $(q "$PLAIN")"
    add_cmd jobscan-gz gz 0,1,2 "$(q "$JOBSCAN") --textfile $(q "$WORKDIR/jobscan-gz.prom") $(q "$GZ")"
fi

FAILED=0
exit_ok() {  # code, allowed list
    local c
    for c in ${2//,/ }; do [ "$1" = "$c" ] && return 0; done
    return 1
}

# Pass 1: each command once under /usr/bin/time -v: exit status, output, peak RSS (warms the cache)
measure_once() {  # name, allowed, command, stdout file, time file -> sets RC
    local name=$1 allowed=$2 cmd=$3 outf=$4 timef=$5
    RC=0
    eval "/usr/bin/time -v -o $(q "$timef") $cmd" >"$outf" 2>"$WORKDIR/stderr-$name.txt" || RC=$?
    if grep -q '^Command terminated by signal' "$timef" 2>/dev/null; then
        echo "run.sh: $name: $(grep '^Command terminated by signal' "$timef")" >&2
        RC=$((128 + $(sed -n 's/^Command terminated by signal \([0-9]*\).*/\1/p' "$timef" | head -1)))
    fi
    if ! exit_ok "$RC" "$allowed"; then
        echo "run.sh: FAILED: $name exited with $RC (allowed: $allowed): $cmd" >&2
        sed -n '1,20p' "$WORKDIR/stderr-$name.txt" >&2 || true
        return 1
    fi
    return 0
}

for entry in "${CMDS[@]}"; do
    IFS=$'\t' read -r name input allowed cmd <<<"$entry"
    log "$name: correctness and peak-RSS run"
    outf="$WORKDIR/stdout-$name.txt"
    case "$name" in zcat|igzip) outf=/dev/null ;; esac
    status=ok
    if ! measure_once "$name" "$allowed" "$cmd" "$outf" "$WORKDIR/time-$name.txt"; then
        status=failed
        FAILED=1
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$input" "$allowed" "$status" "$RC" "$cmd" >>"$MANIFEST"
done

# Pass 2: timings with hyperfine, one invocation per command (-i only for jobscan: exit 1/2 are verdicts)
while IFS=$'\t' read -r name input allowed status rc cmd; do
    [ "$status" = ok ] || continue
    runs=$RUNS
    [ "$name" = jq ] && runs=$JQ_RUNS
    # Output goes to a pipe that hyperfine drains, except the decompressors' (`zcat FILE.gz > /dev/null`,
    # `igzip -dc FILE.gz > /dev/null`): GNU grep notices a /dev/null stdout and stops at the first
    # match, which would time nothing; a decompressor has no such shortcut and pays for no pipe.
    extra=(--output=pipe)
    case "$name" in zcat|igzip) extra=(--output=null) ;; esac
    case "$name" in jobscan*) extra+=(-i) ;; esac
    log "$name: hyperfine --warmup $WARMUP --runs $runs ${extra[*]}"
    if ! hyperfine -N --style "$STYLE" --warmup "$WARMUP" --runs "$runs" "${extra[@]}" \
        --export-json "$WORKDIR/hf-$name.json" -n "$name" "$cmd" >&2; then
        echo "run.sh: FAILED: hyperfine $name" >&2
        FAILED=1
        rm -f "$WORKDIR/hf-$name.json"
    fi
done <"$MANIFEST"

# Optional: peak RSS of jobscan on a 4G corpus (same seed; the first $SIZE bytes are the same)
RSS4G_ARGS=()
if [ "$RSS4G" = 1 ]; then
    if [ -z "$JOBSCAN" ]; then
        echo "run.sh: --rss-4g: no jobscan, nothing to measure" >&2
    else
        gen_corpus 4G
        BIG="$CORPUS"
        for kind in plain gz; do
            f="$BIG"; [ "$kind" = gz ] && f="$BIG.gz"
            name="jobscan-4g"; [ "$kind" = gz ] && name="jobscan-gz-4g"
            log "$name: peak-RSS run"
            cmd="$(q "$JOBSCAN") --textfile $(q "$WORKDIR/$name.prom") $(q "$f")"
            if measure_once "$name" 0,1,2 "$cmd" /dev/null "$WORKDIR/time-$name.txt"; then
                printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$kind" 0,1,2 ok "$RC" "$cmd" >>"$MANIFEST"
            else
                printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$kind" 0,1,2 failed "$RC" "$cmd" >>"$MANIFEST"
                FAILED=1
            fi
        done
        RSS4G_ARGS=(--big "$BIG")
        rm -f "$BIG" "$BIG.gz" "$BIG.stamp"
    fi
fi

# ---------------------------------------------------------------------------------------------
log "writing $OUT"
mkdir -p "$(dirname "$OUT")"
REPORT_RC=0
python3 "$HERE/report.py" --workdir "$WORKDIR" --plain "$PLAIN" --size "$SIZE" --seed "$SEED" \
    --runs "$RUNS" --jq-runs "$JQ_RUNS" --warmup "$WARMUP" --repo "$REPO" --out "$OUT" \
    --profile "$HERE/PROFILE.md" --jobscan-note "$JOBSCAN_NOTE" ${JOBSCAN:+--jobscan "$JOBSCAN"} \
    "${RSS4G_ARGS[@]}" || REPORT_RC=$?
# report.py: 0 ok, 10 a baseline printed a wrong count, 11 a target missed, anything else its own error
case "$REPORT_RC" in
    0) ;;
    10) FAILED=1 ;;
    11) if [ "$STRICT" = 1 ]; then FAILED=1; fi ;;
    *) echo "run.sh: report.py failed ($REPORT_RC)" >&2; exit 2 ;;
esac

if [ "$CLEAN" = 1 ]; then
    rm -f "$PLAIN" "$GZ" "$PLAIN.counts.json" "$PLAIN.stamp" "$PLAIN.genlog" "$WORKDIR"/stdout-*.txt
    echo "run.sh: removed the corpus from $WORKDIR" >&2
else
    echo "run.sh: corpus kept for the next run: $PLAIN (+ .gz); --clean removes it" >&2
fi
exit "$FAILED"
