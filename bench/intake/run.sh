#!/usr/bin/env bash
# Alert intake throughput, side by side in one run, loopback only: wrk posts the same Alertmanager v2
# bodies (bench/intake/alerts.lua) to Firebreak's POST /api/v2/alerts and to Debian's
# prometheus-alertmanager, 1 and 10 alerts per request, 32 connections. Each case gets a fresh server
# (Firebreak on an empty H2 data directory, and on a throwaway PostgreSQL database), a warm-up run,
# then the measured run. Prints alerts accepted per second (2xx only), p50/p99 latency, peak RSS
# (VmHWM, summed over Firebreak's launcher and server JVM) and the ratio to Alertmanager.
#
#   bench/intake/run.sh                         # H2 and PostgreSQL, 20 s per case
#   DURATION=30s ROUNDS=2 bench/intake/run.sh   # longer runs, cases interleaved twice
#   DBS=h2 bench/intake/run.sh                  # skip PostgreSQL
#   PROFILE=1 bench/intake/run.sh               # JFR on Firebreak; prints its hot methods
#   FB_OPTS="..." bench/intake/run.sh           # JVM options (default: the README's)
#   BEFORE=old/firebreak.jar bench/intake/run.sh  # that build too, in the same run, as "Firebreak before"
#   BEFORE=target/firebreak.jar BEFORE_ENV="FIREBREAK_ALERTS_WRITERS=1" BEFORE_NAME="1 writer" bench/intake/run.sh
#   STALLED_CLIENTS=1 bench/intake/run.sh       # each Firebreak case again with that many live pages
#                                               # (/events/incidents) open that never read
#   GROUP_WAIT=1s bench/intake/run.sh           # route group_wait (default 30s, after the run): incidents
#                                               # open, and live pages get incident events, during it
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/jdk-env.sh
[ -f target/firebreak.jar ] || ./mvnw -q -DskipTests package
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
AM_BIN=$(command -v prometheus-alertmanager || command -v alertmanager || true)
[ -n "$AM_BIN" ] || { echo "Alertmanager is missing: apt-get install prometheus-alertmanager" >&2; exit 1; }

DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
CONNS=${CONNS:-32}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-1}
DBS=${DBS:-h2 postgres}
BATCHES=${BATCHES:-1 10}
FB_OPTS=${FB_OPTS:--XX:+UseSerialGC -Xms32m -Xmx256m -XX:TieredStopAtLevel=1 -Xss512k}
AM_PORT=${AM_PORT:-19093}
FB_PORT=${FB_PORT:-18081}
STALLED_CLIENTS=${STALLED_CLIENTS:-0}
work=$(mktemp -d)
pids=()
stalled_pids=()
cleanup() {
  for p in "${stalled_pids[@]}" "${pids[@]}"; do kill "$p" 2> /dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2> /dev/null || true; done
  for db in $(cat "$work/dbs" 2> /dev/null); do dropdb -h 127.0.0.1 -U postgres --if-exists "$db" || true; done
  rm -rf "$work"
}
trap cleanup EXIT

for port in "$AM_PORT" "$FB_PORT"; do
  if curl -s -o /dev/null -m 2 "http://127.0.0.1:$port/"; then echo "port $port is in use" >&2; exit 1; fi
done

cat > "$work/am.yml" << 'YML'
route:
  receiver: blackhole
  group_by: [alertname]
receivers:
  - name: blackhole
YML

if [ -n "${GROUP_WAIT:-}" ]; then
  printf 'route:\n  group_by: [alertname]\n  group_wait: %s\n' "$GROUP_WAIT" > "$work/routing.yml"
  export FIREBREAK_ALERTS_ROUTING_FILE="$work/routing.yml"
fi
if [ "$STALLED_CLIENTS" -gt 0 ]; then command -v python3 > /dev/null || { echo "STALLED_CLIENTS needs python3" >&2; exit 1; }; fi

wait_http() { # url pid log
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "$1" && return 0
    kill -0 "$2" 2> /dev/null || { echo "server died:" >&2; tail -20 "$3" >&2; exit 1; }
    sleep 0.1
  done
  echo "server not ready: $1" >&2; exit 1
}

start_am() {
  rm -rf "$work/am-data"
  "$AM_BIN" --config.file="$work/am.yml" --storage.path="$work/am-data" \
    --web.listen-address="127.0.0.1:$AM_PORT" --cluster.listen-address= --log.level=warn > "$work/am.log" 2>&1 &
  pid=$!; pids+=("$pid")
  wait_http "http://127.0.0.1:$AM_PORT/-/ready" "$pid" "$work/am.log"
  url="http://127.0.0.1:$AM_PORT"; token=""
}

