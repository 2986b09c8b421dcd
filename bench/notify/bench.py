#!/usr/bin/env python3
"""Alert in to message out, Firebreak and Alertmanager side by side (bench/notify/run.sh is the entry point).

One Firebreak (H2) and one Alertmanager run for the whole bench, both delivering a webhook to the
same sink on 127.0.0.1 (one HTTP server in this process, /firebreak and /alertmanager). Per phase,
one open-loop client per system posts the same alerts on the same schedule (one alert per
request, up to CONNS in flight, a unique alertname per alert, so every alert is a new group,
group_wait 0s, and a new incident on Firebreak). Measured per alert and system, on this process's
monotonic clock:
  - latency: the sink's receipt of the first webhook naming the alert minus the client's 2xx,
  - lost: an alert that got a 2xx but no webhook by the end of the run (each phase waits up to
    DRAIN s for its webhooks before the next one starts),
  - doubled: webhooks beyond the first for one alert; on Firebreak split into resends of the same
    webhook-id (what a crash may cause, and a receiver drops by the key) and other ids (a second
    message for the same page, never expected).
Firebreak's latency is also split at the incident's opening and the page's ledger row (read from
its database at the end). Phases: a warm-up (not reported), then each of RATES (new incidents per
minute) for DURATION s, then a kill phase at KILL_RATE for KILL_DURATION s with Firebreak killed
(kill -9, its launcher and server JVM) halfway and restarted at once on the same data directory
and port; the Firebreak client keeps resending an alert it could not post until it gets a 2xx, as
Prometheus would. The ledger as the crash left it (a copy of the H2 file taken before the restart)
names the messages the crash cut (SENDING, or attempts > 1); every repeated webhook-id must be one
of them, else the run fails (as it does for a lost page or an other-id double).
"""
import concurrent.futures
import csv
import glob
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

JAR = os.environ.get("JAR", "target/firebreak.jar")
AM_BIN = os.environ.get("AM_BIN") or shutil.which("prometheus-alertmanager") or shutil.which("alertmanager")
RATES = [int(r) for r in os.environ.get("RATES", "10 100 1000").split()]
DURATION = float(os.environ.get("DURATION", "90"))
WARMUP = int(os.environ.get("WARMUP", "30"))  # alerts, posted 5 a second
# People paged (alert i pages oncall-(i % USERS)); one person gets every page by default, as
# Alertmanager's one receiver gets every group.
USERS = int(os.environ.get("USERS", "1"))
CONNS = int(os.environ.get("CONNS", "4"))  # posts in flight at most, per system
KILL = os.environ.get("KILL", "1") == "1"
KILL_RATE = int(os.environ.get("KILL_RATE", "1000"))
KILL_DURATION = float(os.environ.get("KILL_DURATION", "90"))
# The sink answers Firebreak's webhooks this much later in the kill phase only (its receipt time is
# taken on arrival), so that sends are in flight when the kill comes: otherwise at 17 sends a
# second of a few ms each, the crash rarely cuts one and the resend path goes untested.
KILL_SINK_DELAY = float(os.environ.get("KILL_SINK_DELAY", "0.2"))
RESTARTS = int(os.environ.get("RESTARTS", "3"))  # starts tried after the kill, for a server that dies starting
DRAIN = float(os.environ.get("DRAIN", "60"))  # s after a phase's last post to wait for its webhooks
KILL_DRAIN = float(os.environ.get("KILL_DRAIN", "180"))
QUIET = float(os.environ.get("QUIET", "5"))  # s after the last phase, for late duplicates
FB_OPTS = os.environ.get("FB_OPTS", "-XX:+UseSerialGC -Xms32m -Xmx384m -XX:TieredStopAtLevel=1 -Xss512k").split()
PASSWORD = "bench-password-123"
NAME = re.compile(r"NotifyBench-[a-z0-9]+-\d+")

work = tempfile.mkdtemp(prefix="fb-notify-")
WALL = time.time() - time.monotonic()  # monotonic + WALL = Unix time, to compare with the ledger's
procs = []
lock = threading.Lock()
receipts = []  # (system, monotonic time, alertname, id, incident id)
others = {}  # Firebreak webhooks that are not pages, by their type
sink_delay = {"firebreak": 0.0, "alertmanager": 0.0}


