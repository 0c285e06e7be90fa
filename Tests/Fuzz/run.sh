#!/usr/bin/env bash
# Builds the libFuzzer targets (Tests/Fuzz/Targets/*.swift) and runs each for SECONDS (default
# 60); exits non-zero on any crash, leak or timeout. Linux only: libFuzzer ships with the toolchain.
#
#   Tests/Fuzz/run.sh [SECONDS]            all targets
#   FUZZ_TARGETS="check lines" Tests/Fuzz/run.sh 600
#   FUZZ_RUNS=10000000 FUZZ_TARGETS=durations Tests/Fuzz/run.sh      a number of executions instead
#   FUZZ_SANITIZE=fuzzer FUZZ_OUT=.build-fuzz-fast Tests/Fuzz/run.sh   without AddressSanitizer
#
# The core is compiled once (every Swift file of Sources/JobscanCore but the Prometheus textfile,
# listed by glob, so new files are picked up) into a static library with coverage and
# AddressSanitizer; each target links against it. Corpora grow in .build-fuzz/corpus/<target>,
# seeded from Samples/; Tests/Fuzz/Regressions/<target> is read too. A crashing input is left in
# .build-fuzz/artifacts/<target>/: copy it to Tests/Fuzz/Regressions/<target>/, where swift test
# replays it (FuzzRegressionTests). Final statistics go to .build-fuzz/stats.txt.
set -euo pipefail
seconds=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
out=${FUZZ_OUT:-.build-fuzz}
mkdir -p "$out"
flags=(-sanitize="${FUZZ_SANITIZE:-fuzzer,address}" -O -parse-as-library -I Sources/CZlib)

# The linker warns about ASan's local symbols; nothing else is hidden.
quiet() { "$@" 2>&1 | { grep -v "Cannot export local symbol" || true; }; return "${PIPESTATUS[0]}"; }

mapfile -t sources < <(find Sources/JobscanCore -name '*.swift' ! -path '*/Reports/Textfile/*' | sort)
library="$out/libJobscanCore.a"
if [[ ! -f "$library" ]] || [[ -n "$(find Sources/JobscanCore -name '*.swift' -newer "$library" | head -1)" ]] \
    || [[ "$(printf '%s\n' "${sources[@]}" | md5sum)" != "$(cat "$out/sources.md5" 2>/dev/null)" ]]; then
    echo "fuzz: building the core (${#sources[@]} files)"
    quiet swiftc "${flags[@]}" -emit-library -static -emit-module -module-name JobscanCore -enable-testing \
        "${sources[@]}" -o "$library" -emit-module-path "$out/JobscanCore.swiftmodule"
    printf '%s\n' "${sources[@]}" | md5sum > "$out/sources.md5"
fi

read -r -a targets <<< "${FUZZ_TARGETS:-$(cd Tests/Fuzz/Targets && ls -- *.swift | sed 's/\.swift$//' | tr '\n' ' ')}"

# Seeds from Samples/, written once per target.
seed() {
    local target=$1 dir="$out/corpus/$1"
    mkdir -p "$dir"
    [[ -n "$(ls -A "$dir")" ]] && return 0
    case "$target" in
    lines | pipeline)
        for log in Samples/fixtures/*.log Samples/bad/*.log; do
            split -b 3000 -d -a 3 "$log" "$dir/$(basename "$log")."
        done
        if [[ "$target" == pipeline ]]; then
            # Container log shapes, so the envelope stage is fuzzed from the start.
            for log in Samples/shapes/kubectl/*.log Samples/shapes/journald/*.json Samples/shapes/loki/*.jsonl \
                Samples/shapes/cri/pods/*/*/0.log Samples/shapes/docker/containers/*/*-json.log; do
                # The first 12 KB of each, in 3 KB pieces (a Docker or CRI line is longer than that).
                head -c 12000 "$log" | split -b 3000 -d -a 3 - "$dir/shape-$(printf '%s' "$log" | md5sum | cut -c1-8)."
            done
        fi
        if [[ "$target" == lines ]]; then
            # The first two bytes choose the chunk size and the line limit.
            for f in "$dir"/*; do { printf '\x40\xff'; cat "$f"; } > "$f.in" && mv "$f.in" "$f"; done
        fi ;;
    durations)
        for d in 0s 1.5s 2m3.004s 1h0m0s 350ms 12.5µs 12.5μs 800ns -1.5h +3us 2562047h47m16.854775807s .5s 1h1m1s1ms1us1ns; do
            printf '%s' "$d" > "$dir/$(printf '%s' "$d" | md5sum | cut -c1-12)"
        done ;;
    times)
        for t in 2026-11-25T20:45:21Z 2026-11-26T03:56:09.123456789+07:00 2026-11-25T20:45:21.806+0000 \
            0001-01-01T00:00:00Z 1677-09-21T00:12:44Z 2262-04-11T23:47:16.854775807Z 1795639521.8066852 \
            '"2026-11-25T20:45:21.5-23:59"'; do
            printf '%s' "$t" > "$dir/$(printf '%s' "$t" | md5sum | cut -c1-12)"
        done ;;
    gzip)
        for log in Samples/fixtures/*.log; do head -c 2000 "$log" | gzip -n -c > "$dir/$(basename "$log").gz"; done
        cp Samples/bad/*.gz "$dir/" 2>/dev/null || true ;;
    check)
        grep -v '^#' Samples/ci.rules | while IFS= read -r line; do
            printf '%s' "${line#*: }" > "$dir/$(printf '%s' "$line" | md5sum | cut -c1-12)"
        done
        cp Samples/ci.rules "$dir/ci.rules" ;;
    esac
}

status=0
: > "$out/stats.txt"
for target in "${targets[@]}"; do
    quiet swiftc "${flags[@]}" -I "$out" "Tests/Fuzz/Targets/$target.swift" "$library" -lz -o "$out/fuzz-$target"
    seed "$target"
    mkdir -p "$out/artifacts/$target" "Tests/Fuzz/Regressions/$target"
    options=(-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$out/artifacts/$target/")
    if [[ -n "${FUZZ_RUNS:-}" ]]; then options+=(-runs="$FUZZ_RUNS"); else options+=(-max_total_time="$seconds"); fi
    # Inputs of a few lines are enough to reach every branch, and keep executions fast.
    case "$target" in
    lines) options+=(-dict=Tests/Fuzz/zap.dict -max_len=1024) ;;
    pipeline) options+=(-dict=Tests/Fuzz/zap.dict -max_len=2048) ;;
    gzip) options+=(-max_len=4096) ;;
    check) options+=(-max_len=128) ;;
    esac
    log="$out/$target.log"
    echo "fuzz: $target for ${FUZZ_RUNS:+$FUZZ_RUNS runs}${FUZZ_RUNS:-${seconds}s}"
    if ! "./$out/fuzz-$target" "${options[@]}" "$out/corpus/$target" "Tests/Fuzz/Regressions/$target" > "$log" 2>&1; then
        echo "fuzz: $target FAILED (crash, leak or timeout); see $log and $out/artifacts/$target/" >&2
        grep -E "ERROR|invariant broken|Fatal error|SUMMARY" "$log" | head -5 >&2 || true
        status=1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    final=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+' || true)
    echo "$target: ${runs:-0} executions, ${final:-no coverage line} (-sanitize=${FUZZ_SANITIZE:-fuzzer,address})" | tee -a "$out/stats.txt"
done
exit "$status"