start_fb() { # db [jar]
  local jar=${2:-target/firebreak.jar}
  local data="$work/fb-data-$RANDOM"
  mkdir -p "$data"
  export FIREBREAK_DATA_DIR="$data" FIREBREAK_ADMIN_PASSWORD=bench-password
  unset FIREBREAK_DB_URL FIREBREAK_DB_USER
  if [ "$1" = postgres ]; then
    local db="fbbench_$$_$RANDOM"
    createdb -h 127.0.0.1 -U postgres "$db"
    echo "$db" >> "$work/dbs"
    export FIREBREAK_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" FIREBREAK_DB_USER=postgres
  fi
  # The default per-integration rate limit (100 requests/s) would answer 429 to the load.
  token=$(java -jar "$jar" admin create-integration --type prometheus --name bench \
    --rate 1000000 --burst 1000000 2> "$work/admin.log") \
    || { cat "$work/admin.log" >&2; exit 1; }
  local jfr=""
  [ "${PROFILE:-0}" = 1 ] && jfr="-XX:StartFlightRecording=filename=$work/fb-$1-$alerts-%p.jfr,settings=profile" # %p: the launcher passes it on to the server JVM
  # shellcheck disable=SC2086
  java $FB_OPTS $jfr -jar "$jar" --port "$FB_PORT" > "$work/fb.log" 2>&1 &
  pid=$!; pids+=("$pid")
  wait_http "http://127.0.0.1:$FB_PORT/actuator/health/readiness" "$pid" "$work/fb.log"
  url="http://127.0.0.1:$FB_PORT"
}

