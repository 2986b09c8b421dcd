#!/usr/bin/env bash
# Footprint of the server: wall time from `java -jar` to ready (readiness probe answers 200), resident
# memory when idle, and after logging in and browsing every page (what the browser test does) a number
# of times. Runs each case side by side in one run (interleaved when REPEAT > 1, so the load of a
# shared machine hits them alike), on an empty data directory each, and prints medians.
# `java -jar target/firebreak.jar` runs the server in a child JVM from the AOT cache the build leaves
# in target/firebreak-aot (docs/decisions/0002), so memory is the sum over the launcher and its child:
# RSS as the goal says, and PSS, which counts the pages both processes share (libjvm, the JDK's CDS
# archive) once. "CPU to ready" (user+sys seconds until ready) is the figure least bent by other load.
#
#   bench/footprint.sh                 # default JVM options, the README's, and the README's without the AOT cache
#   REPEAT=3 ROUNDS=50 bench/footprint.sh
#   EXTRA="-Dspring.main.lazy-initialization=true" bench/footprint.sh   # a fourth case: README options + EXTRA
#   BEFORE=/path/to/older/firebreak.jar bench/footprint.sh  # one more case: that jar (with its AOT cache), README options
#   CASES="1 3" bench/footprint.sh      # only these cases (0-based, in the order above)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk-env.sh
[ -f target/firebreak.jar ] || ./mvnw -q -DskipTests package

ROUNDS=${ROUNDS:-20}
REPEAT=${REPEAT:-1}
PORT=${PORT:-18080}
PAGES="/ /incidents /alerts /oncall /runbooks /analytics /status-page /settings /account"
README_OPTS=${README_OPTS:-"-XX:+UseSerialGC -Xms32m -Xmx256m -XX:TieredStopAtLevel=1 -Xss512k"} # the README's production options
declare -a NAMES=("default (java -jar)" "README options" "README options, no AOT cache")
declare -a OPTS=("" "$README_OPTS" "$README_OPTS")
declare -a ENVS=("FIREBREAK_AOT=on" "FIREBREAK_AOT=on" "FIREBREAK_AOT=off")
declare -a JARS=(target/firebreak.jar target/firebreak.jar target/firebreak.jar)
if [ -n "${EXTRA:-}" ]; then NAMES+=("README options +"); OPTS+=("$README_OPTS $EXTRA"); ENVS+=("FIREBREAK_AOT=on"); JARS+=(target/firebreak.jar); fi
if [ -n "${BEFORE:-}" ]; then NAMES+=("BEFORE jar, README options"); OPTS+=("$README_OPTS"); ENVS+=("FIREBREAK_AOT=on"); JARS+=("$BEFORE"); fi
CASES=${CASES:-${!NAMES[*]}}
# The launcher ignores a cache made from another build of the jar: say so rather than measure without it.
if ! java -Xlog:aot=info -jar target/firebreak.jar version 2>&1 | grep -q "Opened AOT cache"; then
  echo "warning: java -jar does not use an AOT cache (none in target/firebreak-aot, or made from another build of the jar); ./mvnw package makes one" >&2
fi
results=$(mktemp -d)

tree() { echo "$1"; pgrep -P "$1" || true; } # the launcher and the server JVM it started, if any
rss_mb() { for p in $(tree "$1"); do awk '/^Rss:/ {print $2}' "/proc/$p/smaps_rollup"; done | awk '{s+=$1} END {printf "%.0f", s/1024}'; }
pss_mb() { for p in $(tree "$1"); do awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup"; done | awk '{s+=$1} END {printf "%.0f", s/1024}'; }
hwm_mb() { for p in $(tree "$1"); do awk '/VmHWM/ {print $2}' "/proc/$p/status"; done | awk '{s+=$1} END {printf "%.0f", s/1024}'; }
cpu_s() { for p in $(tree "$1"); do awk -v t="$(getconf CLK_TCK)" '{printf "%.2f\n", ($14 + $15) / t}' "/proc/$p/stat"; done | awk '{s+=$1} END {printf "%.2f", s}'; }
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -n1)"
for _ in $(seq 1 "$REPEAT"); do
for i in $CASES; do
  # A server left on the port would be measured instead of ours.
  if curl -s -o /dev/null -m 2 "http://127.0.0.1:$PORT/"; then echo "port $PORT is in use; set PORT" >&2; exit 1; fi
  data=$(mktemp -d)
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  env ${ENVS[$i]} FIREBREAK_DATA_DIR="$data" FIREBREAK_ADMIN_PASSWORD=bench-password java ${OPTS[$i]} \
    -jar "${JARS[$i]}" --port "$PORT" > "$data/server.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; do
    kill -0 "$pid" 2>/dev/null || { echo "server died:"; tail -20 "$data/server.log"; exit 1; }
    sleep 0.05
  done
  ready=$(echo "$(date +%s.%N) - $start" | bc)
  cpu=$(cpu_s "$pid")
  sleep 10
  idle=$(rss_mb "$pid")
  idle_pss=$(pss_mb "$pid")
  jar="$data/cookies"
  csrf=$(curl -s -c "$jar" "http://127.0.0.1:$PORT/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n1)
  curl -s -b "$jar" -c "$jar" -o /dev/null -d "username=admin&password=bench-password&_csrf=$csrf" "http://127.0.0.1:$PORT/login"
  for _ in $(seq 1 "$ROUNDS"); do
    for p in $PAGES; do curl -s -b "$jar" -o /dev/null "http://127.0.0.1:$PORT$p"; done
    curl -s -o /dev/null "http://127.0.0.1:$PORT/css/firebreak.css" -o /dev/null "http://127.0.0.1:$PORT/webjars/htmx.org/dist/htmx.min.js"
  done
  sleep 2
  after=$(rss_mb "$pid")
  peak=$(hwm_mb "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  # An ordinary restart: same data directory, so no migrations and no first-start admin.
  start=$(date +%s.%N)
  # shellcheck disable=SC2086
  env ${ENVS[$i]} FIREBREAK_DATA_DIR="$data" java ${OPTS[$i]} -jar "${JARS[$i]}" --port "$PORT" \
    > "$data/restart.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health/readiness"; do
    kill -0 "$pid" 2>/dev/null || { echo "server died on restart:"; tail -20 "$data/restart.log"; exit 1; }
    sleep 0.05
  done
  restart=$(echo "$(date +%s.%N) - $start" | bc)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ready $cpu $idle $after $peak $(cut -d' ' -f1 /proc/loadavg) $restart $idle_pss" >> "$results/$i"
  rm -rf "$data"
done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg); medians of $REPEAT run(s) each"
printf '| case | ready, first start (s) | CPU to ready (s) | ready, restart (s) | RSS idle (MB) | PSS idle (MB) | RSS after %s rounds of pages (MB) | peak RSS (MB) | load (1 min) |\n|---|---|---|---|---|---|---|---|---|\n' "$ROUNDS"
for i in $CASES; do
  col() { cut -d' ' -f"$1" "$results/$i" | median; }
  printf '| %s `%s` | %.2f | %.2f | %.2f | %.0f | %.0f | %.0f | %.0f | %s |\n' "${NAMES[$i]}" "${OPTS[$i]:-none}" \
    "$(col 1)" "$(col 2)" "$(col 7)" "$(col 3)" "$(col 8)" "$(col 4)" "$(col 5)" "$(col 6)"
done
rm -rf "$results"
