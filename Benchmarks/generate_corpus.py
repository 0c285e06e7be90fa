#!/usr/bin/env python3
"""Deterministic corpus generator for jobscan benchmarks (python3 standard library only).

Writes the zap logs of a simulated icy-backend process: 8 background jobs run on cron ticks through
the service's job monitor (registration, start, success/failure with consecutive counts, panics,
timeouts, stall detection, health checks, cleanup, restarts), drowned in HTTP access lines,
circuit-breaker changes and error lines with stack traces. Job events ("msg":"Job ...") are about
6% of the lines.

    generate_corpus.py --size 1G --seed 42 --out /tmp/corpus.log --gzip
    generate_corpus.py --size 5M --encoding console --out /tmp/dev.log

Guarantees
  * Same --seed, --encoding and --utc-offset -> identical bytes; the stream does not depend on
    --size, so a smaller file is a byte prefix of a larger one.
  * Output stops at the first line boundary at or past --size bytes (K/M/G/T = 1024-based).
  * Timestamps never decrease. Runs of one job never overlap (a tick is skipped while the job's
    previous run is still going, like cron.SkipIfStillRunning), so every completion's duration is
    the gap between its own start and completion instants; each line's ts is taken a few us after
    the instant it reports, as zap does.
  * PATH.counts.json holds what an analyzer must find in exactly the bytes written: line counts by
    message, lifetime per-job figures (success/failure/timeouts/panics/stalls/durations/histogram)
    and the monitor state of the last process at end of file.
  * --gzip writes PATH.gz (gzip -n, so no name/mtime in the header: deterministic too), streamed
    through `gzip` while the plain file is written, or zlib when gzip is not installed.
    --gzip-members N splits it into N concatenated members at line boundaries.
"""

import argparse
import calendar
import heapq
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zlib

# ----------------------------------------------------------------------------------------------
# Formatting helpers (Go / zap compatible)

SEC = 1_000_000_000
MS = 1_000_000
US = 1_000


