# Sourced by mvnw, .ci/run and bench scripts: exports JAVA_HOME (and PATH) for a JDK >= 21.
# The machine's default java may be 17, which cannot build or run Firebreak (Java 21 bytecode).
# Order: an existing JAVA_HOME or `java` on PATH if new enough, then JDKs under /usr/lib/jvm
# (newest first), then Debian's openjdk-21 / openjdk-25 packages installed with apt-get.
_fb_jdk_major() { # prints the feature version of the java binary $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1 | grep . || echo 0
}
_fb_pick_jdk() {
  local c
  for c in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    if [ -n "$c" ] && [ -x "$c/bin/javac" ] && [ "$(_fb_jdk_major "$c/bin/java")" -ge 21 ]; then echo "$c"; return 0; fi
  done
  for c in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    c=${c%/}
    if [ -x "$c/bin/javac" ] && [ "$(_fb_jdk_major "$c/bin/java")" -ge 21 ]; then echo "$c"; return 0; fi
  done
  return 1
}
if ! FB_JDK=$(_fb_pick_jdk); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "firebreak: no JDK >= 21 found; installing one with apt-get" >&2
    (apt-get install -y -q openjdk-21-jdk-headless || { apt-get update -q && { apt-get install -y -q openjdk-21-jdk-headless || apt-get install -y -q openjdk-25-jdk-headless; }; }) >&2
  fi
  FB_JDK=$(_fb_pick_jdk) || { echo "firebreak: a JDK >= 21 is required (set JAVA_HOME)" >&2; return 1 2>/dev/null || exit 1; }
fi
export JAVA_HOME="$FB_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
unset FB_JDK
