#!/usr/bin/env bash
# The analytics dashboard's queries over 100,000 incidents with their cycles, alerts, timelines,
# pages and alert history, on H2 and on a throwaway PostgreSQL database (createdb on 127.0.0.1:5432,
# trust auth, dropped after); each query's time as the server measured it (bench/analytics/bench.py).
#
#   bench/analytics/run.sh                       # about 3 minutes
#   INCIDENTS=20000 bench/analytics/run.sh       # a smaller load
#   CASES=h2 RUNS=10 bench/analytics/run.sh      # one database, more samples
#   JAR=old/firebreak.jar bench/analytics/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/jdk-env.sh
[ -f "${JAR:-target/firebreak.jar}" ] || ./mvnw -q -B -ntp -DskipTests package
exec python3 bench/analytics/bench.py
