#!/usr/bin/env bash
# Runbook parsing, side by side in one run: single-file CLI latency (`runbook parse FILE --format
# json`), the corpus batch (`runbook parse DIR --format jsonl`, one JVM) and markdown-it tokenizing
# the same corpus as ../shared/conformance/check_corpus.mjs does (bench/parse/markdown-it.mjs).
# The cases run interleaved (one of each per round) so the load of a shared machine hits them alike;
# the table gives medians, CPU time (user+sys, less sensitive to load than wall time) and ratios.
#
#   bench/parse.sh                         # 7 rounds
#   ROUNDS=15 bench/parse.sh
#   BEFORE=/tmp/old.jar bench/parse.sh     # also time another build of the jar, for before/after
#   CLI_OPTS=... bench/parse.sh            # the JVM options of the "cli options" cases
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk-env.sh
[ -f target/firebreak.jar ] || ./mvnw -q -DskipTests package

ROUNDS=${ROUNDS:-7}
FILE=${FILE:-../shared/seeds/001_8d4f2d1022c3b380.txt}
[ -f "$FILE" ] || FILE=/work/shared/seeds/001_8d4f2d1022c3b380.txt
CORPUS=${CORPUS:-../shared/corpus/prometheus-operator-runbooks}
[ -d "$CORPUS" ] || CORPUS=/work/shared/corpus/prometheus-operator-runbooks
CLI_OPTS=${CLI_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} # what README suggests in JDK_JAVA_OPTIONS
MDIT_CACHE="$HOME/.cache/firebreak-conformance"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -d "$MDIT_CACHE/node_modules/markdown-it" ]; then # the cache check_corpus.mjs fills
  npm install --silent --no-audit --no-fund --prefix "$MDIT_CACHE" markdown-it@14
fi

declare -a NAMES CMDS
add() { NAMES+=("$1"); CMDS+=("$2"); }
# `java -jar` runs the command from the AOT cache beside the jar when the build made one
# (target/firebreak-aot, docs/decisions/0002); FIREBREAK_AOT=off runs the jar alone.
add "A firebreak parse FILE (json)" "java -jar target/firebreak.jar runbook parse $FILE --format json"
add "B firebreak parse DIR (jsonl)" "java -jar target/firebreak.jar runbook parse $CORPUS --format jsonl"
add "B markdown-it tokenize DIR (node)" "node bench/parse/markdown-it.mjs $CORPUS"
add "A no AOT cache: parse FILE" "env FIREBREAK_AOT=off java -jar target/firebreak.jar runbook parse $FILE --format json"
add "B no AOT cache: parse DIR" "env FIREBREAK_AOT=off java -jar target/firebreak.jar runbook parse $CORPUS --format jsonl"
add "A no AOT cache, cli options: parse FILE" "env FIREBREAK_AOT=off java $CLI_OPTS -jar target/firebreak.jar runbook parse $FILE --format json"
add "B no AOT cache, cli options: parse DIR" "env FIREBREAK_AOT=off java $CLI_OPTS -jar target/firebreak.jar runbook parse $CORPUS --format jsonl"
if [ -n "${BEFORE:-}" ]; then
  add "A before: parse FILE" "java -jar $BEFORE runbook parse $FILE --format json"
  add "B before: parse DIR" "java -jar $BEFORE runbook parse $CORPUS --format jsonl"
fi
# The launcher ignores a cache made from another build of the jar: say so rather than measure without it.
if ! java -Xlog:aot=info -jar target/firebreak.jar version 2>&1 | grep -q "Opened AOT cache"; then
  echo "warning: java -jar does not use an AOT cache (none in target/firebreak-aot, or made from another build of the jar); ./mvnw package makes one" >&2
fi

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for i in "${!CMDS[@]}"; do ${CMDS[$i]} > /dev/null 2>&1; done # warm the page cache, fill no JIT state
for r in $(seq 1 "$ROUNDS"); do
  for i in "${!CMDS[@]}"; do
    # shellcheck disable=SC2086
    /usr/bin/time -f "%e %U %S" -o "$work/t" ${CMDS[$i]} > "$work/out" 2> /dev/null
    read -r wall user sys < "$work/t"
    echo "$wall $(echo "$user + $sys" | bc)" >> "$work/case$i"
    if [[ ${NAMES[$i]} == *markdown-it* ]]; then # its own in-process figures
      sed -n 's/.*"tokenizeMs":\([0-9.]*\).*"readAndTokenizeMs":\([0-9.]*\).*/\1 \2/p' "$work/out" >> "$work/mdit"
    fi
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
mdit=-1
for i in "${!NAMES[@]}"; do [[ ${NAMES[$i]} == *markdown-it* ]] && mdit=$i; done
mdit_wall=$(cut -d' ' -f1 "$work/case$mdit" | median)
tok_ms=$(cut -d' ' -f1 "$work/mdit" | median)
readtok_ms=$(cut -d' ' -f2 "$work/mdit" | median)

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -n1); node $(node --version)"
echo "load average before: $load_before, after: $load_after; $ROUNDS rounds, interleaved"
echo "corpus: $CORPUS ($(find "$CORPUS" -name '*.md' | wc -l) .md files); file: $FILE"
echo
printf '| case | median wall (s) | min wall (s) | median CPU user+sys (s) | wall / markdown-it node wall |\n|---|---|---|---|---|\n'
for i in "${!NAMES[@]}"; do
  w=$(cut -d' ' -f1 "$work/case$i" | median)
  m=$(cut -d' ' -f1 "$work/case$i" | sort -n | head -n1)
  c=$(cut -d' ' -f2 "$work/case$i" | median)
  printf '| %s | %.2f | %.2f | %.2f | %.2f |\n' "${NAMES[$i]}" "$w" "$m" "$c" "$(echo "$w / $mdit_wall" | bc -l)"
done
echo
echo "markdown-it in-process (median): tokenize ${tok_ms} ms, read + tokenize ${readtok_ms} ms"
b_wall=$(cut -d' ' -f1 "$work/case1" | median)
printf 'firebreak DIR wall / markdown-it in-process tokenize: %.1fx\n' "$(echo "$b_wall * 1000 / $tok_ms" | bc -l)"
