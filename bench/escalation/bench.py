#!/usr/bin/env python3
"""Escalation timers under load, loopback only (bench/escalation/run.sh is the entry point).

Opens INCIDENTS incidents at once, each on a 3-step policy (a user per step, DELAY seconds between
steps), through the real intake (POST /api/v2/alerts, one group per alert, group_wait 0s), then
reads every page back and reports, per case:
  - step lateness: a page's created_at minus the time its step's timer was due (steps 2 and 3),
  - step 1: how long after the first alert was posted the last first-step page was written,
  - pages due per second over the run's busiest second,
  - duplicates (the same incident, cycle, step, repeat and user paged twice) and lost (fewer pages
    than the policy's three),
  - early: steps 2-3 paged more than 50 ms before their timer was due (an escalation that did not
    wait out its delay, e.g. because notify found nobody reachable),
  - the servers' CPU seconds over the case (utime + stime of their processes), comparable across
    runs on a shared machine where the load average is not.
Each user has a webhook contact method to a local sink (loopback, FIREBREAK_NOTIFY_ALLOWEDNETWORKS),
so a build with a webhook provider delivers pages there instead of moving on for want of one.
Cases: h2, postgres, postgres-2nodes (two servers on one database, alerts split between them) and,
with KILL=1, postgres-2nodes-kill (one node gets kill -9 halfway through the second step's window).
"""
import http.server
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

JAR = os.environ.get("JAR", "target/firebreak.jar")
INCIDENTS = int(os.environ.get("INCIDENTS", "10000"))
DELAY = int(os.environ.get("DELAY", "30"))
CASES = os.environ.get("CASES", "h2 postgres postgres-2nodes").split()
if os.environ.get("KILL") == "1" and "postgres-2nodes-kill" not in CASES:
    CASES.append("postgres-2nodes-kill")
FB_OPTS = os.environ.get("FB_OPTS", "-XX:+UseSerialGC -Xms32m -Xmx384m -XX:TieredStopAtLevel=1 -Xss512k").split()
BATCH = 250
PASSWORD = "bench-password-123"
work = tempfile.mkdtemp(prefix="fb-esc-")
hook = None
procs = []
databases = []


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Sink(http.server.BaseHTTPRequestHandler):
    """The users' webhook: takes every delivery, answers 204, counts them."""

    received = 0

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        Sink.received += 1
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def sink():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Sink)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return "http://127.0.0.1:%d/page" % server.server_address[1]


TICK = os.sysconf("SC_CLK_TCK")


def cpu(pgids):
    """CPU seconds so far of every process in these process groups (a node and its AOT child)."""
    total = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            fields = open("/proc/%s/stat" % pid).read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) in pgids:
            total += int(fields[11]) + int(fields[12])
    return total / TICK


