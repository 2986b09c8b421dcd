#!/usr/bin/env python3
"""Runbook command runs through Firebreak beside the same command run straight (bench/execution/run.sh).

One Firebreak (H2) on 127.0.0.1 with one service enabled for execution and one incident whose
runbook has a read-only `echo` step and a read-only `seq 1 LINES` step (about 10 MB).
  - overhead, RUNS times: POST /api/v1/incidents/{id}/runs, then GET /api/v1/runs/{run}/stream
    (server-sent events, as the incident page's browser reads it) until the end event. Measured on
    this process's monotonic clock from the POST: first output byte, and the end; "overhead" is the
    end minus the command's own time as the runner measured it (durationMillis). The peer is the same
    command run here with `bash -c` (spawn to exit), the cost of any runner at all.
  - streaming: the seq step watched by WATCHERS event streams at once, opened right after the POST;
    each must receive exactly the expected text with chunk numbers 0, 1, 2... (no loss, no
    reordering, no repeat), and GET .../output must equal it too. A failure fails the run.
"""
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

JAR = os.environ.get("JAR", "target/firebreak.jar")
RUNS = int(os.environ.get("RUNS", "40"))
LINES = int(os.environ.get("LINES", "1500000"))
WATCHERS = int(os.environ.get("WATCHERS", "2"))
FB_OPTS = os.environ.get("FB_OPTS", "-XX:+UseSerialGC -Xms32m -Xmx384m -XX:TieredStopAtLevel=1 -Xss512k").split()
PASSWORD = "bench-password-123"
work = tempfile.mkdtemp(prefix="fb-exec-")
procs = []


def log(*args):
    print("[%s]" % time.strftime("%H:%M:%S"), *args, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(url, method="GET", body=None, token=None, timeout=60, raw=None, content_type="application/json"):
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", content_type)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            text = r.read().decode()
            return r.status, (json.loads(text) if text and text[0] in "[{" else text)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))]


