#!/usr/bin/env bash
# Escalation timers under load, loopback only: 10,000 incidents on 3-step policies, on H2, on
# PostgreSQL and on two nodes sharing one PostgreSQL database; step lateness p50/p99/max, pages per
# second, duplicates and lost (bench/escalation/bench.py says how each is measured).
#
#   bench/escalation/run.sh                       # all three cases, 10,000 incidents, 30 s steps
#   INCIDENTS=2000 DELAY=20 bench/escalation/run.sh
#   CASES=postgres-2nodes KILL=1 bench/escalation/run.sh   # also kill -9 one node mid-run
#   JAR=old/firebreak.jar bench/escalation/run.sh  # another build
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/jdk-env.sh
[ -f target/firebreak.jar ] || ./mvnw -q -DskipTests package
exec python3 bench/escalation/bench.py