def log(*args):
    print("[%s]" % time.strftime("%H:%M:%S"), *args, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def loadavg():
    return "%.2f %.2f %.2f" % os.getloadavg()


# ---------------------------------------------------------------- sink


class Sink(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as both senders use it

    def do_POST(self):
        t = time.monotonic()
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        system = self.path.strip("/").split("/")[0]
        rows, apart = [], False
        try:
            doc = json.loads(body)
        except ValueError:
            doc = None
        if system == "alertmanager" and isinstance(doc, dict):
            for a in doc.get("alerts", []):
                rows.append((system, t, a.get("labels", {}).get("alertname"), a.get("fingerprint") or doc.get("groupKey"), None))
        elif system == "firebreak":
            data = doc.get("data", {}) if isinstance(doc, dict) else {}
            incident = data.get("incidentId")
            kind = doc.get("type") if isinstance(doc, dict) else None
            apart = kind not in (None, "incident.paged")
            if apart:
                # Not a page (an update reminder, a state change): counted apart, never as a double page.
                with lock:
                    others[kind] = others.get(kind, 0) + 1
            else:
                for name in sorted(set(NAME.findall(body.decode("utf-8", "replace")))) or [None]:
                    rows.append((system, t, name, self.headers.get("webhook-id"), incident))
        with lock:
            if rows or system != "firebreak" or not apart:
                receipts.extend(rows or [(system, t, None, None, None)])
        delay = sink_delay.get(system, 0.0)
        if delay:
            time.sleep(delay)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def start_sink():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Sink)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return "http://127.0.0.1:%d" % server.server_address[1]


# ---------------------------------------------------------------- servers


def call(url, method="GET", body=None, token=None, timeout=60):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            text = r.read().decode()
            return r.status, (json.loads(text) if text and text[0] in "[{" else text)
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


class ServerDied(Exception):
    pass


def wait_ready(p, url, log_file, bound=300):
    t0 = time.monotonic()
    while time.monotonic() - t0 < bound:
        if p.poll() is not None:
            raise ServerDied("%s exited with %s; its log: %s" % (url, p.returncode, log_file))
        try:
            if call(url, timeout=2)[0] == 200:
                return time.monotonic() - t0
        except OSError:
            pass
        time.sleep(0.1)
    sys.exit("server not ready: " + url)


def start_alertmanager(sink):
    port = free_port()
    config = os.path.join(work, "am.yml")
    with open(config, "w") as f:
        f.write(
            "route:\n  receiver: sink\n  group_by: [alertname]\n  group_wait: 0s\n  group_interval: 1s\n"
            "  repeat_interval: 4h\nreceivers:\n  - name: sink\n    webhook_configs:\n"
            "      - url: %s/alertmanager\n        send_resolved: false\n" % sink
        )
    check = subprocess.run([shutil.which("amtool") or "amtool", "check-config", config], capture_output=True, text=True)
    if check.returncode != 0:
        sys.exit("amtool check-config: " + check.stdout + check.stderr)
    log_file = os.path.join(work, "am.log")
    p = subprocess.Popen(
        [AM_BIN, "--config.file=" + config, "--storage.path=" + os.path.join(work, "am-data"),
         "--web.listen-address=127.0.0.1:%d" % port, "--cluster.listen-address=", "--log.level=warn"],
        stdout=open(log_file, "w"), stderr=subprocess.STDOUT, start_new_session=True,
    )
    procs.append(p)
    url = "http://127.0.0.1:%d" % port
    wait_ready(p, url + "/-/ready", log_file)
    return p, url


class Firebreak:
    def __init__(self, sink):
        self.sink = sink
        self.port = free_port()
        self.url = "http://127.0.0.1:%d" % self.port
        self.data = os.path.join(work, "fb-data")
        os.makedirs(self.data)
        self.env = dict(os.environ)
        routing = os.path.join(work, "routing.yml")
        with open(routing, "w") as f:
            f.write("route:\n  group_by: [alertname]\n  group_wait: 0s\n  escalation_policy: bench-0\n")
            if USERS > 1:
                f.write("  routes:\n")
                for k in range(1, USERS):
                    f.write("    - matchers: ['shard=\"%d\"']\n      escalation_policy: bench-%d\n" % (k, k))
        for k in [k for k in self.env if k.startswith("FIREBREAK_DB_")]:
            del self.env[k]
        self.env.update(
            FIREBREAK_DATA_DIR=self.data,
            FIREBREAK_ADMIN_PASSWORD=PASSWORD,
            FIREBREAK_ALERTS_ROUTING_FILE=routing,
            FIREBREAK_NOTIFY_ALLOWED_NETWORKS="127.0.0.0/8",
            FIREBREAK_NOTIFY_BASE_URL=self.url,
            # One person gets every page (as Alertmanager's one receiver gets every group): without
            # these, the 1-minute throttle bundles a burst into one message a minute (by design) and
            # the daily cap (200) fails the rest.
            FIREBREAK_NOTIFY_THROTTLE="0",
            FIREBREAK_NOTIFY_DAILY_CAP="1000000",
        )
        self.p = None
        self.starts = 0
        self.h2 = None

    def admin(self, *args):
        out = subprocess.run(["java", "-jar", JAR, "admin", *args], env=self.env, capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit("admin %s failed: %s" % (args[0], out.stderr.strip()[-800:]))
        return out.stdout.strip()

    def start(self):
        self.starts += 1
        log_file = os.path.join(work, "fb-%d.log" % self.starts)
        self.p = subprocess.Popen(
            ["java", *FB_OPTS, "-jar", JAR, "--port", str(self.port)],
            env=self.env, stdout=open(log_file, "w"), stderr=subprocess.STDOUT, start_new_session=True,
        )
        procs.append(self.p)
        return wait_ready(self.p, self.url + "/actuator/health/readiness", log_file)

    def kill9(self):
        """kill -9 the launcher and the server JVM it runs (one process group); waits until both are gone."""
        pgid = self.p.pid
        os.killpg(pgid, signal.SIGKILL)
        self.p.wait(30)
        for _ in range(300):
            try:
                os.killpg(pgid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)
        sys.exit("process group %d outlived kill -9" % pgid)

    def setup(self):
        self.admin("create-user", "bench", "--role", "admin", "--password", PASSWORD)
        self.token = self.admin("create-token", "bench")
        self.key = self.admin("create-integration", "--type", "prometheus", "--name", "bench", "--rate", "1000000", "--burst", "1000000")
        ready = self.start()
        methods = []
        for k in range(USERS):
            user = "oncall-%d" % k
            status, body = call(self.url + "/api/v1/users", "POST", {"username": user, "password": PASSWORD, "role": "responder"}, self.token)
            if status >= 300:
                sys.exit("create user: %s %s" % (status, body))
            status, body = call(self.url + "/api/v1/users/%s/contact-methods" % user, "POST",
                                {"kind": "webhook", "address": self.sink + "/firebreak", "label": "bench sink"}, self.token)
            if status >= 300:
                sys.exit("add contact method: %s %s" % (status, body))
            methods.append((body["id"], user))
            policy = {"name": "bench-%d" % k, "description": "bench/notify", "repeat": 0,
                      "tiers": [{"steps": [{"targets": [{"kind": "user", "name": user}], "delay": "30m"}]}]}
            status, body = call(self.url + "/api/v1/escalation-policies", "POST", policy, self.token)
            if status >= 300:
                sys.exit("create policy: %s %s" % (status, body))
        self.verify(methods)
        return ready

    def verify(self, methods):
        # An admin vouches for the bench's sink, as an operator would for a webhook nobody reads codes from.
        for method_id, user in methods:
            status, body = call(self.url + "/api/v1/users/%s/contact-methods/%d/verification" % (user, method_id), "PUT",
                                {"verified": True, "note": "bench sink"}, self.token)
            if status >= 300:
                sys.exit("verify contact method: %s %s" % (status, body))

    def h2_jar(self):
        if self.h2 is None:
            with zipfile.ZipFile(JAR) as z:
                name = next(n for n in z.namelist() if re.match(r"BOOT-INF/lib/h2-[\d.]+\.jar$", n))
                self.h2 = os.path.join(work, os.path.basename(name))
                with open(self.h2, "wb") as f:
                    f.write(z.read(name))
        return self.h2

    def sql(self, statement, data=None):
        url = "jdbc:h2:file:%s/firebreak;AUTO_SERVER=TRUE" % (data or self.data)
        out = subprocess.run(["java", "-cp", self.h2_jar(), "org.h2.tools.Shell", "-url", url, "-user", "sa", "-password", "",
                              "-sql", statement], capture_output=True, text=True, timeout=120)
        if out.returncode != 0 or "Exception" in out.stdout + out.stderr:
            sys.exit("sql failed: %s\n%s%s" % (statement, out.stdout[-800:], out.stderr[-800:]))
        return out.stdout

    def ledger_api(self):
        """The page messages as GET /api/v1/admin/messages shows them (None on a build without it)."""
        out, after, tries = {}, 0, 0
        while True:
            try:
                status, body = call(self.url + "/api/v1/admin/messages?after=%d&limit=1000" % after, token=self.token, timeout=120)
            except OSError as e:
                status, body = 0, str(e)
            if status == 404 and after == 0:
                return None
            if status != 200:
                tries += 1
                log("admin/messages answered %s (%s)" % (status, str(body)[:200]))
                if tries >= 3:
                    return None  # the caller reads the database instead
                time.sleep(10)
                continue
            if not body:
                return out
            for m in body:
                if m["kind"] == "PAGE":
                    out[m["key"]] = {"state": m["state"], "attempts": m["attempts"], "created": parse_time(m["createdAt"]),
                                     "log": len(m.get("attemptLog") or [])}
            after = body[-1]["id"]

    def opened(self):
        """When each incident opened (Unix s), for the latency split; read from the database."""
        target = os.path.join(work, "incidents-%d.csv" % time.monotonic_ns())
        self.sql("call csvwrite('%s', 'select id, datediff(''MILLISECOND'', timestamp with time zone"
                 " ''1970-01-01 00:00:00+00'', opened_at) opened from incidents')" % target)
        with open(target) as f:
            return {int(r["ID"]): int(r["OPENED"]) / 1000.0 for r in csv.DictReader(f)}

    def ledger(self, data=None):
        """The page messages as the database holds them, by key: state, attempts, created (Unix s)."""
        target = os.path.join(work, "ledger-%d.csv" % time.monotonic_ns())
        self.sql("call csvwrite('%s', 'select message_key, state, attempts,"
                 " datediff(''MILLISECOND'', timestamp with time zone ''1970-01-01 00:00:00+00'', created_at) created"
                 " from notify_messages where kind = ''PAGE''')" % target, data)
        with open(target) as f:
            return {r["MESSAGE_KEY"]: {"state": r["STATE"], "attempts": int(r["ATTEMPTS"]), "created": int(r["CREATED"]) / 1000.0}
                    for r in csv.DictReader(f)}


# ---------------------------------------------------------------- clients


class Client(threading.Thread):
    """Open loop: hands alert i to one of CONNS workers (each on its own keep-alive connection) at
    start + i * interval, whether or not earlier posts have been answered, so a slow intake does not
    lower the rate offered; records each 2xx."""

    def __init__(self, system, url, token, names, interval, start, retry_until=0.0):
        super().__init__(daemon=True)
        self.system, self.names, self.interval, self.start_at = system, names, interval, start
        self.host, self.port = url.split("//")[1].split(":")
        self.token, self.retry_until = token, retry_until
        self.accepted = {}  # name -> (sent, 2xx time, attempts)
        self.failed = []
        self.local = threading.local()

    def post(self, name):
        shard = str(int(name.rsplit("-", 1)[1]) % USERS)
        body = json.dumps([{"labels": {"alertname": name, "severity": "critical", "job": "bench", "shard": shard},
                            "annotations": {"summary": name + " is firing"},
                            "generatorURL": "http://prometheus.invalid/graph"}]).encode()
        headers = {"Content-Type": "application/json"}
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        if getattr(self.local, "conn", None) is None:
            self.local.conn = http.client.HTTPConnection(self.host, int(self.port), timeout=30)
        self.local.conn.request("POST", "/api/v2/alerts", body, headers)
        r = self.local.conn.getresponse()
        r.read()
        return r.status

    def deliver(self, name):
        attempts = 0
        while True:
            attempts += 1
            sent = time.monotonic()
            try:
                status = self.post(name)
            except (OSError, http.client.HTTPException) as e:
                status = type(e).__name__
                self.local.conn.close()
                self.local.conn = None
            if isinstance(status, int) and 200 <= status < 300:
                self.accepted[name] = (sent, time.monotonic(), attempts)
                return
            # Only a restarting server is retried (as Prometheus resends); elsewhere a failure is a failure.
            if time.monotonic() < self.retry_until:
                time.sleep(0.2)
                continue
            self.failed.append((name, status))
            return

    def run(self):
        with concurrent.futures.ThreadPoolExecutor(CONNS, thread_name_prefix=self.system) as pool:
            for i, name in enumerate(self.names):
                wait = self.start_at + i * self.interval - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                pool.submit(self.deliver, name)


# ---------------------------------------------------------------- phases


def parse_time(t):
    from datetime import datetime

    return datetime.fromisoformat(t.replace("Z", "+00:00")).timestamp()


def pct(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100.0 * (len(s) - 1))))]


