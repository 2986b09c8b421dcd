#!/usr/bin/env bash
# Alert in to message out, side by side with Alertmanager in one run, loopback only: the same
# alerts (one new group each, group_wait 0s) to Firebreak (H2) and to Debian's
# prometheus-alertmanager, both delivering a webhook to one local sink; latency p50/p99/max from
# the intake's 2xx to the sink's receipt, pages lost and doubled, at 10, 100 and 1,000 new
# incidents a minute; then Firebreak is killed (kill -9) mid-run and restarted: every page due must
# arrive, repeats only of sends the crash cut (bench/notify/bench.py says how each is measured).
#
#   bench/notify/run.sh                              # about 15 minutes: 3 rates x 90 s, then the kill phase (90 s)
#   DURATION=60 KILL_DURATION=60 bench/notify/run.sh # 1 minute per phase
#   RATES="100" KILL=0 bench/notify/run.sh           # one rate, no kill
#   KILL_RATE=100 KILL_SINK_DELAY=0 bench/notify/run.sh
#   JAR=old/firebreak.jar bench/notify/run.sh        # another build
#   FB_OPTS="..." bench/notify/run.sh                # Firebreak's JVM options
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/jdk-env.sh
[ -f "${JAR:-target/firebreak.jar}" ] || ./mvnw -q -B -ntp -DskipTests package
command -v prometheus-alertmanager > /dev/null || command -v alertmanager > /dev/null \
  || { echo "Alertmanager is missing: apt-get install prometheus-alertmanager" >&2; exit 1; }
exec python3 bench/notify/bench.py
