#!/usr/bin/env bash
# Runs the Dockerfile's final stage and the systemd unit on this machine, where no image can be
# pulled: the jar copied to /opt/firebreak (here under a temporary root), the Dockerfile's RUN that
# trains the AOT cache, then the Dockerfile's ENTRYPOINT and the unit's ExecStart as written, each
# with -XX:AOTMode=on (the JVM refuses to start unless it can use the cache), until ready; then a
# SIGTERM must stop it gracefully. Also checks that each runs as one JVM, with no child process.
# Usage: scripts/deployment-steps.sh [target/firebreak.jar]
set -euo pipefail
jar=$(readlink -f "${1:-$(dirname "$0")/../target/firebreak.jar}")
cd "$(dirname "$0")/.."
. scripts/jdk-env.sh
if [ "$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')" -lt 25 ]; then
  echo "deploy: the image and the unit need Java 25 or newer for the AOT cache; this is $(java -version 2>&1 | head -n1)" >&2
  exit 1
fi
root=$(mktemp -d /tmp/firebreak-deploy.XXXXXX)
pid=
cleanup() {
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  rm -rf "$root"
}
trap cleanup EXIT

# Paths of the image and the unit, moved under $root; /usr/bin/java is the JDK that built the jar.
paths() {
  sed -e "s#/opt/firebreak#$root/opt/firebreak#g" -e "s#/var/lib/firebreak#$root/var/lib/firebreak#g" \
      -e "s#^/usr/bin/java #$JAVA_HOME/bin/java #" -e "s#^java #$JAVA_HOME/bin/java #"
}

mkdir -p "$root/opt/firebreak" "$root/var/lib/firebreak"
cp "$jar" "$root/opt/firebreak/firebreak.jar"
train=$(grep -E '^RUN java ' Dockerfile | sed 's/^RUN //' | paths)
echo "deploy: $train"
eval "$train" >"$root/train.log" 2>&1 || { cat "$root/train.log"; exit 1; }

entrypoint=$(sed -n 's/^ENTRYPOINT \(\[.*\]\)$/\1/p' Dockerfile \
  | python3 -c 'import json,shlex,sys; print(" ".join(shlex.quote(a) for a in json.load(sys.stdin)))' | paths)
execstart=$(sed -n 's/^ExecStart=//p' packaging/firebreak.service | paths)

start() { # $1: name, $2: command line
  local name=$1 command=$2 port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  command=${command/ -XX:AOTCache=/ -XX:AOTMode=on -XX:AOTCache=}
  echo "deploy: $name: $command"
  rm -rf "$root/var/lib/firebreak"/*
  FIREBREAK_PORT=$port FIREBREAK_DATA_DIR="$root/var/lib/firebreak" FIREBREAK_ADMIN_PASSWORD=deploy-steps-password \
    FIREBREAK_AOT=off bash -c "exec $command" >"$root/$name.log" 2>&1 &
  pid=$!
  local started=$SECONDS
  until python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' \
      "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "deploy: $name exited before it was ready:"; tail -n 40 "$root/$name.log"; exit 1
    fi
    if [ $((SECONDS - started)) -gt 90 ]; then
      echo "deploy: $name not ready within 90 s:"; tail -n 40 "$root/$name.log"; exit 1
    fi
    sleep 0.5
  done
  echo "deploy: $name ready in $((SECONDS - started)) s on port $port"
  if pgrep -P "$pid" >/dev/null; then
    echo "deploy: $name started a child process:"; ps -o pid,args --ppid "$pid"; exit 1
  fi
  kill -TERM "$pid"
  local code=0
  wait "$pid" || code=$?
  pid=
  if [ "$code" != 0 ] && [ "$code" != 143 ]; then
    echo "deploy: $name exited $code after SIGTERM:"; tail -n 40 "$root/$name.log"; exit 1
  fi
  grep -q "Commencing graceful shutdown\|Graceful shutdown complete" "$root/$name.log" \
    || { echo "deploy: $name did not shut down gracefully:"; tail -n 20 "$root/$name.log"; exit 1; }
  echo "deploy: $name stopped gracefully (exit $code)"
}

start dockerfile "$entrypoint"
start systemd "$execstart"
if command -v systemd-analyze >/dev/null 2>&1; then
  systemd-analyze verify packaging/firebreak.service 2>&1 | grep -v "firebreak.service: Failed to \|User\|Group" || true
fi
echo "deploy: ok"
