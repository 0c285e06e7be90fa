#!/usr/bin/env python3
"""Wraps the oracle fixtures in the shapes deployments store logs in (Docker json-file, Kubernetes
CRI files from containerd and CRI-O, kubectl logs --prefix/--timestamps, journalctl -o json, Loki
logcli jsonl), written from the byte-level definitions in CONTAINER-LOGS.md. Three instances
side by side: noise (JSON), critical_unhealthy (JSON) and dev_console (console encoding). Some
error lines get a 20 KiB stacktrace field (zap's own, which the decoder skips) so that Docker
and containerd split them into 16 KiB partial records and CRI-O into 8 KiB ones; the state each
instance must have is still its fixture's expected.json.

Deterministic: `python3 Samples/shapes/generate.py` rewrites every file under Samples/shapes.
"""
import decimal, gzip, hashlib, json, os, re, shutil, sys
from datetime import datetime, timedelta, timezone

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "fixtures")
NAMESPACE, CONTAINER = "prod", "icy-backend"
INSTANCES = [  # (fixture scenario, pod, host)
    ("noise", "icy-backend-7d9f8c-abcde", "host-a"),
    ("critical_unhealthy", "icy-backend-7d9f8c-fghij", "host-b"),
    ("dev_console", "icy-backend-7d9f8c-klmno", "host-c"),
]
STACK = "".join("goroutine %d [running]:\\nmain.job%d()\\n\\t/app/internal/jobs/job.go:%d +0x1d\\n" % (i, i, 40 + i) for i in range(400))
assert len(STACK) > 20000


def ns_of_json_ts(line):
    m = re.search(r'"ts":([0-9.]+)', line)
    if not m:
        return None
    return int(decimal.Decimal(m.group(1)) * 1_000_000_000)


def ns_of_console(line):
    m = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})([+-]\d{4}|Z)\t", line)
    if not m:
        return None
    t = datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S.%f")
    off = m.group(2)
    tz = timezone.utc if off == "Z" else timezone(timedelta(hours=int(off[:3]), minutes=int(off[0] + off[3:])))
    t = t.replace(tzinfo=tz)
    return int(t.timestamp()) * 1_000_000_000 + t.microsecond * 1000


def with_stacktrace(line, index):
    """Every third error line gets a long stacktrace (as zap production does on error level)."""
    if index % 3 != 0:
        return line
    if line.startswith('{"level":"error"'):
        return line[:-1] + ',"stacktrace":"' + STACK + '"}'
    if "\tERROR\t" in line and line.endswith("}"):
        return line[:-1] + ', "stacktrace": "' + STACK + '"}'
    return line


def records(scenario):
    """The fixture's lines with their record times (ns): the line's own time plus 3 µs, or for a
    line without one (another program's) the previous record's time plus 1 µs."""
    out, last, errors = [], None, 0
    with open(os.path.join(FIXTURES, scenario + ".log"), encoding="utf-8", newline="\n") as f:
        for line in f.read().split("\n")[:-1]:
            t = ns_of_json_ts(line) if line.startswith("{") else ns_of_console(line)
            t = (t + 3000) if t is not None else ((last or 0) + 1000)
            last = t
            if "\tERROR\t" in line or line.startswith('{"level":"error"'):
                line = with_stacktrace(line, errors)
                errors += 1
            stream = "stderr" if (line.startswith("{") or line[:1].isdigit()) else "stdout"
            out.append((t, line, stream))
    return out


