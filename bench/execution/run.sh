#!/usr/bin/env bash
# Overhead of a runbook command run through Firebreak, beside the same command run straight with
# bash in one run, loopback only; then one 10 MB output streamed to two watchers at once, checked
# byte for byte and chunk by chunk (bench/execution/bench.py says how each is measured).
#
#   bench/execution/run.sh                  # about 1 minute
#   RUNS=100 bench/execution/run.sh         # more samples of the read-only step
#   LINES=3000000 bench/execution/run.sh    # a bigger output (seq 1 LINES)
#   JAR=old/firebreak.jar bench/execution/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/jdk-env.sh
[ -f "${JAR:-target/firebreak.jar}" ] || ./mvnw -q -B -ntp -DskipTests package
exec python3 bench/execution/bench.py
