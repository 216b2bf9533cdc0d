#!/usr/bin/env bash
# Starts the gateway on Payara Micro (port 8080, embedded defaults) and reports ready only when the
# application answers - Micro prints "ready" even when a deployment failed.
# Run from anywhere after `mvn package`; data lives under ./upload-gateway-data of the repository.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
port=${PORT:-8080}
war="$repo/web/target/upload-gateway.war"
micro="$here/target/payara-micro.jar"
data="$repo/upload-gateway-data"
[ -f "$war" ] && [ -f "$micro" ] || { echo "run.sh: build first: mvn -DskipTests package" >&2; exit 1; }
rm -rf "$data/micro"   # disposable instance root: see pre-boot-commands.asadmin
umask 077              # database, spool, audit trail and config are the gateway user's alone
mkdir -p "$data/micro" "$data/config" "$data/db"
chmod 700 "$data" "$data/db"
cd "$repo"
log="$data/server.log"
: > "$log"
java ${JAVA_OPTS:-} -jar "$micro" --deploy "$war" --port "$port" --nohazelcast \
    --rootdir "$data/micro" \
    --prebootcommandfile "$here/pre-boot-commands.asadmin" \
    --postbootcommandfile "$here/post-boot-commands.asadmin" \
    --logproperties "$here/logging.properties" > >(tee -a "$log") 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' INT TERM
for _ in $(seq 1 180); do
    if ! kill -0 "$pid" 2>/dev/null; then echo "run.sh: Payara Micro exited" >&2; exit 1; fi
    # ready = Micro finished booting (post-boot commands run after the app first answers) and the app answers
    if grep -q "ready in" "$log" && curl -fsS -o /dev/null "http://127.0.0.1:$port/api/uploads?limit=1" 2>/dev/null; then
        echo "upload-gateway ready: http://localhost:$port/api/uploads (Ctrl+C stops it)"
        wait "$pid"; exit $?
    fi
    sleep 1
done
echo "run.sh: the application did not answer within 180 s; see the log above" >&2
kill "$pid"; exit 1