def call(url, method="GET", body=None, token=None, content="application/json", timeout=60):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", content)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            text = r.read().decode()
            return r.status, (json.loads(text) if text and text[0] in "[{" else text)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def admin(env, *args):
    out = subprocess.run(["java", "-jar", JAR, "admin", *args], env=env, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("admin %s failed: %s" % (args[0], out.stderr.strip()[-500:]))
    return out.stdout.strip()


def environment(db):
    env = dict(os.environ)
    data = tempfile.mkdtemp(dir=work)
    env.update(FIREBREAK_DATA_DIR=data, FIREBREAK_ADMIN_PASSWORD=PASSWORD)
    routing = os.path.join(work, "routing.yml")
    with open(routing, "w") as f:
        f.write("route:\n  group_by: [alertname]\n  group_wait: 0s\n  escalation_policy: bench\n")
    env["FIREBREAK_ALERTS_ROUTING_FILE"] = routing
    env["FIREBREAK_NOTIFY_ALLOWEDNETWORKS"] = "127.0.0.0/8"
    env.pop("FIREBREAK_DB_URL", None)
    if db == "postgres":
        name = "fbesc_%d_%d" % (os.getpid(), len(databases))
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
        databases.append(name)
        env.update(FIREBREAK_DB_URL="jdbc:postgresql://127.0.0.1:5432/" + name, FIREBREAK_DB_USER="postgres")
    return env


def start(env, log):
    port = free_port()
    p = subprocess.Popen(
        ["java", *FB_OPTS, "-jar", JAR, "--port", str(port)],
        env=env,
        stdout=open(log, "w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    procs.append(p)
    url = "http://127.0.0.1:%d" % port
    for _ in range(1200):
        if p.poll() is not None:
            sys.exit("server died: " + open(log).read()[-2000:])
        try:
            if call(url + "/actuator/health/readiness", timeout=2)[0] == 200:
                return p, url
        except OSError:
            pass
        time.sleep(0.1)
    sys.exit("server not ready")


def setup(url, token, hook):
    for u in ("first", "second", "third"):
        status, body = call(url + "/api/v1/users", "POST", {"username": u, "password": PASSWORD, "role": "responder"}, token)
        if status >= 300:
            sys.exit("create user %s: %s %s" % (u, status, body))
        status, body = call(url + "/api/v1/users/%s/contact-methods" % u, "POST", {"kind": "webhook", "address": hook, "label": "bench"}, token)
        if status >= 300:
            sys.exit("contact method for %s: %s %s" % (u, status, body))
    policy = {
        "name": "bench",
        "description": "bench/escalation",
        "repeat": 0,
        "tiers": [{"steps": [{"targets": [{"kind": "user", "name": u}], "delay": "%ds" % DELAY} for u in ("first", "second", "third")]}],
    }
    status, body = call(url + "/api/v1/escalation-policies", "POST", policy, token)
    if status >= 300:
        sys.exit("create policy: %s %s" % (status, body))


def fire(urls, key, first, count):
    n = 0
    while n < count:
        alerts = [
            {"labels": {"alertname": "EscBench%d" % (first + n + i), "severity": "critical"}, "annotations": {"summary": "bench"}}
            for i in range(min(BATCH, count - n))
        ]
        url = urls[(n // BATCH) % len(urls)]
        status, body = call(url + "/api/v2/alerts", "POST", alerts, key)
        if status >= 300:
            sys.exit("intake: %s %s" % (status, body))
        n += len(alerts)


def pages(url, token):
    out, after = [], 0
    while True:
        status, body = call(url + "/api/v1/admin/pages?after=%d&limit=5000" % after, token=token)
        if status != 200:
            sys.exit("pages: %s %s" % (status, body))
        if not body:
            return out
        out += body
        after = body[-1]["id"]


def parse(t):
    # 2026-12-01T23:59:59.123456Z
    from datetime import datetime

    return datetime.fromisoformat(t.replace("Z", "+00:00")).timestamp()


def pct(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100.0 * (len(s) - 1))))]


def run(case):
    db = "h2" if case == "h2" else "postgres"
    env = environment(db)
    admin(env, "create-user", "bench", "--role", "admin", "--password", PASSWORD)
    token = admin(env, "create-token", "bench")
    key = admin(env, "create-integration", "--type", "prometheus", "--name", "bench", "--rate", "1000000", "--burst", "1000000")
    nodes = [start(env, os.path.join(work, "%s-a.log" % case))]
    if case.startswith("postgres-2nodes"):
        nodes.append(start(env, os.path.join(work, "%s-b.log" % case)))
    urls = [u for _, u in nodes]
    setup(urls[0], token, hook)
    pgids = {p.pid for p, _ in nodes}
    load0 = os.getloadavg()[0]
    cpu0 = cpu(pgids)
    t0 = time.time()
    fire(urls, key, 0, INCIDENTS)
    fired = time.time() - t0
    killed = False
    deadline = t0 + fired + 3 * DELAY + 120
    while time.time() < deadline:
        if case.endswith("-kill") and not killed and time.time() > t0 + fired + DELAY * 1.5:
            os.killpg(nodes[1][0].pid, signal.SIGKILL)
            killed = True
        # Each node's gauges are its own; the pages themselves say when every step has run.
        if time.time() > t0 + fired + 3 * DELAY and len(pages(urls[0], token)) >= 3 * INCIDENTS:
            break
        time.sleep(1)
    elapsed = time.time() - t0
    used = cpu(pgids) - cpu0
    got = pages(urls[0], token)
    load1 = os.getloadavg()[0]
    for p, _ in nodes:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGTERM)
            p.wait(60)
    per = {}
    keys = {}
    late, first = [], []
    early = 0
    buckets = {}
    for g in got:
        per[g["incidentId"]] = per.get(g["incidentId"], 0) + 1
        k = (g["incidentId"], g["cycle"], g["step"], g["loop"], g["username"])
        keys[k] = keys.get(k, 0) + 1
        if g["step"] == 0:
            first.append(parse(g["createdAt"]) - t0)
        else:
            late.append(parse(g["createdAt"]) - parse(g["dueAt"]))
            early += late[-1] < -0.05
        b = int(parse(g["createdAt"]))
        buckets[b] = buckets.get(b, 0) + 1
    duplicates = sum(c - 1 for c in keys.values() if c > 1)
    lost = sum(max(0, 3 - per.get(i, 0)) for i in per) + max(0, INCIDENTS - len(per)) * 3
    return {
        "case": case + (" (node killed)" if killed else ""),
        "incidents": len(per),
        "pages": len(got),
        "p50": pct(late, 50),
        "p99": pct(late, 99),
        "max": max(late) if late else float("nan"),
        "first_last": max(first) if first else float("nan"),
        "peak": max(buckets.values()) if buckets else 0,
        "duplicates": duplicates,
        "lost": lost,
        "early": early,
        "cpu": used,
        "fired": fired,
        "elapsed": elapsed,
        "load": "%.1f -> %.1f" % (load0, load1),
    }


def main():
    global hook
    print("machine: %d cores, load %s; %d incidents x 3 steps, %d s between steps" % (os.cpu_count(), "%.2f %.2f %.2f" % os.getloadavg(), INCIDENTS, DELAY))
    rows = []
    hook = sink()
    try:
        for case in CASES:
            rows.append(run(case))
            print("done:", rows[-1], file=sys.stderr)
    finally:
        for p in procs:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGKILL)
        for name in databases:
            subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name])
    print()
    print("| case | incidents | pages | steps 2-3 lateness p50 / p99 / max (s) | last step-1 page after the first alert (s) | busiest second (pages) | duplicates | lost | early | alerts posted in (s) | server CPU (s) | load |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            "| %s | %d | %d | %.3f / %.3f / %.3f | %.1f | %d | %d | %d | %d | %.1f | %.0f | %s |"
            % (r["case"], r["incidents"], r["pages"], r["p50"], r["p99"], r["max"], r["first_last"], r["peak"], r["duplicates"], r["lost"], r["early"], r["fired"], r["cpu"], r["load"])
        )
    print("webhook deliveries: %d" % Sink.received)
    if any(r["early"] for r in rows):
        print("early pages: an escalation moved on before its delay (nobody reachable? a build without a webhook provider)", file=sys.stderr)
    if any(r["duplicates"] or r["lost"] or r["early"] for r in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