def rfc3339(ns, digits=None, offset_minutes=0):
    """Go's RFC3339Nano (trailing zeros trimmed) or exactly `digits` fraction digits."""
    secs, frac = divmod(ns, 1_000_000_000)
    tz = timezone(timedelta(minutes=offset_minutes))
    t = datetime.fromtimestamp(secs, tz)
    text = t.strftime("%Y-%m-%dT%H:%M:%S")
    f = "%09d" % frac
    if digits is None:
        f = f.rstrip("0")
    else:
        f = f[:digits]
    if f:
        text += "." + f
    if offset_minutes == 0:
        return text + "Z"
    sign = "+" if offset_minutes > 0 else "-"
    m = abs(offset_minutes)
    return text + "%s%02d:%02d" % (sign, m // 60, m % 60)


def go_json_string(text, html=True, docker=False):
    """A JSON string as Go's encoders write it: \\\\ \\" \\n \\r \\t (Docker: TAB as \\u0009), other
    controls \\u00XX, < > & as \\u003c..., U+2028/9 escaped."""
    out = ['"']
    for ch in text:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t" and not docker:
            out.append("\\t")
        elif o < 0x20 or (html and ch in "<>&"):
            out.append("\\u%04x" % o)
        elif o in (0x2028, 0x2029):
            out.append("\\u%04x" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def chunks(data, size):
    return [data[i:i + size] for i in range(0, len(data), size)] or [b""]


def write(path, text, gz=False):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    if gz:
        with open(path, "wb") as f:
            with gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as g:
                g.write(data)
    else:
        with open(path, "wb") as f:
            f.write(data)


def thirds(items):
    n = len(items)
    return [items[: n // 3], items[n // 3: 2 * n // 3], items[2 * n // 3:]]


def docker_id(pod):
    return hashlib.sha256(pod.encode()).hexdigest()


def docker_lines(recs):
    out = []
    for t, line, stream in recs:
        # The copier's 16 KiB buffer: every chunk but the last lacks the \n; all carry the first time.
        for piece in chunks((line + "\n").encode("utf-8"), 16 * 1024):
            out.append('{"log":%s,"stream":"%s","time":"%s"}' % (go_json_string(piece.decode("utf-8"), docker=True), stream, rfc3339(t)))
    return out


def cri_lines(recs, crio):
    out = []
    size = 8 * 1024 if crio else 16 * 1024
    for t, line, stream in recs:
        pieces = chunks(line.encode("utf-8"), size)
        for i, piece in enumerate(pieces):
            stamp = rfc3339(t + i, digits=9, offset_minutes=420) if crio else rfc3339(t + i)
            tag = "F" if i == len(pieces) - 1 else "P"
            out.append("%s %s %s %s" % (stamp, stream, tag, piece.decode("utf-8")))
    return out


def kubectl_line(pod, t, line, timestamps, prefix=True):
    head = "[pod/%s/%s] " % (pod, CONTAINER) if prefix else ""
    if not timestamps:
        return head + line
    # kubelet stamps every CRI record; a long line's partial records put stamps mid-line.
    pieces = chunks(line.encode("utf-8"), 16 * 1024)
    return head + "".join("%s %s" % (rfc3339(t + i, digits=9), p.decode("utf-8")) for i, p in enumerate(pieces))


def merged(per_instance):
    """Every instance's records in time order (stable)."""
    out = []
    for index, (recs, extra) in enumerate(per_instance):
        for seq, r in enumerate(recs):
            out.append((r[0], index, seq, r, extra))
    out.sort(key=lambda x: (x[0], x[1], x[2]))
    return out


def main():
    root = HERE
    for sub in ["kubectl", "docker", "cri", "journald", "loki", "plain"]:
        shutil.rmtree(os.path.join(root, sub), ignore_errors=True)
    manifest = {}
    data = [(scenario, pod, host, records(scenario)) for scenario, pod, host in INSTANCES]

    # kubectl logs --prefix, with and without --timestamps; --timestamps alone for one pod.
    for name, stamps in [("prefix.log", False), ("prefix-timestamps.log", True)]:
        rows = merged([(recs, pod) for _, pod, _, recs in data])
        write(os.path.join(root, "kubectl", name), "".join(kubectl_line(pod, t, line, stamps) + "\n" for t, _, _, (t_, line, _), pod in rows))
        manifest["kubectl/" + name] = {"%s/%s" % (pod, CONTAINER): s for s, pod, _, _ in data}
    s0, pod0, _, recs0 = data[0]
    write(os.path.join(root, "kubectl", "timestamps.log"), "".join(kubectl_line(pod0, t, line, True, prefix=False) + "\n" for t, line, _ in recs0))
    manifest["kubectl/timestamps.log"] = {"Samples/shapes/kubectl/timestamps.log": s0}

    # Docker json-file, the first container rotated (X-json.log.2.gz, X-json.log.1, X-json.log).
    names = {}
    for i, (scenario, pod, _, recs) in enumerate(data):
        cid = docker_id(pod)
        base = os.path.join(root, "docker", "containers", cid, cid + "-json.log")
        names[cid[:12]] = scenario
        parts = thirds(recs) if i == 0 else [[], [], recs]
        for suffix, part, gz in [(".2.gz", parts[0], True), (".1", parts[1], False), ("", parts[2], False)]:
            if part:
                write(base + suffix, "".join(l + "\n" for l in docker_lines(part)), gz=gz)
    manifest["docker"] = names

    # CRI files: containerd for the first two pods (the first rotated by kubelet), CRI-O for the third.
    names = {}
    for i, (scenario, pod, _, recs) in enumerate(data):
        uid = hashlib.md5(pod.encode()).hexdigest()
        uid = "%s-%s-%s-%s-%s" % (uid[:8], uid[8:12], uid[12:16], uid[16:20], uid[20:])
        base = os.path.join(root, "cri", "pods", "%s_%s_%s" % (NAMESPACE, pod, uid), CONTAINER, "0.log")
        names["%s/%s/%s" % (NAMESPACE, pod, CONTAINER)] = scenario
        crio = i == 2
        parts = thirds(recs) if i == 0 else [[], [], recs]
        for suffix, part, gz in [(".20261125-204500.gz", parts[0], True), (".20261125-204640", parts[1], False), ("", parts[2], False)]:
            if part:
                write(base + suffix, "".join(l + "\n" for l in cri_lines(part, crio)), gz=gz)
    manifest["cri"] = names

    # journalctl -o json: three hosts; a foreign line with an escape byte is an array of bytes,
    # and one entry's MESSAGE is null (too long without --all): a diagnostic, not a lost line.
    rows = merged([(recs, host) for _, _, host, recs in data])
    lines = []
    for n, (t, index, seq, (t_, line, _), host) in enumerate(rows):
        entry = {"__CURSOR": "s=0;i=%x" % n, "__REALTIME_TIMESTAMP": str(t // 1000), "__MONOTONIC_TIMESTAMP": str(1000 + n),
                 "_BOOT_ID": "0" * 32, "PRIORITY": "6", "SYSLOG_IDENTIFIER": "icy-backend", "_PID": "4242",
                 "_HOSTNAME": host, "_SYSTEMD_UNIT": "icy-backend.service", "MESSAGE": line}
        lines.append(json.dumps(entry, ensure_ascii=False, separators=(",", ":")))
        if n == 5:
            colored = "\x1b[32m[GIN]\x1b[0m 200 | GET /healthz"
            entry = dict(entry, __CURSOR="s=0;i=%xa" % n, MESSAGE=list(colored.encode()))
            lines.append(json.dumps(entry, separators=(",", ":")))
            entry = dict(entry, __CURSOR="s=0;i=%xb" % n, MESSAGE=None)
            lines.append(json.dumps(entry, separators=(",", ":")))
    write(os.path.join(root, "journald", "journal.json"), "".join(l + "\n" for l in lines))
    manifest["journald/journal.json"] = {"%s/icy-backend.service" % host: s for s, _, host, _ in data}

    # logcli query --output=jsonl: keys sorted, Go's HTML escaping, newest first.
    rows = merged([(recs, pod) for _, pod, _, recs in data])
    lines = []
    for t, index, seq, (t_, line, _), pod in rows:
        labels = '{"app":"icy-backend","container":"%s","namespace":"%s","pod":"%s"}' % (CONTAINER, NAMESPACE, pod)
        lines.append('{"labels":%s,"line":%s,"timestamp":"%s"}' % (labels, go_json_string(line), rfc3339(t)))
    write(os.path.join(root, "loki", "logcli.jsonl"), "".join(l + "\n" for l in reversed(lines)))
    manifest["loki/logcli.jsonl"] = {"%s/%s" % (pod, CONTAINER): s for s, pod, _, _ in data}

    # Plain zap logs, one directory per host; the first rotated by logrotate (app.log.2.gz, app.log.1, app.log).
    for i, (scenario, _, host, recs) in enumerate(data):
        with open(os.path.join(FIXTURES, scenario + ".log"), encoding="utf-8") as f:
            plain = f.read().split("\n")[:-1]
        parts = thirds(plain) if i == 0 else [[], [], plain]
        base = os.path.join(root, "plain", host, "app.log")
        for suffix, part, gz in [(".2.gz", parts[0], True), (".1", parts[1], False), ("", parts[2], False)]:
            if part:
                write(base + suffix, "".join(l + "\n" for l in part), gz=gz)
    manifest["plain"] = {"Samples/shapes/plain/%s" % host: s for s, _, host, _ in data}

    write(os.path.join(root, "instances.json"), json.dumps(manifest, indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    sys.exit(main())