def run_phase(label, rate, duration, am_url, fb, kill_at=None, drain=DRAIN):
    count = max(1, int(round(rate * duration / 60.0)))
    tag = re.sub(r"[^a-z0-9]", "", label.lower())
    names = ["NotifyBench-%s-%d" % (tag, i) for i in range(count)]
    interval = 60.0 / rate
    load0 = os.getloadavg()[0]
    start = time.monotonic() + 0.5
    retry_until = start + duration + 600 if kill_at is not None else 0.0
    clients = [Client("alertmanager", am_url, None, names, interval, start),
               Client("firebreak", fb.url, fb.key, names, interval, start, retry_until)]
    log("phase %s: %d alerts at %d a minute" % (label, count, rate))
    for c in clients:
        c.start()
    kill = None
    if kill_at is not None:
        sink_delay["firebreak"] = KILL_SINK_DELAY
        time.sleep(max(0, start + kill_at - time.monotonic()))
        t_kill = time.monotonic()
        fb.kill9()
        log("kill -9 Firebreak at %.1f s" % (t_kill - start))
        snapshot = os.path.join(work, "at-kill")
        os.makedirs(snapshot)
        for f in glob.glob(os.path.join(fb.data, "firebreak.*")):
            if not f.endswith(".lock.db"):
                shutil.copy(f, snapshot)
        # As a supervisor (systemd's Restart=on-failure) would: start again while it dies on start.
        died = []
        ready = None
        while ready is None and len(died) < RESTARTS:
            try:
                ready = fb.start()
            except ServerDied as e:
                died.append(time.monotonic() - t_kill)
                log("restart failed: %s" % e)
        if ready is None:
            for c in clients:
                c.retry_until = 0.0
            log("Firebreak did not come back after %d starts" % len(died))
        else:
            log("restarted, ready in %.1f s after %d failed start(s)" % (ready, len(died)))
        back = time.monotonic() - t_kill
        ledger = fb.ledger(snapshot)
        kill = {"at": t_kill, "ready": ready, "died": died, "back": back, "ledger": ledger,
                "cut": {k for k, m in ledger.items() if m["state"] == "SENDING" or m["attempts"] > 1}}
    for c in clients:
        c.join()
    last_post = time.monotonic()
    deadline = last_post + drain
    while time.monotonic() < deadline:
        with lock:
            got = {(s, n) for s, _, n, _, _ in receipts}
        if all((c.system, n) in got for c in clients for n in c.accepted):
            break
        time.sleep(0.5)
    sink_delay["firebreak"] = 0.0
    return {"label": label, "rate": rate, "names": names, "clients": clients, "kill": kill,
            "load": "%.1f -> %.1f" % (load0, os.getloadavg()[0]), "drained": time.monotonic() - last_post}


