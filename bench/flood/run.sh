#!/usr/bin/env bash
# Idle-connection flood from one loopback address, side by side in one run: the same build with
# the open-network limits off (per-client cap 0, Tomcat's 60 s header timeout: how the server ran
# before) and on (the defaults). Loopback only; bounded (CONNECTIONS sockets, 40 s to open them).
#   bench/flood/run.sh                  # 9,000 connections, as the outsider's 8,300
#   CONNECTIONS=3000 bench/flood/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/jdk-env.sh
JAR=${JAR:-target/firebreak.jar}
[ -f "$JAR" ] || ./mvnw -q -B -ntp -DskipTests package
CONNECTIONS=${CONNECTIONS:-9000}
work=$(mktemp -d /tmp/firebreak-flood.XXXXXX)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(uptime); $(java -version 2>&1 | head -n1); $CONNECTIONS connections"

case_run() { # $1 name, then extra server options
  local name=$1; shift
  local port data
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  data="$work/$name"
  mkdir -p "$data"
  FIREBREAK_DATA_DIR=$data FIREBREAK_PORT=$port FIREBREAK_ADMIN_PASSWORD=flood-bench-pw FIREBREAK_AOT=off \
    java -XX:+UseSerialGC -Xms32m -Xmx256m -XX:TieredStopAtLevel=1 -Xss512k -jar "$JAR" serve "$@" \
    > "$data/server.log" 2>&1 &
  pid=$!
  until python3 -c 'import sys,urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' \
      "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null; do sleep 0.5; done
  local key
  key=$(FIREBREAK_DATA_DIR=$data FIREBREAK_AOT=off java -jar "$JAR" admin create-integration --type prometheus \
    --name flood 2>/dev/null | tail -n1)
  echo "== $name ($*)"
  python3 bench/flood/flood.py --port "$port" --pid "$pid" --connections "$CONNECTIONS" --key "$key"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
}

case_run limits-off --firebreak.security.connections.per-client=0 --server.tomcat.connection-timeout=60s
case_run limits-on
