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
chmod -R go= "$data"      # also whatever an earlier version left readable to others

# PostgreSQL instead of the embedded H2 when UPLOAD_GATEWAY_DB_HOST is set (README, "Database"):
# postgresql.asadmin runs after the usual pre-boot commands and the driver joins the server.
preboot="$here/pre-boot-commands.asadmin"
addlibs=()
if [ -n "${UPLOAD_GATEWAY_DB_HOST:-}" ]; then
    : "${UPLOAD_GATEWAY_DB_PASSWORD:?run.sh: UPLOAD_GATEWAY_DB_HOST is set: set UPLOAD_GATEWAY_DB_PASSWORD too}"
    export UPLOAD_GATEWAY_DB_PORT=${UPLOAD_GATEWAY_DB_PORT:-5432} UPLOAD_GATEWAY_DB_NAME=${UPLOAD_GATEWAY_DB_NAME:-upload_gateway} \
        UPLOAD_GATEWAY_DB_USER=${UPLOAD_GATEWAY_DB_USER:-gateway}
    preboot="$data/pre-boot-postgresql.asadmin"
    cat "$here/pre-boot-commands.asadmin" "$here/postgresql.asadmin" > "$preboot"
    addlibs=(--addlibs "$here/target/postgresql.jar")
fi

# The database password: generated on first start into a file only the gateway's user can read, and
# handed to Payara in the environment (pre-boot-commands.asadmin reads ${ENV=UPLOAD_GATEWAY_DB_PASSWORD}),
# never on a command line. Set UPLOAD_GATEWAY_DB_PASSWORD yourself to use your own.
if [ -z "${UPLOAD_GATEWAY_DB_PASSWORD:-}" ]; then
    secret="$data/db/password"
    if [ ! -s "$secret" ]; then
        fresh=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)
        if [ -f "$data/db/upload-gateway.mv.db" ]; then
            # A database made before passwords: its admin user "" has none. Give the gateway's user and
            # that one the new password, with H2's own tool from inside the Micro jar.
            tools=$(mktemp -d "$data/db/upgrade.XXXXXX")
            (cd "$tools" && jar xf "$micro" MICRO-INF/runtime/h2.jar)
            printf "CREATE USER IF NOT EXISTS GATEWAY PASSWORD '%s' ADMIN;\nSET PASSWORD '%s';\n" "$fresh" "$fresh" > "$tools/set.sql"
            java -cp "$tools/MICRO-INF/runtime/h2.jar" org.h2.tools.RunScript \
                -url "jdbc:h2:$data/db/upload-gateway" -user "" -password "" -script "$tools/set.sql" \
                || { rm -rf "$tools"; echo "run.sh: could not set a password on $data/db (is the gateway still running?)" >&2; exit 1; }
            rm -rf "$tools"
        fi
        printf %s "$fresh" > "$secret.new" && mv "$secret.new" "$secret"
    fi
    UPLOAD_GATEWAY_DB_PASSWORD=$(cat "$secret")
    export UPLOAD_GATEWAY_DB_PASSWORD
fi
cd "$repo"
log="$data/server.log"
: > "$log"
java ${JAVA_OPTS:-} -jar "$micro" --deploy "$war" --port "$port" --nohazelcast \
    --rootdir "$data/micro" "${addlibs[@]}" \
    --prebootcommandfile "$preboot" \
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