def summarize(phase, system):
    client = next(c for c in phase["clients"] if c.system == system)
    names = set(phase["names"])
    with lock:
        mine = [r for r in receipts if r[0] == system and r[2] in names]
    first, first_id, first_incident, per_name, per_id = {}, {}, {}, {}, {}
    for _, t, name, mid, incident in sorted(mine, key=lambda r: r[1]):
        if name not in first:
            first[name], first_id[name], first_incident[name] = t, mid, incident
        per_name.setdefault(name, set()).add(mid)
        per_id[(name, mid)] = per_id.get((name, mid), 0) + 1
    lat = [1000 * (first[n] - a[1]) for n, a in client.accepted.items() if n in first]
    intake = [1000 * (a[1] - a[0]) for a in client.accepted.values() if a[2] == 1]
    same_id = sum(c - 1 for c in per_id.values())
    other_id = sum(len(ids) - 1 for ids in per_name.values())
    repeated = {mid for (n, mid), c in per_id.items() if c > 1}
    return {
        "system": system, "posted": len(names), "accepted": len(client.accepted), "failed": len(client.failed),
        "delivered": sum(1 for n in client.accepted if n in first),
        "lost": sum(1 for n in client.accepted if n not in first),
        "unasked": sum(1 for n in first if n not in client.accepted),
        "p50": pct(lat, 50), "p99": pct(lat, 99), "max": max(lat) if lat else float("nan"),
        "intake_p99": pct(intake, 99),
        "posted_in": max((a[1] for a in client.accepted.values()), default=client.start_at) - client.start_at, "same_id": same_id, "other_id": other_id, "repeated": repeated,
        "retried_posts": sum(1 for a in client.accepted.values() if a[2] > 1),
        "first_id": first_id, "first": first, "first_incident": first_incident, "accepted_at": {n: a[1] for n, a in client.accepted.items()},
    }


