#!/usr/bin/env python3
"""The analytics dashboard's queries over many incidents (bench/analytics/run.sh).

One Firebreak per case (h2: its own file database; postgres: a database made with createdb and
dropped after) with 8 teams, 40 services and 50 runbooks that have a resolution time, made through
the API. Then SQL loads, spread over the 365 days before now:
  - INCIDENTS incidents (4 severities, 3,000 alert groups, two thirds with a runbook), one cycle
    each and a second (reopen) for every tenth, one alert per cycle with startsAt, 5 timeline rows
    per incident;
  - 1 page per incident (half of them to two contact methods: two ledger rows) and a second page
    to another person for every fifth, over 60 people;
  - one alert firing per incident over 2,000 fingerprints, with its receipts.
Each dashboard request (GET /api/v1/analytics) runs its queries one after another; the server
times each (firebreak_analytics_query_seconds on /actuator/prometheus) and this script reads the
difference per request. Reported: the median and the worst of RUNS requests after WARM, per query,
for the default 30 days, a whole year (every incident), and a year for one team.
BEFORE=old.jar also starts that build on the same database once it is loaded (a second node) and
measures it beside this one, view by view, and says whether both reports carry the same numbers.
"""
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from datetime import datetime, timedelta, timezone

JAR = os.environ.get("JAR", "target/firebreak.jar")
BEFORE = os.environ.get("BEFORE")
INCIDENTS = int(os.environ.get("INCIDENTS", "100000"))
RUNS = int(os.environ.get("RUNS", "5"))
WARM = int(os.environ.get("WARM", "2"))
CASES = os.environ.get("CASES", "h2 postgres").split()
FB_OPTS = os.environ.get("FB_OPTS", "-XX:+UseSerialGC -Xms64m -Xmx512m").split()
PASSWORD = "bench-password-123"
VIEWS = [("30 days", "since=30d"), ("365 days", "since=365d"), ("365 days, one team", "since=365d&team=team-2")]
work = tempfile.mkdtemp(prefix="fb-analytics-")
procs, databases = [], []


