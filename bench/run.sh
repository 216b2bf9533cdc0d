#!/usr/bin/env bash
# The benchmark in one command: direct, gateway sync, gateway async, nginx and payara-floor side by
# side on loopback; writes results.csv, report.md and SVG charts. See the README, section "Benchmark".
#   bench/run.sh --quick    smoke test, about 2 min, report in bench/target/results-quick/
#   bench/run.sh            full matrix, about 22 min, report in bench/results/
#   bench/run.sh --help     every option
# Builds the project first only if its artifacts are missing (run `mvn -B -DskipTests package`
# yourself after changing the gateway). Installs nginx (apt-get) when missing and run as root.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
jar=bench/target/upload-gateway-bench.jar
if [ ! -f "$jar" ] || [ ! -f web/target/upload-gateway.war ] || [ ! -f server-config/target/payara-micro.jar ] \
        || [ ! -f bench/payara-floor/target/payara-floor.war ]; then
    mvn -B -q -DskipTests package
fi
case " $* " in
    *" --help "*) exec java -jar "$jar" --help ;;
esac

# One run at a time: a second one would wipe the first one's work directory and kill its children.
exec 9> bench/target/bench.lock
if ! flock -n 9; then
    echo "bench/run.sh: another benchmark run is active (bench/target/bench.lock)" >&2
    exit 3
fi
pids="$repo/bench/target/work/children.pids"

# The harness stops its children itself (also from a shutdown hook); this catches any that
# survive a harness killed outright. Only pids it recorded, and only if they still run from the
# benchmark's work directory (a recycled pid belongs to someone else).
leftovers() {
    [ -f "$pids" ] || return 0
    while read -r pid; do
        if [ -n "$pid" ] && { tr '\0' ' ' < "/proc/$pid/cmdline"; } 2>/dev/null | grep -q "$repo/bench/target/work"; then
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