def stream(port, run, token, on_first=None):
    """Reads the run's event stream to its end: (text, chunk numbers, the ended run)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    conn.request("GET", "/api/v1/runs/%d/stream" % run, headers={"Authorization": "Bearer " + token, "Accept": "text/event-stream"})
    resp = conn.getresponse()
    if resp.status != 200:
        sys.exit("stream answered %d" % resp.status)
    parts, seqs, event, ended = [], [], None, None
    while ended is None:
        line = resp.readline()
        if not line:
            break
        line = line.decode().rstrip("\r\n")
        if line.startswith("event:"):
            event = line[6:]
        elif line.startswith("data:"):
            data = json.loads(line[5:])
            if event == "output":
                if on_first and not seqs:
                    on_first()
                seqs.append(data["seq"])
                parts.append(data["text"])
            elif event == "end":
                ended = data
    conn.close()
    return "".join(parts), seqs, ended


def main():
    port = free_port()
    url = "http://127.0.0.1:%d" % port
    data = os.path.join(work, "data")
    routing = os.path.join(work, "routing.yml")
    with open(routing, "w") as f:
        f.write("route:\n  group_by: [alertname]\n  group_wait: 0s\n  service: bench\n  runbook: bench-exec\n")
    env = dict(os.environ)
    for k in [k for k in env if k.startswith("FIREBREAK_DB_")]:
        del env[k]
    env.update(
        FIREBREAK_DATA_DIR=data,
        FIREBREAK_ADMIN_PASSWORD=PASSWORD,
        FIREBREAK_ALERTS_ROUTING_FILE=routing,
        FIREBREAK_EXECUTION_OUTPUT_CAP="64MB",
        FIREBREAK_EXECUTION_RATE_LIMIT="1000000",
        FIREBREAK_EXECUTION_COOLDOWN="0s",
    )

    def admin(*args):
        out = subprocess.run(["java", "-jar", JAR, "admin", *args], env=env, capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit("admin %s failed: %s" % (args[0], out.stderr.strip()[-800:]))
        return out.stdout.strip()

    admin("create-user", "bench", "--role", "admin", "--password", PASSWORD)
    token = admin("create-token", "bench")
    key = admin("create-integration", "--type", "prometheus", "--name", "bench")
    p = subprocess.Popen(["java", *FB_OPTS, "-jar", JAR, "--port", str(port)], env=env,
                         stdout=open(os.path.join(work, "fb.log"), "w"), stderr=subprocess.STDOUT, start_new_session=True)
    procs.append(p)
    t0 = time.monotonic()
    while call_ok(url + "/actuator/health/readiness") is False:
        if p.poll() is not None or time.monotonic() - t0 > 300:
            sys.exit("Firebreak did not start; log in " + work)
        time.sleep(0.2)
    markdown = ("# Bench exec\n\n## Diagnosis\n\n```bash\necho hello\n```\n\n```bash\nseq 1 %d\n```\n" % LINES).encode()
    status, body = call(url + "/api/v1/runbooks/bench-exec", "PUT", raw=markdown, token=token, content_type="text/markdown")
    if status >= 300:
        sys.exit("runbook: %s %s" % (status, body))
    status, body = call(url + "/api/v1/execution/services/bench", "PUT", {"enabled": True}, token)
    if status >= 300:
        sys.exit("enable: %s %s" % (status, body))
    alert = [{"labels": {"alertname": "ExecBench", "severity": "warning"}, "annotations": {"summary": "bench"}}]
    req = urllib.request.Request(url + "/api/v2/alerts", data=json.dumps(alert).encode(), method="POST")
    req.add_header("Content-Type", "application/json")
    req.add_header("Authorization", "Bearer " + key)
    urllib.request.urlopen(req, timeout=30).read()
    incident = None
    for _ in range(300):
        status, body = call(url + "/api/v1/incidents?q=ExecBench", token=token)
        if status == 200 and body:
            incident = body[0]["id"]
            break
        time.sleep(0.1)
    if incident is None:
        sys.exit("no incident opened")

    # The peer: the same command, spawned straight from here.
    direct = []
    for _ in range(RUNS):
        t = time.monotonic()
        subprocess.run(["bash", "-c", "echo hello"], stdout=subprocess.DEVNULL, check=True)
        direct.append((time.monotonic() - t) * 1000)

    first, total, overhead, own = [], [], [], []
    for i in range(RUNS + 3):
        t = time.monotonic()
        status, run = call(url + "/api/v1/incidents/%d/runs" % incident, "POST", {"step": "diagnosis.1"}, token)
        if status != 201:
            sys.exit("run: %s %s" % (status, run))
        seen = []
        text, seqs, ended = stream(port, run["id"], token, on_first=lambda: seen.append(time.monotonic()))
        end = time.monotonic()
        if text != "hello\n" or ended is None or ended["state"] != "SUCCEEDED":
            sys.exit("run %d: wrong output %r or end %r" % (run["id"], text, ended))
        if i < 3:
            continue  # warm-up
        first.append((seen[0] - t) * 1000)
        total.append((end - t) * 1000)
        own.append(ended["durationMillis"])
        overhead.append((end - t) * 1000 - ended["durationMillis"])

    def row(name, values):
        return "| %s | %.1f | %.1f | %.1f |" % (name, statistics.median(values), pct(values, 95), max(values))

    load = "%.2f %.2f %.2f" % os.getloadavg()
    print("\n## Read-only step `echo hello`, %d runs (load average before streaming: %s)\n" % (RUNS, load))
    print("| measure (ms) | p50 | p95 | max |\n|---|---|---|---|")
    print(row("bash -c straight (peer: spawn to exit)", direct))
    print(row("Firebreak: POST to first output byte", first))
    print(row("Firebreak: POST to end event", total))
    print(row("Firebreak: the command's own time (runner)", own))
    print(row("Firebreak: overhead (end minus own time)", overhead))

    expected = "".join("%d\n" % n for n in range(1, LINES + 1))
    t = time.monotonic()
    status, run = call(url + "/api/v1/incidents/%d/runs" % incident, "POST", {"step": "diagnosis.2"}, token)
    results = [None] * WATCHERS

    def watch(k):
        results[k] = stream(port, run["id"], token)

    threads = [threading.Thread(target=watch, args=(k,)) for k in range(WATCHERS)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    elapsed = time.monotonic() - t
    failed = False
    for k, (text, seqs, ended) in enumerate(results):
        ok = text == expected and seqs == list(range(len(seqs))) and ended and ended["state"] == "SUCCEEDED"
        failed |= not ok
        print("\nwatcher %d: %d bytes in %d chunks, %s" % (k + 1, len(text), len(seqs),
              "exact and in order" if ok else "MISMATCH (lost, reordered or repeated output)"))
    status, stored = call(url + "/api/v1/runs/%d/output" % run["id"], token=token, timeout=120)
    stored_ok = stored == expected
    failed |= not stored_ok
    print("stored output: %s" % ("exact" if stored_ok else "MISMATCH"))
    print("10 MB stream: %.2f s from POST to both end events (%.1f MB/s per watcher); command's own time %.2f s; load %s"
          % (elapsed, len(expected) / elapsed / 1e6, results[0][2]["durationMillis"] / 1000.0, "%.2f %.2f %.2f" % os.getloadavg()))
    return 1 if failed else 0


def call_ok(url):
    try:
        return call(url, timeout=2)[0] == 200
    except OSError:
        return False


if __name__ == "__main__":
    try:
        code = main()
    finally:
        for p in procs:
            try:
                os.killpg(p.pid, 15)
                p.wait(30)
            except Exception:
                pass
    sys.exit(code)
