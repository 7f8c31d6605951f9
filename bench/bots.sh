#!/usr/bin/env bash
# The bots benchmark in one command: books freight with the book-freight bot through Ferry's API,
# with the browser pool and with a browser launched per run, and writes the results as Markdown.
#   bench/bots.sh              50 runs per mode -> bench/results/bots.md (the committed results)
#   bench/bots.sh --smoke      3 runs per mode  -> bench/out/bots.md, as with any option (see bench/README.md)
#   bench/bots.sh --smoke --out /tmp/bots.md   the results to that file instead
set -euo pipefail
invoked_from=$PWD
cd "$(dirname "$0")/.."

command_line="bench/bots.sh${*:+ $*}"
out=bench/results/bots.md
if [ $# -gt 0 ]; then out=bench/out/bots.md; fi
# --out is this script's own; every other option goes to BotBench
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out)
      [ $# -ge 2 ] || { echo "[bench] --out needs a file" >&2; exit 2; }
      # relative to where the script was called from, as a caller expects
      case "$2" in /*) out=$2 ;; *) out=$invoked_from/$2 ;; esac
      shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
set -- ${args[@]+"${args[@]}"}
mkdir -p "$(dirname "$out")" bench/out

# the jar Ferry runs from; config/, routes/, connectors/ and rpa-bots/ are read from this folder at run time
jar=target/ferry.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml app.pom.xml src/main sandbox/pom.xml sandbox/src/main -newer "$jar" -print -quit)" ]; then
  echo "[bench] building $jar" >&2
  ./mvnw -o -q package -DskipTests
fi

# whether any of uptime's three load averages is above the number of cores
busy() {
  echo "$1" | sed 's/.*load average: //' | tr ',' '\n' | awk -v cores="$(nproc)" '$1 > cores { found = 1 } END { exit !found }'
}

# the 1-minute load average out of uptime's line
load1() {
  echo "$1" | sed 's/.*load average: //' | cut -d, -f1
}

load_before=$(uptime)
body=$(mktemp)
summary=$(mktemp)
trap 'rm -f "$body" "$summary"' EXIT
status=0
java bench/bots/BotBench.java --jar "$jar" --summary "$summary" "$@" >"$body" || status=$?
load_after=$(uptime)

commit=$(git rev-parse --short HEAD)
if [ -n "$(git status --porcelain -- src pom.xml app.pom.xml sandbox config routes connectors rpa-bots bench/bots bench/bots.sh)" ]; then
  commit="$commit (with uncommitted changes)"
fi
{
  echo "# Bots benchmark"
  echo
  echo "Written by \`bench/bots.sh\`; bench/README.md explains each figure."
  echo
  cat "$summary"
  echo
  echo "Load average (1 min) before / after: $(load1 "$load_before") / $(load1 "$load_after") on $(nproc) cores."
  echo
  echo "- command: \`$command_line\`"
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- commit: $commit"
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) memory"
  echo "- \`uname -a\`: $(uname -a)"
  echo "- JDK: $(java -version 2>&1 | sed -n 2p)"
  echo "- Chromium: $(/usr/bin/chromium --version 2>/dev/null)"
  echo "- Ferry: \`java -Xmx512m -jar target/ferry.jar\`, sandbox profile, fresh data directory, ferry.rpa.workers=2,"
  echo "  portal hazards off, CRM trickle and schedules off"
  echo "- load before: \`${load_before# }\`"
  echo "- load after: \`${load_after# }\`"
  echo
  if busy "$load_before" || busy "$load_after"; then
    echo "**A shared machine**: the load average was above the number of cores before or after the runs,"
    echo "so other work ran alongside (see the load column below). The times are longer than on an idle"
    echo "machine; CPU per run is the steadier figure."
    echo
  fi
  cat "$body"
} >"$out"
echo "[bench] wrote $out" >&2
exit "$status"
