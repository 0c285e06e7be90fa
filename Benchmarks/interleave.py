#!/usr/bin/env python3
"""Times commands in interleaved rounds (every command once per round, in turn), so that a slow
spell of a shared machine falls on all of them alike instead of on whichever ran then; the ratios
of medians are then fair. For each run: wall time, user+sys CPU and peak RSS of the child
(os.wait4), written as JSON.

    interleave.py --runs N --warmup 1 --out FILE name=command [name=command …]

A command is run with `sh -c`; its output is discarded; a nonzero exit stops the benchmark.
"""
import argparse, json, os, statistics, subprocess, sys, time


def run(command):
    start = time.perf_counter()
    child = subprocess.Popen(["sh", "-c", command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    err = child.stderr.read().decode(errors="replace")
    child.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit("interleave.py: %r exited %d: %s" % (command, code, err.strip()[:400]))
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--out", required=True)
    parser.add_argument("commands", nargs="+")
    args = parser.parse_args()
    commands = [c.split("=", 1) for c in args.commands]
    for _ in range(args.warmup):
        for _, command in commands:
            run(command)
    results = {name: {"wall": [], "cpu": [], "rss_kib": []} for name, _ in commands}
    for round in range(args.runs):
        for name, command in commands:
            wall, cpu, rss = run(command)
            results[name]["wall"].append(wall)
            results[name]["cpu"].append(cpu)
            results[name]["rss_kib"].append(rss)
        print("round %d/%d" % (round + 1, args.runs), file=sys.stderr)
    for r in results.values():
        r["median"] = statistics.median(r["wall"])
        r["mean"] = statistics.mean(r["wall"])
        r["stddev"] = statistics.stdev(r["wall"]) if len(r["wall"]) > 1 else 0.0
        r["cpu_median"] = statistics.median(r["cpu"])
        r["rss_max_kib"] = max(r["rss_kib"])
    json.dump(results, open(args.out, "w"), indent=1)


if __name__ == "__main__":
    main()
