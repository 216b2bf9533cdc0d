#!/usr/bin/env bash
# The benchmark in one command: direct, gateway sync, gateway async and nginx side by side on
# loopback; writes results.csv, report.md and SVG charts. See bench/README-section.md.
#   bench/run.sh --quick    smoke test, ~2 min, report in bench/target/results-quick/
#   bench/run.sh            full matrix, ~20 min, report in bench/results/
# Builds the project first only if its artifacts are missing (run `mvn -B -DskipTests package`
# yourself after changing the gateway). Installs nginx (apt-get) when missing and run as root.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
jar=bench/target/upload-gateway-bench.jar
if [ ! -f "$jar" ] || [ ! -f web/target/upload-gateway.war ] || [ ! -f server-config/target/payara-micro.jar ]; then
    mvn -B -q -DskipTests package
fi
pids="$repo/bench/target/work/children.pids"

# The harness stops its children itself (also from a shutdown hook); this catches any that
# survive a harness killed outright. Only pids it recorded, and only if they still run from the
# benchmark's work directory (a recycled pid belongs to someone else).
leftovers() {
    [ -f "$pids" ] || return 0
    while read -r pid; do
        if [ -n "$pid" ] && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "$repo/bench/target/work"; then
            kill -KILL "$pid" 2>/dev/null || true
        fi
    done < "$pids"
}
trap leftovers EXIT

java -Xmx1g -jar "$jar" "$@" &
child=$!
trap 'kill -TERM "$child" 2>/dev/null || true' INT TERM
status=0
while kill -0 "$child" 2>/dev/null; do
    if wait "$child"; then status=0; else status=$?; fi
done
exit "$status"