def log(*args):
    print("[%s]" % time.strftime("%H:%M:%S"), *args, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(url, method="GET", body=None, token=None, raw=None, content="application/json", timeout=120):
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
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


def environment(case):
    env = dict(os.environ)
    data = tempfile.mkdtemp(dir=work)
    env.update(FIREBREAK_DATA_DIR=data, FIREBREAK_ADMIN_PASSWORD=PASSWORD)
    env.pop("FIREBREAK_DB_URL", None)
    if case == "postgres":
        name = "fbanalytics_%d" % os.getpid()
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
        databases.append(name)
        env.update(FIREBREAK_DB_URL="jdbc:postgresql://127.0.0.1:5432/" + name, FIREBREAK_DB_USER="postgres")
    return env, data


def start(env, logfile, jar=JAR):
    port = free_port()
    p = subprocess.Popen(["java", *FB_OPTS, "-jar", jar, "--port", str(port)], env=env,
                         stdout=open(logfile, "w"), stderr=subprocess.STDOUT, start_new_session=True)
    procs.append(p)
    url = "http://127.0.0.1:%d" % port
    for _ in range(1800):
        if p.poll() is not None:
            sys.exit("server died: " + open(logfile).read()[-2000:])
        try:
            if call(url + "/actuator/health/readiness", timeout=2)[0] == 200:
                return p, url
        except OSError:
            pass
        time.sleep(0.1)
    sys.exit("server not ready")


def setup(url, token):
    for t in range(8):
        must(call(url + "/api/v1/teams", "POST", {"name": "team-%d" % t}, token), "team")
    for s in range(40):
        must(call(url + "/api/v1/services", "POST", {"name": "svc-%d" % s, "team": "team-%d" % (s % 8)}, token), "service")
    for r in range(50):
        md = ("# Runbook %d\n## Backlog\n### Symptoms\n- queue grows\n### Mitigation\n- scale out\n"
              "### Resolution Time\n%d hours\n" % (r, 1 + r % 4))
        must(call(url + "/api/v1/runbooks/rb-%d" % r, "PUT", raw=md.encode(), content="text/markdown", token=token), "runbook")


def must(answer, what):
    if answer[0] >= 300:
        sys.exit("%s: %s %s" % (what, answer[0], answer[1]))


def load_sql(case, base):
    """The bulk load as insert ... select over a series, written for each database's own functions."""
    series = "system_range(1, %d)" % INCIDENTS if case == "h2" else "generate_series(1, %d) as x" % INCIDENTS
    stamp = base.strftime("%Y-%m-%d %H:%M:%S+00")

    def ts(seconds):
        if case == "h2":
            return "dateadd(second, %s, timestamp with time zone '%s')" % (seconds, stamp)
        return "(timestamptz '%s' + (%s) * interval '1 second')" % (stamp, seconds)

    step = 365 * 86400 // INCIDENTS
    o = "(x * %d)" % step
    a = "(%s + 60 + mod(x * 7, 1800))" % o
    r = "(%s + 360 + mod(x * 7, 1800) + mod(x * 13, 14400))" % o
    o2 = "(%s + 3600)" % r
    user = "'user-' || mod(x, 60)"
    sql = [
        "insert into incidents (id, group_key, title, state, service, severity, response_target_seconds, runbook_slug,"
        " opened_at, acknowledged_at, acknowledged_by, resolved_at, resolved_by, reopen_count, updated_at)"
        " select x, 'group-' || mod(x, 3000), 'Bench incident ' || x, 'RESOLVED', 'svc-' || mod(x, 40),"
        " 'P' || (1 + mod(x, 4)), case mod(x, 4) when 0 then 900 when 1 then 1800 when 2 then 3600 else 14400 end,"
        " case when mod(x, 3) = 0 then null else 'rb-' || mod(x, 50) end, %s, %s, %s, %s, %s,"
        " case when mod(x, 10) = 0 then 1 else 0 end, %s from %s" % (ts(o), ts(a), user, ts(r), user, ts(r), series),
        "insert into incident_cycles (incident_id, cycle, opened_at, acknowledged_at, acknowledged_by, resolved_at,"
        " resolved_by) select x, 1, %s, %s, %s, %s, %s from %s" % (ts(o), ts(a), user, ts(r), user, series),
        "insert into incident_cycles (incident_id, cycle, opened_at, acknowledged_at, acknowledged_by, resolved_at,"
        " resolved_by) select x, 2, %s, %s, %s, %s, %s from %s where mod(x, 10) = 0"
        % (ts(o2), ts(o2 + " + 300"), user, ts(o2 + " + 1800"), user, series),
        "insert into incident_alerts (incident_id, alert_id, fingerprint, name, status, labels_json, annotations_json,"
        " starts_at, last_seen_at) select x, x, 'fp' || mod(x, 2000), 'Alert' || mod(x, 2000), 'RESOLVED', '{}', '{}',"
        " %s, %s from %s" % (ts(o + " - mod(x, 300)"), ts(r), series),
        "insert into incident_alerts (incident_id, alert_id, fingerprint, name, status, labels_json, annotations_json,"
        " starts_at, last_seen_at) select x, %d + x, 'fp' || mod(x, 2000), 'Alert' || mod(x, 2000), 'RESOLVED', '{}',"
        " '{}', %s, %s from %s where mod(x, 10) = 0" % (INCIDENTS, ts(o2 + " - 120"), ts(o2 + " + 1800"), series),
    ]
    for kind, at, text in (("alert", o, "alert fired"), ("paged", o + " + 5", "paged"), ("state", a, "acknowledged"),
                           ("note", a + " + 60", "looking at it"), ("state", r, "resolved")):
        sql.append("insert into incident_timeline (incident_id, at, actor, kind, text) select x, %s, 'firebreak',"
                   " '%s', '%s' from %s" % (ts(at), kind, text, series))
    msg = ("insert into notify_messages (message_key, cause_key, kind, incident_id, page_id, username, channel_type,"
           " address, urgency, state, due_at, created_at, attempts) select 'bench-' || x || '-%s', 'bench-' || x || '-%s',"
           " 'PAGE', x, %s, %s, 'EMAIL', 'x@example.com', 'HIGH', 'SENT', %s, %s, 1 from %s")
    sql.append(msg % ("a", "a", "x", user, ts(o + " + 5"), ts(o + " + 5"), series))
    sql.append(msg % ("b", "b", "x", user, ts(o + " + 5"), ts(o + " + 5"), series) + " where mod(x, 2) = 0")
    sql.append(msg % ("c", "c", "%d + x" % INCIDENTS, "'user-' || mod(x + 1, 60)", ts(o + " + 600"), ts(o + " + 600"),
                      series) + " where mod(x, 5) = 0")
    sql.append("insert into integrations (id, name, type, key_hash, key_prefix, rate_per_second, rate_burst, created_at)"
               " values (900001, 'bench-analytics', 'GENERIC', '%s', 'fb_bench', 1, 1, %s)" % ("0" * 64, ts("0")))
    sql.append("insert into alerts (id, fingerprint, integration_id, labels_json, annotations_json, status, starts_at,"
               " first_received_at) select x, 'fp' || mod(x, 2000), 900001,"
               " '{\"alertname\":\"Alert' || mod(x, 2000) || '\"}', '{}', 'RESOLVED', %s, %s from %s"
               % (ts(o + " - mod(x, 300)"), ts(o + " - mod(x, 300)"), series))
    sql.append("insert into alert_receipts (alert_id, firing, receive_count, last_received_at) select x, false,"
               " 1 + mod(x, 20), %s from %s" % (ts(o), series))
    sql.append("analyze")
    return ";\n".join(sql) + ";\n"


def h2_jar():
    with zipfile.ZipFile(JAR) as z:
        name = next(n for n in z.namelist() if re.match(r"BOOT-INF/lib/h2-[0-9.]+\.jar$", n))
        path = os.path.join(work, os.path.basename(name))
        with open(path, "wb") as f:
            f.write(z.read(name))
    return path


def load(case, env, data, base):
    script = os.path.join(work, "load-%s.sql" % case)
    with open(script, "w") as f:
        f.write(load_sql(case, base))
    began = time.monotonic()
    if case == "h2":
        url = "jdbc:h2:file:%s/firebreak;AUTO_SERVER=TRUE" % data
        cmd = ["java", "-cp", h2_jar(), "org.h2.tools.RunScript", "-url", url, "-user", "sa", "-script", script]
    else:
        cmd = ["psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-U", "postgres", "-d", databases[-1], "-f", script]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("load failed: " + (out.stderr or out.stdout)[-2000:])
    return time.monotonic() - began


def timers(url):
    status, text = call(url + "/actuator/prometheus")
    found = {}
    for m in re.finditer(r'^firebreak_analytics_query_seconds_sum\{[^}]*query="([^"]+)"[^}]*\} ([0-9.eE+-]+)$', text, re.M):
        found[m.group(1)] = float(m.group(2))
    return found


def measure(url, token, query):
    per_query, wall = {}, []
    for i in range(WARM + RUNS):
        before = timers(url)
        began = time.monotonic()
        status, body = call(url + "/api/v1/analytics?" + query, token=token)
        elapsed = time.monotonic() - began
        if status != 200:
            sys.exit("analytics %s: %s %s" % (query, status, str(body)[:500]))
        after = timers(url)
        if i >= WARM:
            wall.append(elapsed)
            for name, total in after.items():
                per_query.setdefault(name, []).append(total - before.get(name, 0.0))
    return per_query, wall, body


def run_case(case):
    env, data = environment(case)
    p, url = start(env, os.path.join(work, "server-%s.log" % case))
    admin(env, "create-user", "bench", "--role", "admin", "--password", PASSWORD)
    token = admin(env, "create-token", "bench")
    setup(url, token)
    base = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(days=365)
    log(case, "loading", INCIDENTS, "incidents")
    took = load(case, env, data, base)
    log(case, "loaded in %.0f s" % took)
    old = start(env, os.path.join(work, "before-%s.log" % case), BEFORE) if BEFORE else None
    results = []
    for label, query in absolute(VIEWS):
        per_query, wall, body = measure(url, token, query)
        results.append((label, per_query, wall, body["summary"]["cycles"]))
        if old:
            per_query, wall, before = measure(old[1], token, query)
            results.append((label + ", before", per_query, wall, before["summary"]["cycles"]))
            log(case, label, "same numbers as the build before:", numbers(body) == numbers(before))
    for server in [p] + ([old[0]] if old else []):
        server.terminate()
        server.wait(timeout=60)
    return took, results


def absolute(views):
    """The views with since=Nd as instants, fixed once, so that two builds report the same range."""
    now = datetime.now(timezone.utc).replace(microsecond=0)
    iso = lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = []
    for label, query in views:
        days = int(re.search(r"since=(\d+)d", query).group(1))
        fixed = re.sub(r"since=\d+d", "since=%s&until=%s" % (iso(now - timedelta(days=days)), iso(now)), query)
        out.append((label, fixed))
    return out


def numbers(report):
    """A report without when it was made, which differs between two requests by design."""
    return {k: v for k, v in report.items() if k != "generatedAt"}


def ms(v):
    return "%.0f" % (v * 1000)


def main():
    load_before = os.getloadavg()
    began = time.monotonic()
    report = {}
    try:
        for case in CASES:
            report[case] = run_case(case)
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
        for name in databases:
            subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", name])
    print("\n%d incidents, %d requests per view after %d warm-up; ms as the server timed each query "
          "(median / worst)\n" % (INCIDENTS, RUNS, WARM))
    for case, (took, results) in report.items():
        print("%s (loaded in %.0f s)\n" % (case, took))
        names = sorted({n for _, pq, _, _ in results for n in pq})
        print("| query | " + " | ".join("%s (%d cycles)" % (label, cycles) for label, _, _, cycles in results) + " |")
        print("|---|" + "---|" * len(results))
        worst = 0.0
        for name in names:
            cells = []
            for _, pq, _, _ in results:
                v = pq.get(name)
                if v:
                    worst = max(worst, max(v))
                cells.append("%s / %s" % (ms(statistics.median(v)), ms(max(v))) if v else "-")
            print("| %s | %s |" % (name, " | ".join(cells)))
        print("| whole request (client) | %s |" % " | ".join(
            "%s / %s" % (ms(statistics.median(w)), ms(max(w))) for _, _, w, _ in results))
        print("\nslowest single query: %s ms (target: under 1000)\n" % ms(worst))
    print("load average before %.2f %.2f %.2f, after %.2f %.2f %.2f; %d cores; %.0f s in all" % (
        *load_before, *os.getloadavg(), os.cpu_count(), time.monotonic() - began))


if __name__ == "__main__":
    main()