# Live pages whose browser stopped reading: logs in as admin (a session, as a browser has), then
# holds each /events/incidents stream on a socket with a tiny receive buffer that is never read.
open_stalled() { # count
  local jar="$work/cookies" csrf cookie code
  rm -f "$jar"
  csrf=$(curl -s -c "$jar" -b "$jar" "$url/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n1)
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode username=admin \
    --data-urlencode "password=$FIREBREAK_ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf" "$url/login"
  cookie=$(awk -F'\t' 'NF == 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$jar")
  code=$(curl -s -o /dev/null -m 2 -w '%{http_code}' -H "Cookie: $cookie" "$url/events/incidents" || true)
  [ "$code" = 200 ] || { echo "live events answered $code to the bench's session" >&2; exit 1; }
  for _ in $(seq 1 "$1"); do
    python3 -c '
import socket, sys, time
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
s.connect(("127.0.0.1", int(sys.argv[1])))
s.sendall(("GET /events/incidents HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nCookie: %s\r\n\r\n" % sys.argv[2]).encode())
time.sleep(86400)  # never reads
' "$FB_PORT" "$cookie" &
    stalled_pids+=("$!")
  done
}
close_stalled() {
  for p in "${stalled_pids[@]}"; do kill "$p" 2> /dev/null || true; wait "$p" 2> /dev/null || true; done
  stalled_pids=()
}

to_ms() { awk '{v=$1; if (v ~ /us$/) printf "%.2f", v/1000; else if (v ~ /ms$/) printf "%.2f", v+0; else if (v ~ /s$/) printf "%.2f", v*1000; else print v}'; }

measure() { # name alerts
  local out="$work/wrk.out"
  ALERTS=$2 TOKEN=$token wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" -s bench/intake/alerts.lua "$url" > /dev/null
  ALERTS=$2 TOKEN=$token wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -s bench/intake/alerts.lua "$url" > "$out"
  local reqs secs bad p50 p99 hwm rate
  reqs=$(sed -n 's/^ *\([0-9]*\) requests in \([0-9.]*\)\(m\?s\).*/\1/p' "$out")
  secs=$(sed -n 's/^ *[0-9]* requests in \([0-9.]*\)\(m\?s\).*/\1 \2/p' "$out" | awk '{print ($2 == "ms") ? $1/1000 : $1}')
  bad=$(sed -n 's/^ *Non-2xx or 3xx responses: *\([0-9]*\).*/\1/p' "$out"); bad=${bad:-0}
  p50=$(awk '$1 == "50%" {print $2}' "$out" | to_ms)
  p99=$(awk '$1 == "99%" {print $2}' "$out" | to_ms)
  # The launcher and the server JVM it runs from the AOT cache (docs/decisions/0002), if any.
  hwm=$(for p in $pid $(pgrep -P "$pid"); do awk '/VmHWM/ {print $2}' "/proc/$p/status"; done | awk '{s+=$1} END {printf "%.0f", s/1024}')
  rate=$(echo "($reqs - $bad) * $2 / $secs" | bc -l)
  printf '%s|%s|%.0f|%s|%s|%s|%s|%s\n' "$1" "$2" "$rate" "$p50" "$p99" "$hwm" "$bad" "$(grep -c 'Socket errors' "$out" || true)" >> "$work/results"
  if grep -q 'Socket errors' "$out"; then echo "$1 x$2: $(grep 'Socket errors' "$out")" >&2; fi
  # Firebreak's group commit: requests per commit and time per commit, over warm-up and run.
  if [ "$url" = "http://127.0.0.1:$FB_PORT" ]; then
    curl -s "$url/actuator/prometheus" | awk -v n="$1 x$2" '
      /^firebreak_alerts_writer_batch_count/ {bc=$2} /^firebreak_alerts_writer_batch_sum/ {bs=$2}
      /^firebreak_alerts_writer_commit_seconds_count/ {cc=$2} /^firebreak_alerts_writer_commit_seconds_sum/ {cs=$2}
      END {if (bc > 0 && cc > 0) printf "%s: %.0f commits, %.1f requests per commit, %.2f ms per commit\n", n, bc, bs/bc, 1000*cs/cc}' >&2
  fi
}

stop() { kill "$pid"; wait "$pid" 2> /dev/null || true; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -n1); $("$AM_BIN" --version 2>&1 | head -n1)"
echo "wrk -t$THREADS -c$CONNS -d$DURATION (after a $WARMUP warm-up) per case; Firebreak JVM options: $FB_OPTS"
for _ in $(seq 1 "$ROUNDS"); do
  for alerts in $BATCHES; do
    start_am; measure "Alertmanager (memory)" "$alerts"; stop
    for db in $DBS; do
      start_fb "$db"; measure "Firebreak ($db, durable)" "$alerts"
      stop
      if [ "$STALLED_CLIENTS" -gt 0 ]; then
        start_fb "$db"; open_stalled "$STALLED_CLIENTS"
        measure "Firebreak ($db, durable, $STALLED_CLIENTS stalled live page(s))" "$alerts"
        close_stalled; stop
      fi
      if [ -n "${BEFORE:-}" ]; then
        # shellcheck disable=SC2086
        [ -z "${BEFORE_ENV:-}" ] || export ${BEFORE_ENV}
        start_fb "$db" "$BEFORE"; measure "Firebreak ${BEFORE_NAME:-before} ($db, durable)" "$alerts"; stop
        # shellcheck disable=SC2086
        [ -z "${BEFORE_ENV:-}" ] || unset ${BEFORE_ENV%%=*}
      fi
    done
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| server | alerts/request | alerts/s | p50 (ms) | p99 (ms) | peak RSS (MB) | non-2xx | alerts/s vs Alertmanager | RSS vs Alertmanager |"
echo "|---|---|---|---|---|---|---|---|---|"
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
for alerts in $BATCHES; do
  am_rate=$(awk -F'|' -v a="$alerts" '$1 ~ /^Alertmanager/ && $2 == a {print $3}' "$work/results" | median)
  am_rss=$(awk -F'|' -v a="$alerts" '$1 ~ /^Alertmanager/ && $2 == a {print $6}' "$work/results" | median)
  cut -d'|' -f1 "$work/results" | awk '!seen[$0]++' | while read -r name; do
    col() { awk -F'|' -v n="$name" -v a="$alerts" -v c="$1" '$1 == n && $2 == a {print $c}' "$work/results" | median; }
    rate=$(col 3)
    printf '| %s | %s | %.0f | %.2f | %.2f | %.0f | %s | %.2f | %.2f |\n' "$name" "$alerts" "$rate" "$(col 4)" "$(col 5)" "$(col 6)" \
      "$(col 7)" "$(echo "$rate / $am_rate" | bc -l)" "$(echo "$(col 6) / $am_rss" | bc -l)"
  done
done
if [ "${PROFILE:-0}" = 1 ]; then
  mkdir -p target/bench-intake
  for f in "$work"/*.jfr; do
    jfr summary "$f" > /dev/null 2>&1 || continue # the launcher's own recording, cut short by its halt
    cp "$f" target/bench-intake/
    echo; echo "== $(basename "$f") (kept in target/bench-intake/)"; jfr view --width 160 hot-methods "$f" 2>&1 | head -30 || true
  done
fi