def breakdown(s, ledger, opened):
    """Firebreak's latency in three parts: 2xx to the incident's opening (the group's hand-off to
    incidents), the opening to the page's ledger row (escalation's start and first step), and the
    row to the sink (the notify lane's pick-up and the send)."""
    parts = ([], [], [])
    for name, key in s["first_id"].items():
        m = ledger.get(key)
        at = opened.get(int(s["first_incident"][name] or 0))
        if m is None or at is None or name not in s["accepted_at"]:
            continue
        accepted = s["accepted_at"][name] + WALL
        parts[0].append(1000 * (at - accepted))
        parts[1].append(1000 * (m["created"] - at))
        parts[2].append(1000 * (s["first"][name] + WALL - m["created"]))
    return ("2xx to incident opened p50 / p99 %.0f / %.0f ms, to the page's ledger row %.0f / %.0f ms,"
            " ledger row to sink %.0f / %.0f ms" % tuple(v for p in parts for v in (pct(p, 50), pct(p, 99))))


def main():
    if not AM_BIN:
        sys.exit("Alertmanager is missing: apt-get install prometheus-alertmanager")
    out = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    am_version = subprocess.run([AM_BIN, "--version"], capture_output=True, text=True)
    am_version = (am_version.stdout + am_version.stderr).splitlines()[0]
    header = ("machine: %d cores, load %s (uptime: %s); %s; %s; one alert a request, up to %d in flight per system; %d person(s) paged;"
              " rates %s a minute for %.0f s each%s"
              % (os.cpu_count(), loadavg(), subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip(),
                 out, am_version, CONNS, USERS, ", ".join(map(str, RATES)), DURATION,
                 ("; kill phase %d a minute for %.0f s, kill -9 at half, sink answers Firebreak %.0f ms late"
                  % (KILL_RATE, KILL_DURATION, 1000 * KILL_SINK_DELAY)) if KILL else ""))
    log(header)
    phases = []
    t_run = time.monotonic()
    try:
        sink = start_sink()
        _, am_url = start_alertmanager(sink)
        fb = Firebreak(sink)
        ready = fb.setup()
        log("Firebreak ready in %.1f s, Alertmanager at %s, sink at %s" % (ready, am_url, sink))
        run_phase("warmup", 300, WARMUP / 5.0, am_url, fb)
        for rate in RATES:
            phases.append(run_phase("%d-per-min" % rate, rate, DURATION, am_url, fb))
        if KILL:
            phases.append(run_phase("kill-%d-per-min" % KILL_RATE, KILL_RATE, KILL_DURATION, am_url, fb,
                                    kill_at=KILL_DURATION / 2, drain=KILL_DRAIN))
        time.sleep(QUIET)
        final = fb.ledger_api() if fb.p.poll() is None else None
    finally:
        for p in procs:
            if p.poll() is None:
                os.killpg(p.pid, signal.SIGKILL)
    time.sleep(2)  # the killed server's H2 file lock lapses
    if final is None:
        final = fb.ledger()
    opened = fb.opened()
    elapsed = time.monotonic() - t_run
    bad = False
    print(header)
    print("run took %.1f min; load after: %s (uptime: %s)" % (elapsed / 60, loadavg(), subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()))
    print()
    print("| phase | system | alerts (2xx) | delivered | latency p50 / p99 / max (ms) | lost | doubled: same id / other id | intake p99 (ms) | posted in (s) | load |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    crash_cut = set().union(*(ph["kill"]["cut"] for ph in phases if ph["kill"]))
    for ph in phases:
        for system in ("alertmanager", "firebreak"):
            s = summarize(ph, system)
            name = {"alertmanager": "Alertmanager (memory)", "firebreak": "Firebreak (H2, durable)"}[system]
            label = "%d/min" % ph["rate"] + (" + kill -9" if ph["kill"] else "")
            print("| %s | %s | %d%s | %d | %.1f / %.1f / %.1f | %d | %d / %d | %.1f | %.1f | %s |" % (
                label, name, s["accepted"], "" if not s["failed"] else " (%d failed)" % s["failed"], s["delivered"],
                s["p50"], s["p99"], s["max"], s["lost"], s["same_id"], s["other_id"], s["intake_p99"], s["posted_in"], ph["load"]))
            if system == "firebreak" and (s["lost"] or s["other_id"] or s["failed"]):
                bad = True
            if system == "firebreak":
                ph["split"] = "%s: Firebreak %s" % (label, breakdown(s, final, opened))
            if system == "firebreak" and s["repeated"]:
                cut = crash_cut  # the crash cuts what is in flight, whichever phase wrote it
                other = s["repeated"] - cut
                retried = {key for key in other if final.get(key, {}).get("attempts", 0) > 1}
                ph["repeat_line"] = (
                    "%s: Firebreak webhook-ids received more than once: %d; cut by the crash: %d; others: %d (%d of them"
                    " with attempts > 1 in the ledger at the end, i.e. retried after a failed attempt; %d with a single"
                    " attempt): %s" % (label, len(s["repeated"]), len(s["repeated"] & cut), len(other), len(retried),
                                       len(other - retried), " ".join(sorted(other)[:10])))
                if other:
                    bad = True
            if system == "firebreak" and ph["kill"]:
                k = ph["kill"]
                states = {}
                for m in k["ledger"].values():
                    states[m["state"]] = states.get(m["state"], 0) + 1
                final_states = {}
                for m in final.values():
                    final_states[m["state"]] = final_states.get(m["state"], 0) + 1
                ph["kill_line"] = (
                    "kill phase: Firebreak killed %.1f s in, %s; %d alerts needed a retried post;"
                    " ledger at the kill: %s, %d cut by the crash (SENDING, or attempts > 1); ledger at the end: %s"
                    % (k["at"] - ph["clients"][0].start_at,
                       ("ready again %.1f s after the kill" % k["back"] if k["ready"] is not None else "NOT back")
                       + ("" if not k["died"] else "; %d restart(s) died while starting (at %s s after the kill; logs fb-*.log)"
                          % (len(k["died"]), ", ".join("%.0f" % d for d in k["died"]))),
                       s["retried_posts"],
                       ", ".join("%d %s" % (v, st) for st, v in sorted(states.items())), len(k["cut"]),
                       ", ".join("%d %s" % (v, st) for st, v in sorted(final_states.items()))))
    print()
    for ph in phases:
        print(ph["split"])
    for ph in phases:
        for line in ("kill_line", "repeat_line"):
            if ph.get(line):
                print(ph[line])
    with lock:
        stray_hooks = {}
        for system, _, name, _, _ in receipts:
            if name is None:
                stray_hooks[system] = stray_hooks.get(system, 0) + 1
    if stray_hooks:
        print("webhooks naming no bench alert: %s" % stray_hooks)
    if others:
        print("Firebreak webhooks other than pages (not counted above): %s" % others)
    print("latency: the sink's first receipt of an alert's webhook minus the client's 2xx for it; negative when"
          " the webhook arrived before the answer. intake p99: the post's own round trip (first tries only);"
          " posted in: from the phase's start to its last 2xx (a client behind its schedule posts as fast as it can).")
    if os.environ.get("KEEP") == "1":
        with open(os.path.join(work, "receipts.csv"), "w") as f:
            csv.writer(f).writerows((sy, "%.6f" % (t + WALL), n, i, inc) for sy, t, n, i, inc in receipts)
        print("kept: " + work + " (receipts.csv: system, Unix time, alert, id, incident)")
    else:
        shutil.rmtree(work, ignore_errors=True)
    if bad:
        sys.exit(1)


if __name__ == "__main__":
    main()