def go_duration(ns):
    """time.Duration.String() of Go, for ns >= 0."""
    if ns < SEC:
        if ns == 0:
            return "0s"
        if ns < US:
            return "%dns" % ns
        if ns < MS:
            i, f = divmod(ns, US)
            return ("%d.%s\u00b5s" % (i, ("%03d" % f).rstrip("0"))) if f else "%d\u00b5s" % i
        i, f = divmod(ns, MS)
        return ("%d.%sms" % (i, ("%06d" % f).rstrip("0"))) if f else "%dms" % i
    whole, f = divmod(ns, SEC)
    s = ("%d.%ss" % (whole % 60, ("%09d" % f).rstrip("0"))) if f else "%ds" % (whole % 60)
    if whole < 60:
        return s
    m = whole // 60
    if m < 60:
        return "%dm%s" % (m, s)
    return "%dh%dm%s" % (m // 60, m % 60, s)


_ESC = {'\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t'}


_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f"\\]')


def jstr(s):
    """A JSON string token as zap writes it (valid UTF-8 written raw)."""
    if _NEEDS_ESCAPE.search(s) is None:
        return '"' + s + '"'
    out = []
    for ch in s:
        e = _ESC.get(ch)
        if e is not None:
            out.append(e)
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def classify(err):
    """Error classification of the service's monitor (DESIGN.md section 3)."""
    e = err.lower()
    if "timeout" in e or "deadline" in e:
        return "timeout"
    if "database" in e or "sql" in e:
        return "database"
    if "connection" in e or "network" in e:
        return "network"
    if "external" in e or "api" in e:
        return "external_api"
    if "panic" in e:
        return "panic"
    return "unknown"


def parse_size(text):
    t = text.strip().upper()
    for suffix in ("IB", "B"):
        if t.endswith(suffix) and len(t) > len(suffix) and t[-len(suffix) - 1] in "KMGT":
            t = t[: -len(suffix)]
            break
    mult = 1
    if t and t[-1] in "KMGT":
        mult = 1024 ** ("KMGT".index(t[-1]) + 1)
        t = t[:-1]
    try:
        v = float(t)
    except ValueError:
        raise argparse.ArgumentTypeError("bad size %r (use e.g. 5M, 100M, 1G, 123456)" % text)
    if v <= 0:
        raise argparse.ArgumentTypeError("size must be positive")
    return int(v * mult)


def parse_offset(text):
    """'Z' or +HH:MM / -HH:MM -> (seconds, rfc3339 suffix, zap console suffix)."""
    if text in ("Z", "z", "UTC", "+00:00"):
        return 0, "Z", "Z"
    if len(text) != 6 or text[0] not in "+-" or text[3] != ":":
        raise argparse.ArgumentTypeError("offset must be Z or +HH:MM / -HH:MM")
    h, m = int(text[1:3]), int(text[4:6])
    secs = (h * 3600 + m * 60) * (1 if text[0] == "+" else -1)
    return secs, text, text[:3] + text[4:]


# ----------------------------------------------------------------------------------------------
# Static content

CRITICAL = ("btc_transaction_indexing", "icy_transaction_indexing", "swap_request_processing")
STALL_THRESHOLD = 5 * 60 * SEC
RETENTION = 24 * 3600 * SEC

# name: (median ms, sigma, timeout ns, may run long, uptime webhook, rpc service)
JOBS = {
    "btc_transaction_indexing": (180.0, 0.55, 10 * 60 * SEC, True, "IndexBtcTransaction", "btc_rpc"),
    "icy_transaction_indexing": (90.0, 0.5, 10 * 60 * SEC, True, "IndexIcyTransaction", "base_rpc"),
    "icy_swap_transaction_indexing": (120.0, 0.6, 10 * 60 * SEC, True, "IndexIcySwapTransaction", "base_rpc"),
    "swap_request_processing": (250.0, 0.8, 15 * 60 * SEC, True, "ProcessSwapRequests", "base_rpc"),
    "btc_pending_transaction_processing": (150.0, 0.6, 15 * 60 * SEC, True, "ProcessPendingBtcTransactions", "btc_rpc"),
    "oracle_price_refresh": (15.0, 0.45, 50 * MS, False, None, None),
    "treasury_balance_snapshot": (1200.0, 0.5, 5 * 60 * SEC, True, None, "base_rpc"),
    "webhook_retry_dispatch": (2.0, 0.8, 30 * SEC, False, None, None),
}
JOB_NAMES = tuple(JOBS)
# cron entries: (interval, jobs started concurrently, jobs run one after the other)
CRON = (
    (120 * SEC, ("btc_transaction_indexing", "icy_transaction_indexing", "icy_swap_transaction_indexing"),
     ("swap_request_processing", "btc_pending_transaction_processing")),
    (60 * SEC, ("oracle_price_refresh",), ()),
    (600 * SEC, ("treasury_balance_snapshot",), ()),
    (30 * SEC, ("webhook_retry_dispatch",), ()),
)

REPO = "github.com/dwarvesf/icy-backend"
MON = REPO + "/internal/monitoring"
LOG_ERROR = REPO + "/internal/utils/logger.(*Logger).Error\n\t" + REPO + "/internal/utils/logger/logger.go:56"


def frame(fn, loc):
    return "\n" + fn + "\n\t" + loc


JOB_ENTRY = {
    "btc_transaction_indexing": (MON + ".(*InstrumentedTelemetry).IndexBtcTransaction", MON + "/instrumented_telemetry.go:43",
                                 REPO + "/internal/telemetry.(*Telemetry).IndexBtcTransaction", REPO + "/internal/telemetry/btc.go:112"),
    "icy_transaction_indexing": (MON + ".(*InstrumentedTelemetry).IndexIcyTransaction", MON + "/instrumented_telemetry.go:53",
                                 REPO + "/internal/telemetry.(*Telemetry).IndexIcyTransaction", REPO + "/internal/telemetry/icy.go:64"),
    "icy_swap_transaction_indexing": (MON + ".(*InstrumentedTelemetry).IndexIcySwapTransaction", MON + "/instrumented_telemetry.go:63",
                                      REPO + "/internal/telemetry.(*Telemetry).IndexIcySwapTransaction", REPO + "/internal/telemetry/icy_swap.go:58"),
    "swap_request_processing": (MON + ".(*InstrumentedTelemetry).ProcessSwapRequests", MON + "/instrumented_telemetry.go:73",
                                REPO + "/internal/telemetry.(*Telemetry).ProcessSwapRequests", REPO + "/internal/telemetry/swap.go:141"),
    "btc_pending_transaction_processing": (MON + ".(*InstrumentedTelemetry).ProcessPendingBtcTransactions", MON + "/instrumented_telemetry.go:83",
                                           REPO + "/internal/telemetry.(*Telemetry).ProcessPendingBtcTransactions", REPO + "/internal/telemetry/btc_pending.go:77"),
    "oracle_price_refresh": (MON + ".(*InstrumentedOracle).RefreshPrices", MON + "/instrumented_oracle.go:38",
                             REPO + "/internal/oracle.(*IcyOracle).RefreshPrices", REPO + "/internal/oracle/oracle.go:219"),
    "treasury_balance_snapshot": (MON + ".(*InstrumentedOracle).SnapshotTreasury", MON + "/instrumented_oracle.go:52",
                                  REPO + "/internal/oracle.(*IcyOracle).SnapshotTreasury", REPO + "/internal/oracle/treasury.go:88"),
    "webhook_retry_dispatch": (MON + ".(*InstrumentedWebhooks).DispatchRetries", MON + "/instrumented_webhooks.go:29",
                               REPO + "/internal/utils/webhook.(*Client).DispatchRetries", REPO + "/internal/utils/webhook/retry.go:73"),
}


def job_failed_stack(job):
    entry_fn, entry_loc = JOB_ENTRY[job][:2]
    return (LOG_ERROR
            + frame(MON + ".(*JobStatusManager).CompleteJob", MON + "/job_monitoring.go:200")
            + frame(MON + ".(*InstrumentedJob).Execute", MON + "/job_monitoring.go:482")
            + frame(MON + ".(*InstrumentedTelemetry).executeJobWithWebhook", MON + "/instrumented_telemetry.go:137")
            + frame(entry_fn, entry_loc))


def job_panicked_stack(job):
    fn, loc = JOB_ENTRY[job][2:]
    return (LOG_ERROR
            + frame(MON + ".(*InstrumentedJob).Execute.func1.1", MON + "/job_monitoring.go:454")
            + frame("runtime.gopanic", "runtime/panic.go:884")
            + frame("runtime.panicmem", "runtime/panic.go:260")
            + frame("runtime.sigpanic", "runtime/signal_unix.go:841")
            + frame(fn, loc)
            + frame(MON + ".(*InstrumentedJob).Execute.func1", MON + "/job_monitoring.go:462"))


STALL_STACK = (LOG_ERROR
               + frame(MON + ".(*JobStatusManager).detectStalledJobs", MON + "/job_monitoring.go:326")
               + frame(MON + ".(*JobStatusManager).StartStalledJobDetection.func1", MON + "/job_monitoring.go:291"))

WEBHOOK_FAIL_STACK = (LOG_ERROR
                      + frame(REPO + "/internal/utils/webhook.(*Client).CallUptimeWebhook", REPO + "/internal/utils/webhook/webhook.go:44")
                      + frame(MON + ".(*InstrumentedJob).Execute.func2", MON + "/job_monitoring.go:493"))

GIN_CHAIN = (frame("github.com/gin-gonic/gin.(*Context).Next", "github.com/gin-gonic/gin@v1.10.0/context.go:185")
             + frame("github.com/gin-gonic/gin.CustomRecoveryWithWriter.func1", "github.com/gin-gonic/gin@v1.10.0/recovery.go:102")
             + frame("github.com/gin-gonic/gin.(*Context).Next", "github.com/gin-gonic/gin@v1.10.0/context.go:185")
             + frame("github.com/gin-gonic/gin.LoggerWithConfig.func1", "github.com/gin-gonic/gin@v1.10.0/logger.go:249")
             + frame("github.com/gin-gonic/gin.(*Context).Next", "github.com/gin-gonic/gin@v1.10.0/context.go:185")
             + frame("github.com/gin-gonic/gin.(*Engine).handleHTTPRequest", "github.com/gin-gonic/gin@v1.10.0/gin.go:633")
             + frame("github.com/gin-gonic/gin.(*Engine).ServeHTTP", "github.com/gin-gonic/gin@v1.10.0/gin.go:589")
             + frame("net/http.serverHandler.ServeHTTP", "net/http/server.go:3142")
             + frame("net/http.(*conn).serve", "net/http/server.go:2044"))

BIND_STACK = (LOG_ERROR
              + frame(REPO + "/internal/handler/swap.(*handler).CreateSwapRequest", REPO + "/internal/handler/swap/swap.go:70")
              + GIN_CHAIN)

API_STACK = {
    "btc_rpc": (LOG_ERROR
                + frame(REPO + "/internal/btcrpc.(*BtcRpc).logAPIFailure", REPO + "/internal/btcrpc/btcrpc.go:512")
                + frame(REPO + "/internal/btcrpc.(*BtcRpc).callWithBreaker", REPO + "/internal/btcrpc/btcrpc.go:488")
                + frame(REPO + "/internal/btcrpc.(*BtcRpc).GetTransactionsByAddress", REPO + "/internal/btcrpc/btcrpc.go:231")
                + frame(REPO + "/internal/telemetry.(*Telemetry).IndexBtcTransaction", REPO + "/internal/telemetry/btc.go:48")
                + frame(MON + ".(*InstrumentedJob).Execute.func1", MON + "/job_monitoring.go:462")),
    "base_rpc": (LOG_ERROR
                 + frame(REPO + "/internal/baserpc.(*BaseRPC).logAPIFailure", REPO + "/internal/baserpc/baserpc.go:611")
                 + frame(REPO + "/internal/baserpc.(*BaseRPC).callWithBreaker", REPO + "/internal/baserpc/baserpc.go:590")
                 + frame(REPO + "/internal/baserpc.(*BaseRPC).GetTransactionsByAddress", REPO + "/internal/baserpc/baserpc.go:301")
                 + frame(REPO + "/internal/telemetry.(*Telemetry).IndexIcyTransaction", REPO + "/internal/telemetry/icy.go:37")
                 + frame(MON + ".(*InstrumentedJob).Execute.func1", MON + "/job_monitoring.go:462")),
}
API_OPS = {
    "btc_rpc": ("GetTransactionsByAddress", "EstimateFees", "Send", "GetSatoshiUSDPrice", "CurrentBalance"),
    "base_rpc": ("GetTransactionsByAddress", "ICYTotalSupply", "Swap", "GetContractBalance", "eth_getLogs"),
}
# (error text, error_type field, slow)
API_ERRORS = (
    ("context deadline exceeded", "timeout", True),
    ("dial tcp 34.117.59.81:443: i/o timeout", "timeout", True),
    ("unexpected status code: 429 Too Many Requests", "rate_limit", False),
    ("unexpected status code: 502 Bad Gateway", "server_error", False),
    ("read tcp 10.42.0.17:51234->104.16.132.229:443: read: connection reset by peer", "network", False),
    ("invalid character '<' looking for beginning of value", "decode", False),
)

# Job failures: (text ({n} = a random number), jobs that can return it; None = any job)
_BTC = ("btc_transaction_indexing", "btc_pending_transaction_processing")
_BASE = ("icy_transaction_indexing", "icy_swap_transaction_indexing", "swap_request_processing", "treasury_balance_snapshot")
ERRORS = (
    ("context deadline exceeded", None),
    ("btc_rpc: GetTransactionsByAddress: request timeout after 10s", _BTC),
    ("base_rpc: eth_getLogs: i/o timeout", _BASE),
    ("sql: no rows in result set", None),
    ("failed to get latest processed transaction: database connection pool exhausted", None),
    ("pq: could not serialize access due to concurrent update (SQLSTATE 40001) in sql tx", None),
    ("dial tcp 10.0.3.12:5432: connect: connection refused", None),
    ("read tcp 10.42.0.17:51234->104.16.132.229:443: read: connection reset by peer", _BTC + ("oracle_price_refresh",)),
    ("network is unreachable", None),
    ("blockstream API returned status 502", _BTC),
    ("coingecko API returned status 429: rate limited", ("oracle_price_refresh",)),
    ("base_rpc: eth_getLogs: external service unavailable", _BASE),
    ("insufficient capital in treasury wallet", ("swap_request_processing", "treasury_balance_snapshot")),
    ("execution reverted: \"ERC20: transfer amount exceeds balance\"", ("swap_request_processing", "icy_swap_transaction_indexing")),
    ("insufficient funds for gas * price + value", ("swap_request_processing",)),
    ("failed to process swap request #{n}:\n  step 1: sign tx: ok\n  step 2: broadcast: external API returned 503\n\tretry later",
     ("swap_request_processing",)),
    ("invalid BTC address \"bc1q{n}\u2026\" in swap request", ("swap_request_processing", "btc_pending_transaction_processing")),
    ("nonce too low: next nonce {n}, tx nonce 41", ("swap_request_processing", "icy_swap_transaction_indexing")),
    ("unexpected block height {n}: chain reorg detected", ("btc_transaction_indexing", "icy_transaction_indexing", "icy_swap_transaction_indexing")),
    ("webhook delivery {n} failed: 410 Gone", ("webhook_retry_dispatch",)),
    ("webhook endpoint returned 500 Internal Server Error", ("webhook_retry_dispatch",)),
)
PANICS = (
    "runtime error: invalid memory address or nil pointer dereference",
    "assignment to entry in nil map",
    "runtime error: index out of range [3] with length 3",
    "unexpected nil block header at height {n}",
    "database is locked",
    "send on closed channel",
)
HTTP_PATHS = (  # (weight, method, path, typical latency us, bad-request share)
    (22, "GET", "/api/v1/oracle/circulated-icy", 180, 0.0),
    (12, "GET", "/api/v1/oracle/treasury-btc", 220, 0.0),
    (16, "GET", "/api/v1/oracle/icy-btc-ratio", 350, 0.0),
    (10, "GET", "/api/v1/oracle/icy-btc-ratio-cached", 60, 0.0),
    (12, "GET", "/api/v1/swap/info", 900, 0.0),
    (5, "POST", "/api/v1/swap", 1500, 0.35),
    (3, "POST", "/api/v1/swap/generate-signature", 2500, 0.1),
    (6, "GET", "/api/v1/transactions?limit=20&offset=0", 4200, 0.0),
    (4, "GET", "/api/v1/health/db", 700, 0.0),
    (3, "GET", "/api/v1/health/external", 1200, 0.0),
    (6, "GET", "/healthz", 15, 0.0),
    (11, "GET", "/metrics", 2300, 0.0),
)
CLIENT_IPS = ("10.42.0.17", "10.42.0.5", "172.18.0.1", "10.42.1.23", "203.0.113.45", "198.51.100.7",
              "10.42.2.8", "192.0.2.200")
INFO_NOISE = (
    "[GetCachedCirculatedICY] cache hit",
    "[GetCachedBTCSupply] cache hit",
    "[GetCachedRealtimeICYBTC] cache hit",
    "[GetCachedTreasuryBTC] cache miss, fetching from blockstream",
    "[GetSwapInfo] min swap amount 0.0001 BTC",
)
DEBUG_NOISE = (
    "[GetCachedCirculatedICY] cache entry age 12s",
    "[btcrpc] selected endpoint https://blockstream.info/api",
    "[baserpc] eth_blockNumber 23987110",
)
WEBHOOK_URL = "https://uptime.betterstack.com/api/v1/heartbeat/"
WEBHOOK_TOKEN = {
    "btc_transaction_indexing": "c54EYzrJPe4LeEbmTsHZ5RHU",
    "icy_transaction_indexing": "N9agsYLbAPgooEwghtVJPZnU",
    "icy_swap_transaction_indexing": "q3JxWm7TfB2nKd8RvLs5HyEc",
    "swap_request_processing": "ZavfKycYhyqRSYUgjPafBAvd",
    "btc_pending_transaction_processing": "XzaKLjpuLxo5bCzbBRMprAkX",
}
HIST_BUCKETS = (1, 5, 10, 30, 60, 300, 600, 1800)  # seconds, as the service's histogram

# ----------------------------------------------------------------------------------------------
# Output


class Sink:
    """Collects encoded lines, stops at the first line boundary at or past `size`, feeds gzip."""

    def __init__(self, path, size, gzip_on, members):
        self.f = open(path, "wb")
        self.size = size
        self.total = 0
        self.lines = 0
        self.done = False
        self.buf = []
        self.gz_path = path + ".gz" if gzip_on else None
        self.gz_tool = None
        self.gz_file = None
        self.gz_proc = None
        self.zobj = None
        self.member_bounds = [size * k // members for k in range(1, members)] if gzip_on else []
        if gzip_on:
            self.gz_tool = shutil.which("gzip")
            self.gz_file = open(self.gz_path, "wb")
            self._open_member()

    def _open_member(self):
        if self.gz_tool:
            self.gz_file.flush()
            self.gz_proc = subprocess.Popen([self.gz_tool, "-c", "-n", "-6"], stdin=subprocess.PIPE,
                                            stdout=self.gz_file)
        else:
            self.zobj = zlib.compressobj(6, zlib.DEFLATED, 31)

    def _close_member(self):
        if self.gz_proc is not None:
            self.gz_proc.stdin.close()
            if self.gz_proc.wait() != 0:
                raise SystemExit("gzip failed")
            self.gz_proc = None
        elif self.zobj is not None:
            self.gz_file.write(self.zobj.flush())
            self.zobj = None

    def flush(self):
        if not self.buf:
            return
        data = b"".join(self.buf)
        self.buf = []
        self.f.write(data)
        if self.gz_proc is not None:
            self.gz_proc.stdin.write(data)
        elif self.zobj is not None:
            self.gz_file.write(self.zobj.compress(data))

    def put(self, line):
        b = line.encode()
        self.buf.append(b)
        self.total += len(b)
        self.lines += 1
        if self.member_bounds and self.total >= self.member_bounds[0]:
            self.flush()
            self._close_member()
            while self.member_bounds and self.total >= self.member_bounds[0]:
                self.member_bounds.pop(0)  # tiny files: never emit an empty member
            self._open_member()
        elif len(self.buf) >= 8192:
            self.flush()
        if self.total >= self.size:
            self.done = True

    def close(self):
        self.flush()
        self.f.close()
        if self.gz_file is not None:
            self._close_member()
            self.gz_file.close()


# ----------------------------------------------------------------------------------------------
# The simulation

PERMS = [list(itertools.permutations(range(n))) for n in range(8)]

(EV_BOOT, EV_TICK, EV_START, EV_END, EV_LATE_PANIC, EV_DETECT, EV_CLEANUP, EV_HEALTH, EV_CRASH,
 EV_API, EV_CB, EV_LINE, EV_GIN) = range(13)


class JobState:
    __slots__ = ("status", "created_ts", "updated_ts", "updated_ns", "last_run_ns", "last_run_ts", "last_duration",
                 "success", "failure", "consecutive", "last_error", "avg", "min", "max", "metadata")

    def __init__(self, ts, ns):
        self.status = "pending"
        self.created_ts = ts
        self.updated_ts = ts
        self.updated_ns = ns
        self.last_run_ns = None
        self.last_run_ts = None
        self.last_duration = 0
        self.success = 0
        self.failure = 0
        self.consecutive = 0
        self.last_error = ""
        self.avg = 0
        self.min = 9223372036854775807
        self.max = 0
        self.metadata = {}

    def complete(self, d, ts, ns, err):
        n = self.success + self.failure
        self.avg = d if n == 0 else (self.avg * n + d) // (n + 1)
        self.last_duration = d
        self.min = min(self.min, d)
        self.max = max(self.max, d)
        self.updated_ts = ts
        self.updated_ns = ns
        if err is None:
            self.status = "success"
            self.success += 1
            self.consecutive = 0
            self.last_error = ""
        else:
            self.status = "failed"
            self.failure += 1
            self.consecutive += 1
            self.last_error = err

    def as_dict(self):
        return {
            "status": self.status, "success_count": self.success, "failure_count": self.failure,
            "consecutive_failures": self.consecutive, "last_error": self.last_error,
            "last_duration_ns": self.last_duration, "average_execution_ns": self.avg,
            "min_execution_ns": self.min, "max_execution_ns": self.max, "metadata": self.metadata,
            "created_ts": self.created_ts, "updated_ts": self.updated_ts, "last_run_ts": self.last_run_ts,
        }


def new_life():
    return {"registered": 0, "started": 0, "success": 0, "failure": 0, "timeouts": 0, "panicked": 0,
            "late_panics": 0, "stalls_detected": 0, "error_types": {},
            "success_duration_ns_sum": 0, "failure_duration_ns_sum": 0,
            "min_duration_ns": None, "max_duration_ns": None,
            "success_buckets": [0] * len(HIST_BUCKETS), "failure_buckets": [0] * len(HIST_BUCKETS)}


class Generator:
    def __init__(self, args, sink):
        import random
        self.rng = random.Random(args.seed)
        self.sink = sink
        self.console = args.encoding == "console"
        self.off_secs, self.off_rfc, self.off_zap = args.utc_offset
        self.restart_mean = args.restart_mean_hours * 3600 * SEC
        self.heap = []
        self.seq = 0
        self.last_ns = 0
        self.proc = 0
        self.sec_cache_key = None
        self.sec_cache = None
        self.msg_counts = {}
        self.life = {j: new_life() for j in JOB_NAMES}
        self.mon = {}
        self.busy = {}
        self.cb = {"btc_rpc": "closed", "base_rpc": "closed"}
        self.incident = {j: [0, None] for j in JOB_NAMES}
        self.health_checks = 0
        self.last_health = None
        self.restarts = 0
        # Pre-rendered constant pieces
        if self.console:
            self.kv_sep, self.f_sep = ": ", ", "
        else:
            self.kv_sep, self.f_sep = ":", ","
        self.jobtok = {j: jstr(j) for j in JOB_NAMES}
        self.stack_failed = {j: jstr(job_failed_stack(j)) for j in JOB_NAMES}
        self.stack_panic = {j: jstr(job_panicked_stack(j)) for j in JOB_NAMES}
        self.stack_stall = jstr(STALL_STACK)
        self.stack_webhook = jstr(WEBHOOK_FAIL_STACK)
        self.stack_bind = jstr(BIND_STACK)
        self.stack_api = {k: jstr(v) for k, v in API_STACK.items()}
        self.errors = {j: [t for t, jobs in ERRORS if jobs is None or j in jobs] for j in JOB_NAMES}
        self.http_weights = list(itertools.accumulate(w for w, *_ in HTTP_PATHS))
        self.http_paths = [(m, p, jstr(p), lat, bad) for _, m, p, lat, bad in HTTP_PATHS]
        # Noise: background request rate (requests/s); calibrated so that job events are ~6% of lines.
        self.noise_rate = 1.71 / SEC

    # -- time formatting -------------------------------------------------------------------
    def _sec_strings(self, sec):
        if sec != self.sec_cache_key:
            tm = time.gmtime(sec + self.off_secs)
            base = "%04d-%02d-%02dT%02d:%02d:%02d" % tm[:6]
            gin = "%04d/%02d/%02d - %02d:%02d:%02d" % tm[:6]
            self.sec_cache_key = sec
            self.sec_cache = (base, jstr(base + self.off_rfc), gin)
        return self.sec_cache

    def rfc_tok(self, ns):
        sec = ns // SEC
        if sec == self.sec_cache_key:
            return self.sec_cache[1]
        tm = time.gmtime(sec + self.off_secs)
        return jstr("%04d-%02d-%02dT%02d:%02d:%02d" % tm[:6] + self.off_rfc)

    # -- line writers ------------------------------------------------------------------------
    def _stamp(self, ns):
        if ns < self.last_ns:
            ns = self.last_ns
        self.last_ns = ns
        return ns

    def zap(self, ns, level, msg, fields, stack=None, shuffle=True, caller=None, key=None):
        """One zap line; fields = list of (key, json token); counted under `key` (default: msg).
        Returns (written, ts text)."""
        if self.sink.done:
            return False, None
        ns = self._stamp(ns)
        if shuffle and len(fields) > 1:
            p = PERMS[len(fields)]
            order = p[int(self.rng.random() * len(p))]
            fields = [fields[i] for i in order]
        kv, sep = self.kv_sep, self.f_sep
        body = sep.join('"' + k + '"' + kv + v for k, v in fields)
        if self.console:
            base = self._sec_strings(ns // SEC)[0]
            head = "%s.%03d%s\t%s\t%s" % (base, (ns // MS) % 1000, self.off_zap, level.upper(), msg)
            line = head + ("\t{" + body + "}\n" if fields else "\n")
            ts = "%s.%03d%s" % (base, (ns // MS) % 1000, self.off_zap)
        else:
            ts = repr(float(ns) / 1e9)  # zap: float64(UnixNano) / 1e9, strconv 'f' -1
            if ts.endswith(".0"):
                ts = ts[:-2]
            if caller is None:
                caller = "logger/logger.go:56" if level == "error" else "logger/logger.go:76"
            line = ('{"level":"' + level + '","ts":' + ts + ',"caller":"' + caller + '","msg":' + jstr(msg)
                    + ("," + body if fields else "")
                    + (',"stacktrace":' + stack if stack is not None else "") + "}\n")
        self.sink.put(line)
        if key is None:
            key = msg
        self.msg_counts[key] = self.msg_counts.get(key, 0) + 1
        return True, ts

    def gin(self, ns, status, latency_ns, ip, method, path):
        if self.sink.done:
            return False
        ns = self._stamp(ns)
        lat = go_duration(latency_ns)
        # gin's default formatter without colours: "[GIN] %v |%s %3d %s| %13v | %15s |%s %-7s %s %#v\n%s"
        self.sink.put("[GIN] %s | %3d | %s | %15s | %-7s  %s\n" % (
            self._sec_strings(ns // SEC)[2], status, lat.rjust(13), ip, method, '"' + path + '"'))
        self.msg_counts["[GIN]"] = self.msg_counts.get("[GIN]", 0) + 1
        return True

    # -- scheduling ---------------------------------------------------------------------------
    def push(self, t, kind, a=None, b=None):
        self.seq += 1
        heapq.heappush(self.heap, (t, self.seq, kind, self.proc, a, b))

    def later(self, t, level, msg, fields=(), stack=None, key=None):
        self.push(t, EV_LINE, (level, msg, list(fields), stack, key))

    def us(self, lo, hi):
        return int((lo + (hi - lo) * self.rng.random()) * US)

    # -- process lifecycle --------------------------------------------------------------------
    def boot(self, t):
        self.proc += 1
        self.mon = {}
        self.busy = {}
        self.cb = {"btc_rpc": "closed", "base_rpc": "closed"}
        self.api_fail_streak = {}
        self.zap(t, "info", "Starting server", [("port", '"8080"')])
        t_sec = t // SEC * SEC
        for interval, conc, seq in CRON:
            self.push(t_sec + interval + self.us(40, 900), EV_TICK, (interval, conc, seq))
        self.push(t + 60 * SEC, EV_DETECT)
        self.push(t + 3600 * SEC, EV_CLEANUP)
        self.push(t + int(self.rng.random() * 60 * SEC), EV_HEALTH)
        for svc in ("btc_rpc", "base_rpc"):
            self.push(t + int(self.rng.expovariate(1.0) * 3 * 3600 * SEC), EV_API, svc, 0)
        self.push(t + int(self.rng.expovariate(1.0) * self.restart_mean), EV_CRASH)

    # -- job runs ----------------------------------------------------------------------------
    def start_run(self, t, job, then):
        """Start instant t (the monitor's LastRunTime); `then` = job to start after this one."""
        rng = self.rng
        life = self.life[job]
        js = self.mon.get(job)
        if js is None:
            ok, ts = self.zap(t - self.us(3, 12), "info", "Job registered for monitoring", [("job_name", self.jobtok[job])])
            if not ok:
                return
            js = self.mon[job] = JobState(ts, t)
            life["registered"] += 1
        ok, ts = self.zap(t + self.us(2, 25), "info", "Job started",
                          [("job_name", self.jobtok[job]), ("start_time", self.rfc_tok(t))])
        if not ok:
            return
        life["started"] += 1
        js.status = "running"
        js.last_run_ns = t
        js.last_run_ts = ts
        js.updated_ts = ts
        js.updated_ns = t
        self.busy[job] = True
        # job-specific chatter
        if job == "btc_transaction_indexing":
            self.later(t + self.us(30, 60), "info", "[IndexBtcTransaction] Start indexing BTC transactions...")
            self.later(t + self.us(60, 900), "info", "[IndexBtcTransaction] Latest BTC transaction: %064x" % rng.getrandbits(256),
                       key="[IndexBtcTransaction] Latest BTC transaction: <hash>")
        elif job == "icy_transaction_indexing":
            self.later(t + self.us(30, 60), "info", "[IndexIcyTransaction] Start indexing ICY transactions...")
        elif job == "btc_pending_transaction_processing":
            n = int(rng.random() * 4)
            if self.console:  # the production logger is at info level: debug lines only on the console
                self.later(t + self.us(30, 80), "debug", "[ProcessPendingBtcTransactions] %d pending transactions" % n,
                           key="[ProcessPendingBtcTransactions] N pending transactions")
        # plan the run
        median, sigma, timeout, may_long, _webhook, svc = JOBS[job]
        inc = self.incident[job]
        r = rng.random()
        err = None
        panic = None
        if svc is not None and self.cb[svc] == "open" and r < 0.9:
            d = int(rng.lognormvariate(0, 0.5) * 4 * MS)
            op = API_OPS[svc][0]
            err = "%s: %s: circuit breaker is open" % (svc, op)
        else:
            if may_long and r < 0.0007:
                d = int((310 + rng.random() * 470) * SEC)
            else:
                d = int(rng.lognormvariate(0, sigma) * median * MS)
            r2 = rng.random()
            if inc[0] > 0:
                inc[0] -= 1
                if r2 < 0.85:
                    err = inc[1]
            elif r2 < 0.004:
                inc[0] = 2 + int(rng.random() * 11)
                inc[1] = self.error_text(job)
                err = inc[1]
            elif r2 < 0.030:
                err = self.error_text(job)
            elif r2 < 0.033:
                pv = PANICS[int(rng.random() * len(PANICS))]
                panic = pv.replace("{n}", str(870000 + int(rng.random() * 30000)))
                err = "job panicked: " + panic
        if d >= timeout:
            d = timeout + self.us(60, 1400)
            err = "job timeout after " + go_duration(timeout)
            panic_late = rng.random() < 0.2
            if panic_late:
                pv = PANICS[int(rng.random() * len(PANICS))].replace("{n}", str(870000 + int(rng.random() * 30000)))
                self.push(t + d + self.us(500, 200000), EV_LATE_PANIC, job, pv)
            panic = None
            kind = "timeout"
        else:
            kind = "panic" if panic is not None else ("fail" if err is not None else "ok")
        self.push(t + d, EV_END, (job, t, d, kind, err, panic), then)

    def error_text(self, job):
        pool = self.errors[job]
        text = pool[int(self.rng.random() * len(pool))]
        if "{n}" in text:
            text = text.replace("{n}", str(1000 + int(self.rng.random() * 900000)))
        return text

    def end_run(self, t_end, run, then):
        job, t_start, d, kind, err, panic = run
        rng = self.rng
        js = self.mon.get(job)
        life = self.life[job]
        self.busy.pop(job, None)
        jt = self.jobtok[job]
        if kind == "panic":
            self.zap(t_end - self.us(8, 40), "error", "Job panicked", [("job_name", jt), ("panic", jstr(panic))],
                     stack=self.stack_panic[job])
            if not self.sink.done:
                life["panicked"] += 1
        if err is None:
            ok, ts = self.zap(t_end + self.us(3, 30), "info", "Job completed successfully",
                              [("job_name", jt), ("duration", jstr(go_duration(d)))])
        else:
            ok, ts = self.zap(t_end + self.us(3, 30), "error", "Job failed",
                              [("job_name", jt), ("duration", jstr(go_duration(d))), ("error", jstr(err)),
                               ("consecutive_failures", '"%d"' % (js.consecutive + 1))],
                              stack=self.stack_failed[job])
        if not ok:
            return
        js.complete(d, ts, t_end, err)
        if err is None:
            life["success"] += 1
            life["success_duration_ns_sum"] += d
            buckets = life["success_buckets"]
        else:
            life["failure"] += 1
            life["failure_duration_ns_sum"] += d
            buckets = life["failure_buckets"]
            cls = classify(err)
            life["error_types"][cls] = life["error_types"].get(cls, 0) + 1
            js.metadata["error_type"] = cls
            if kind == "timeout":
                life["timeouts"] += 1
                js.metadata["timeout"] = err[len("job timeout after "):]
            if kind == "panic":
                js.metadata["panic"] = panic
                js.metadata["stack_trace"] = "(not in the log)"
        for i, le in enumerate(HIST_BUCKETS):
            if d <= le * SEC:
                buckets[i] += 1
        if life["min_duration_ns"] is None or d < life["min_duration_ns"]:
            life["min_duration_ns"] = d
        if life["max_duration_ns"] is None or d > life["max_duration_ns"]:
            life["max_duration_ns"] = d
        # uptime webhook after a success of a job that has one
        if err is None and JOBS[job][4] is not None:
            url = jstr(WEBHOOK_URL + WEBHOOK_TOKEN[job])
            if rng.random() < 0.015:
                self.later(t_end + self.us(300, 3000), "error", "Failed to call uptime webhook",
                           [("url", url), ("error", jstr('Post "%s%s": dial tcp 104.18.12.9:443: connect: connection refused'
                                                         % (WEBHOOK_URL, WEBHOOK_TOKEN[job])))],
                           stack=self.stack_webhook)
            else:
                self.later(t_end + self.us(300, 3000), "info", "Successfully called uptime webhook",
                           [("url", url), ("status_code", '"200 OK"')])
        if then is not None:
            self.push(t_end + self.us(40, 200), EV_START, then, None)

    # -- periodic monitor work ----------------------------------------------------------------
    def detect(self, t):
        for job in JOB_NAMES:
            js = self.mon.get(job)
            if js is None or js.status != "running":
                continue
            age = t - js.last_run_ns
            if age > STALL_THRESHOLD:
                ok, ts = self.zap(t + self.us(5, 40), "error", "Job detected as stalled",
                                  [("job_name", self.jobtok[job]), ("last_run_time", self.rfc_tok(js.last_run_ns)),
                                   ("duration", jstr(go_duration(age)))], stack=self.stack_stall)
                if ok:
                    js.status = "stalled"
                    js.updated_ts = ts
                    js.updated_ns = t
                    self.life[job]["stalls_detected"] += 1

    def summary(self, t):
        running = unhealthy = stalled = 0
        crit_bad = False
        for job, js in self.mon.items():
            st = js.status
            if st == "running" and t - js.last_run_ns > STALL_THRESHOLD:
                st = "stalled"
            if st == "running":
                running += 1
            elif st == "failed":
                unhealthy += 1
                if job in CRITICAL and js.consecutive > 2:
                    crit_bad = True
            elif st == "success" and js.consecutive != 0:
                unhealthy += 1
            elif st == "stalled":
                stalled += 1
        if stalled > 0:
            overall, code = "unhealthy", 503
        elif unhealthy > 0:
            overall, code = ("unhealthy", 503) if crit_bad else ("degraded", 206)
        else:
            overall, code = "healthy", 200
        return overall, code, len(self.mon), unhealthy, stalled, running

    def health(self, t):
        overall, code, total, unhealthy, stalled, running = self.summary(t)
        r = self.rng.random()
        dur = "0ms" if r < 0.55 else ("1ms" if r < 0.8 else ("2ms" if r < 0.93 else "3ms"))
        ok, ts = self.zap(t, "info", "Jobs health check completed",
                          [("overall_status", jstr(overall)), ("duration", jstr(dur)), ("total_jobs", '"%d"' % total),
                           ("unhealthy_jobs", '"%d"' % unhealthy), ("stalled_jobs", '"%d"' % stalled),
                           ("running_jobs", '"%d"' % running)])
        if ok:
            self.health_checks += 1
            self.last_health = {"ts": ts, "overall_status": overall, "total_jobs": total,
                                "unhealthy_jobs": unhealthy, "stalled_jobs": stalled, "running_jobs": running}
        self.push(t + self.us(20, 200), EV_GIN, (code, self.us(90, 400) + int(dur[0]) * MS, "10.42.0.17", "GET", "/api/v1/health/jobs"))

    def cleanup(self, t):
        cut = t - RETENTION
        gone = [j for j, js in self.mon.items() if js.status != "running" and js.updated_ns < cut]
        for j in gone:  # never happens with these schedules, kept for faithfulness
            del self.mon[j]
        self.zap(t + self.us(5, 50), "info", "Cleaned up old job statuses", [("cleaned_count", '"%d"' % len(gone))])

    # -- external APIs and circuit breakers ---------------------------------------------------
    def api_failure(self, t, svc):
        rng = self.rng
        text, etype, slow = API_ERRORS[int(rng.random() * len(API_ERRORS))]
        op = API_OPS[svc][int(rng.random() * len(API_OPS[svc]))]
        dur = "%.3f" % ((10 + rng.random() * 0.05) if slow else (0.05 + rng.random() * 1.2))
        self.zap(t, "error", "External API call failed",
                 [("service", jstr(svc)), ("operation", jstr(op)), ("duration", jstr(dur)), ("error", jstr(text)),
                  ("error_type", jstr(etype)), ("cb_state", jstr(self.cb[svc]))], stack=self.stack_api[svc])

    def cb_change(self, t, svc, to):
        frm = self.cb[svc]
        self.cb[svc] = to
        self.zap(t, "info", "Circuit breaker state change", [("service", jstr(svc)), ("from", jstr(frm)), ("to", jstr(to))])

    def on_api(self, t, svc, n):
        """Failure bursts: every few hours per service; 5 failures in a row open the breaker."""
        rng = self.rng
        if n == 0:  # a new burst
            n = 1 + int(rng.random() * 9)
        if self.cb[svc] != "open":
            self.api_failure(t, svc)
            self.api_fail_streak[svc] = self.api_fail_streak.get(svc, 0) + 1
            if self.cb[svc] == "half-open" or self.api_fail_streak[svc] >= 5:
                self.cb_change(t + self.us(5, 30), svc, "open")
                self.api_fail_streak[svc] = 0
                self.push(t + (30 + int(rng.random() * 5)) * SEC, EV_CB, svc, "half-open")
        n -= 1
        if n > 0:
            self.push(t + int((0.5 + rng.random() * 8) * SEC), EV_API, svc, n)
        else:
            self.api_fail_streak[svc] = 0
            self.push(t + int(rng.expovariate(1.0) * 3 * 3600 * SEC), EV_API, svc, 0)

    def on_cb(self, t, svc, to):
        if self.cb[svc] == "open" and to == "half-open":
            self.cb_change(t, svc, "half-open")
            self.push(t + int((2 + self.rng.random() * 20) * SEC), EV_CB, svc, "closed")
        elif self.cb[svc] == "half-open" and to == "closed":
            if self.rng.random() < 0.2:  # the probe failed
                self.api_failure(t, svc)
                self.cb_change(t + self.us(5, 30), svc, "open")
                self.push(t + 30 * SEC, EV_CB, svc, "half-open")
            else:
                self.cb_change(t, svc, "closed")

    # -- background noise ---------------------------------------------------------------------
    def noise(self, t):
        rng = self.rng
        r = rng.random()
        if r < 0.012:  # sporadic external API failure (no breaker change)
            svc = "btc_rpc" if rng.random() < 0.5 else "base_rpc"
            self.api_failure(t, svc)
            return
        if r < 0.03:
            self.zap(t, "info", INFO_NOISE[int(rng.random() * len(INFO_NOISE))], [])
            return
        if r < 0.045:
            msg = DEBUG_NOISE[int(rng.random() * len(DEBUG_NOISE))]
            if self.console:
                self.zap(t, "debug", msg, [])
            return
        x = rng.random() * self.http_weights[-1]
        i = 0
        while self.http_weights[i] < x:
            i += 1
        method, path, ptok, lat_us, bad = self.http_paths[i]
        ip = CLIENT_IPS[int(rng.random() * len(CLIENT_IPS))] if path != "/metrics" else "10.42.0.5"
        lat = int(rng.lognormvariate(0, 0.7) * lat_us * US)
        status = 200
        # the request ends at t: every line of it is written at or before t
        if bad and rng.random() < bad:
            status = 400
            self.zap(t - self.us(20, 60), "error", "[CreateSwapRequest][ShouldBindJSON]",
                     [("error", jstr("Key: 'CreateSwapRequest.BTCAddress' Error:Field validation for 'BTCAddress' failed on the 'required' tag"))],
                     stack=self.stack_bind)
        elif path.startswith("/api/v1/oracle") and rng.random() < 0.3:
            self.zap(t - lat // 2, "info", INFO_NOISE[int(rng.random() * 3)], [])
        elif rng.random() < 0.004:
            status = 500
        if path.startswith("/api/") and rng.random() < 0.6:
            self.zap(t - self.us(2, 10), "info", "HTTP request",
                     [("method", jstr(method)), ("path", ptok), ("status", str(status)),
                      ("latency", jstr(go_duration(lat))), ("client_ip", jstr(ip))],
                     shuffle=False, caller="middleware/logging.go:41")
        self.gin(t, status, lat, ip, method, path)

    # -- main loop -----------------------------------------------------------------------------
    def run(self, t0):
        rng = self.rng
        heap = self.heap
        self.push(t0, EV_BOOT)
        next_noise = t0 + SEC
        sink = self.sink
        while not sink.done:
            t, _, kind, proc, a, b = heap[0]
            if next_noise < t:
                self.noise(next_noise)
                next_noise += int(rng.expovariate(1.0) / self.noise_rate)
                continue
            heapq.heappop(heap)
            if proc != self.proc and kind != EV_BOOT:
                continue  # belongs to a process that died
            if kind == EV_START:
                if not self.busy.get(a):
                    self.start_run(t, a, b)
                elif b is not None and not self.busy.get(b):
                    self.start_run(t, b, None)
            elif kind == EV_END:
                self.end_run(t, a, b)
            elif kind == EV_TICK:
                interval, conc, seqjobs = a
                for job in conc:
                    self.push(t + self.us(3, 120), EV_START, job, None)
                if seqjobs:
                    self.push(t + self.us(3, 120), EV_START, seqjobs[0], seqjobs[1] if len(seqjobs) > 1 else None)
                self.push((t // SEC) * SEC + interval + self.us(40, 900), EV_TICK, a)
            elif kind == EV_HEALTH:
                self.health(t)
                self.push(t + 60 * SEC + self.us(-20000, 20000), EV_HEALTH)
            elif kind == EV_DETECT:
                self.detect(t)
                self.push(t + 60 * SEC, EV_DETECT)
            elif kind == EV_CLEANUP:
                self.cleanup(t)
                self.push(t + 3600 * SEC, EV_CLEANUP)
            elif kind == EV_LATE_PANIC:
                ok, _ = self.zap(t, "error", "Job panicked", [("job_name", self.jobtok[a]), ("panic", jstr(b))],
                                 stack=self.stack_panic[a])
                if ok:
                    self.life[a]["panicked"] += 1
                    self.life[a]["late_panics"] += 1
            elif kind == EV_LINE:
                level, msg, fields, stack, key = a
                self.zap(t, level, msg, fields, stack=stack, key=key)
            elif kind == EV_GIN:
                self.gin(t, *a)
            elif kind == EV_API:
                self.on_api(t, a, b)
            elif kind == EV_CB:
                self.on_cb(t, a, b)
            elif kind == EV_CRASH:
                # the process dies silently; a new one starts after a short outage
                self.proc += 1
                self.restarts += 1
                back = t + int((5 + rng.random() * 85) * SEC)
                self.push(back, EV_BOOT)
                next_noise = back + int(rng.expovariate(1.0) / self.noise_rate)
            elif kind == EV_BOOT:
                self.boot(t)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=parse_size, default=parse_size("100M"),
                    help="bytes to write (suffix K/M/G/T, 1024-based); stops at the first line boundary at or past it")
    ap.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    ap.add_argument("--encoding", choices=("json", "console"), default="json",
                    help="json = production zap encoder (default), console = development encoder")
    ap.add_argument("--out", required=True, help="output path (PATH.counts.json and PATH.gz are written next to it)")
    ap.add_argument("--gzip", action="store_true", help="also write PATH.gz")
    ap.add_argument("--gzip-members", type=int, default=1, metavar="N",
                    help="split PATH.gz into N concatenated gzip members at line boundaries (implies --gzip)")
    ap.add_argument("--utc-offset", type=parse_offset, default=None,
                    help="process time zone, Z or +HH:MM (default: Z for json, +07:00 for console)")
    ap.add_argument("--restart-mean-hours", type=float, default=36.0,
                    help="mean process uptime between restarts (default 36h of log time)")
    ap.add_argument("--start", default="2026-11-01T00:00:00Z", help="UTC start time, YYYY-MM-DDTHH:MM:SSZ")
    ap.add_argument("--quiet", action="store_true", help="no summary on stderr")
    args = ap.parse_args()
    if args.utc_offset is None:
        args.utc_offset = parse_offset("Z" if args.encoding == "json" else "+07:00")
    if args.gzip_members < 1:
        ap.error("--gzip-members must be >= 1")
    gzip_on = args.gzip or args.gzip_members > 1
    t0 = calendar.timegm(time.strptime(args.start, "%Y-%m-%dT%H:%M:%SZ")) * SEC + 123_456_789

    began = time.monotonic()
    sink = Sink(args.out, args.size, gzip_on, args.gzip_members)
    gen = Generator(args, sink)
    gen.run(t0)
    sink.close()
    elapsed = time.monotonic() - began

    job_msgs = {m: c for m, c in gen.msg_counts.items() if m.startswith("Job ")}
    job_lines = sum(job_msgs.values())
    final = {j: s.as_dict() for j, s in gen.mon.items()}
    counts = {
        "generator": {"seed": args.seed, "encoding": args.encoding, "size_requested": args.size,
                      "utc_offset": args.utc_offset[1], "restart_mean_hours": args.restart_mean_hours,
                      "start": args.start},
        "bytes": sink.total,
        "lines": sink.lines,
        "job_event_lines": job_lines,
        "job_event_share": round(job_lines / max(sink.lines, 1), 4),
        "messages": dict(sorted(gen.msg_counts.items())),
        "processes": gen.proc if gen.proc else 0,
        "restarts_in_file": gen.msg_counts.get("Starting server", 0) - 1,
        "jobs": {j: {k: v for k, v in gen.life[j].items()} for j in JOB_NAMES},
        "histogram_buckets_seconds": list(HIST_BUCKETS),
        "last_process": {"jobs": final, "last_health_check": gen.last_health,
                         "note": "monitor state after the last line of the file (stored status; a running job "
                                 "may read as stalled depending on the read time)"},
        "gzip_members": args.gzip_members if gzip_on else 0,
    }
    with open(args.out + ".counts.json", "w") as f:
        json.dump(counts, f, indent=1, sort_keys=False, ensure_ascii=False)
        f.write("\n")

    if not args.quiet:
        w = sys.stderr.write
        w("generate_corpus: %s (%s, seed %d): %d bytes, %d lines, %.1f s, %.1f MB/s, %.0f lines/s%s\n" % (
            args.out, args.encoding, args.seed, sink.total, sink.lines, elapsed, sink.total / 1e6 / max(elapsed, 1e-9),
            sink.lines / max(elapsed, 1e-9), " (+ .gz, %d member%s)" % (args.gzip_members, "s" if args.gzip_members > 1 else "") if gzip_on else ""))
        w("  job events: %d lines (%.2f%% of lines); restarts: %d\n" % (job_lines, 100.0 * job_lines / max(sink.lines, 1),
                                                                     counts["restarts_in_file"]))
        for m in sorted(job_msgs):
            w("    %-34s %d\n" % (m, job_msgs[m]))
        w("  per job (success/failure):")
        for j in JOB_NAMES:
            w(" %s=%d/%d" % (j, gen.life[j]["success"], gen.life[j]["failure"]))
        w("\n  counts: %s.counts.json\n" % args.out)


if __name__ == "__main__":
    main()
