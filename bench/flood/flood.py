#!/usr/bin/env python3
"""Idle-connection flood against a running Firebreak, loopback only, bounded in count and time.

Opens N idle TCP connections from one loopback address (as the outsider's 8,300 did), then checks
from another loopback address that health and alert intake answer, and reports how many the server
kept open, its RSS, and how long the held ones lasted (the header timeout closes them).

  python3 bench/flood/flood.py --port 8080 --pid PID [--connections 9000] [--key INTEGRATION_KEY]
"""
import argparse, json, socket, time, urllib.request, os, resource

def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return -1

def request_from(src, port, method, path, body=None, headers=None):
    """(status, ms), or (the error, ms) when the server does not answer within 5 s."""
    t0 = time.monotonic()
    try:
        return answer_from(src, port, method, path, body, headers)
    except OSError as e:
        return (type(e).__name__, (time.monotonic() - t0) * 1000)

def answer_from(src, port, method, path, body, headers):
    s = socket.create_connection(("127.0.0.1", port), timeout=5, source_address=(src, 0))
    data = body.encode() if body else b""
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: {len(data)}\r\n"
    for k, v in (headers or {}).items():
        head += f"{k}: {v}\r\n"
    t0 = time.monotonic()
    s.sendall(head.encode() + b"\r\n" + data)
    answer = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        answer += chunk
    s.close()
    return int(answer[9:12]), (time.monotonic() - t0) * 1000

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--pid", type=int, required=True)
    p.add_argument("--connections", type=int, default=9000)
    p.add_argument("--key")
    p.add_argument("--seconds", type=float, default=40)
    a = p.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, a.connections + 1000), hard))
    before = rss_mb(a.pid)
    socks, failed = [], 0
    t0 = time.monotonic()
    for i in range(a.connections):
        try:
            s = socket.socket()
            s.setblocking(True)
            s.settimeout(2)
            s.bind(("127.0.0.7", 0))
            s.connect(("127.0.0.1", a.port))
            socks.append(s)
        except OSError:
            failed += 1
        if time.monotonic() - t0 > a.seconds:
            break
    opened = time.monotonic() - t0
    time.sleep(1)
    # Which of ours the server closed at once (over the cap): a read gives EOF or a reset.
    held = 0
    for s in socks:
        s.setblocking(False)
        try:
            data = s.recv(1)
            if data == b"":
                continue
        except BlockingIOError:
            held += 1
            continue
        except OSError:
            continue
    health = request_from("127.0.0.8", a.port, "GET", "/actuator/health/readiness")
    intake = None
    if a.key:
        body = json.dumps([{"labels": {"alertname": "DuringFlood"}}])
        intake = request_from("127.0.0.8", a.port, "POST", "/api/v2/alerts", body,
                              {"Authorization": "Bearer " + a.key, "Content-Type": "application/json"})
    during = rss_mb(a.pid)
    # How long the held ones live: the header timeout should close them.
    t1 = time.monotonic()
    alive = [s for s in socks]
    while alive and time.monotonic() - t1 < 30:
        still = []
        for s in alive:
            try:
                if s.recv(1) == b"":
                    continue
            except BlockingIOError:
                still.append(s)
                continue
            except OSError:
                continue
        alive = still
        time.sleep(0.5)
    closed_after = time.monotonic() - t1
    for s in socks:
        s.close()
    print(json.dumps({
        "attempted": len(socks) + failed, "connected": len(socks), "connect_failed": failed,
        "open_seconds": round(opened, 1), "held_by_server": held,
        "health_from_other_address": {"status": health[0], "ms": round(health[1], 1)},
        "intake_from_other_address": None if intake is None else {"status": intake[0], "ms": round(intake[1], 1)},
        "rss_mb_before": round(before), "rss_mb_during": round(during),
        "held_closed_within_s": round(closed_after, 1), "still_open_after": len(alive),
    }, indent=1))

if __name__ == "__main__":
    main()
