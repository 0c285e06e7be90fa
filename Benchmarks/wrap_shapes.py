#!/usr/bin/env python3
"""Wraps a plain zap log (the benchmark corpus) in the container log shapes, with the encoders
of Samples/shapes/generate.py (written from CONTAINER-LOGS.md):

    wrap_shapes.py CORPUS OUTDIR [--pods N]

writes OUTDIR/kubectl.log (kubectl logs --prefix --timestamps, one pod), OUTDIR/cri/0.log
(containerd), OUTDIR/docker.log (json-file), OUTDIR/journald.json, OUTDIR/logcli.jsonl
(newest first), and with --pods N the corpus dealt round-robin into N CRI pod files
OUTDIR/pods/prod_podK_uid/app/0.log (whole lines, each pod a valid log of its own kind).
"""
import argparse, importlib.util, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("shapes", os.path.join(HERE, "..", "Samples", "shapes", "generate.py"))
shapes = importlib.util.module_from_spec(spec)
spec.loader.exec_module(shapes)

TS = re.compile(r'"ts":([0-9.]+)')


def times(path):
    last = 0
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        for line in f:
            line = line.rstrip("\n")
            m = TS.search(line, 0, 80)
            if m:
                whole, _, frac = m.group(1).partition(".")
                last = int(whole) * 1_000_000_000 + int((frac + "000000000")[:9]) + 3000
            yield last, line


def main():
    p = argparse.ArgumentParser()
    p.add_argument("corpus")
    p.add_argument("outdir")
    p.add_argument("--pods", type=int, default=0)
    a = p.parse_args()
    os.makedirs(os.path.join(a.outdir, "cri"), exist_ok=True)
    out = {
        "kubectl": open(os.path.join(a.outdir, "kubectl.log"), "w", encoding="utf-8", errors="surrogateescape"),
        "cri": open(os.path.join(a.outdir, "cri", "0.log"), "w", encoding="utf-8", errors="surrogateescape"),
        "docker": open(os.path.join(a.outdir, "docker.log"), "w", encoding="utf-8", errors="surrogateescape"),
        "journald": open(os.path.join(a.outdir, "journald.json"), "w", encoding="utf-8", errors="surrogateescape"),
    }
    logcli = []
    pods = []
    for k in range(a.pods):
        d = os.path.join(a.outdir, "pods", "prod_pod%d_uid%d" % (k, k), "app")
        os.makedirs(d, exist_ok=True)
        pods.append(open(os.path.join(d, "0.log"), "w", encoding="utf-8", errors="surrogateescape"))
    for n, (t, line) in enumerate(times(a.corpus)):
        rec = [(t, line, "stderr")]
        out["kubectl"].write(shapes.kubectl_line("icy-backend-0", t, line, True) + "\n")
        for l in shapes.cri_lines(rec, crio=False):
            out["cri"].write(l + "\n")
            if pods:
                pods[n % len(pods)].write(l + "\n")
        for l in shapes.docker_lines(rec):
            out["docker"].write(l + "\n")
        out["journald"].write(json.dumps({"__CURSOR": "s=%x" % n, "__REALTIME_TIMESTAMP": str(t // 1000), "_HOSTNAME": "h",
                                          "_SYSTEMD_UNIT": "icy-backend.service", "MESSAGE": line},
                                         ensure_ascii=False, separators=(",", ":")) + "\n")
        logcli.append('{"labels":{"app":"icy-backend","pod":"icy-backend-0"},"line":%s,"timestamp":"%s"}'
                      % (shapes.go_json_string(line), shapes.rfc3339(t)))
    for f in list(out.values()) + pods:
        f.close()
    with open(os.path.join(a.outdir, "logcli.jsonl"), "w", encoding="utf-8", errors="surrogateescape") as f:
        for l in reversed(logcli):
            f.write(l + "\n")


if __name__ == "__main__":
    sys.exit(main())
