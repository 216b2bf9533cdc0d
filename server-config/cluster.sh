#!/usr/bin/env bash
# Several gateways sharing one rollout, on this machine (README, "Cluster"):
#   server-config/cluster.sh [--nodes N] [--shared-spool]     (N from 1 to 9, default 3)
# starts a throwaway PostgreSQL (unless DB_HOST is given), N Payara Micro nodes on 127.0.0.1 and
# nginx round-robin in front of them on PORT (default 8080), and prints
#   upload-gateway cluster ready: http://127.0.0.1:<PORT>
# only when every node answers through nginx. Ctrl+C (or SIGTERM) stops everything it started.
# --shared-spool: every node spools into CLUSTER_DIR/spool (upload.spool-shared=true), so a live node
# takes over a dead node's acknowledged async uploads; without it each node spools into its own directory.
# Settings (environment): PORT; NODE_PORT_BASE (node i listens on NODE_PORT_BASE+i, default PORT+1..);
# PG_PORT (the throwaway PostgreSQL's, default 55432); DB_HOST, DB_PORT, DB_NAME, DB_USER,
# DB_PASSWORD (an existing PostgreSQL instead); CLUSTER_DIR (default ./upload-gateway-data/cluster:
# each node's data, nginx's and PostgreSQL's, wiped at start); JAVA_OPTS (every node's JVM options,
# e.g. -Drollout.admin.password=...). Node i is cluster.node-id node-<i>; its pid is in
# CLUSTER_DIR/node-<i>/pid, its log in CLUSTER_DIR/node-<i>/server.log, its config directory (a file
# per key, read at run time) CLUSTER_DIR/node-<i>/config, and CLUSTER_DIR/node-<i>/start.sh starts it
# again after a crash (cluster.sh stops it too); the database's settings (UPLOAD_GATEWAY_DB_*, the
# password too) are in CLUSTER_DIR/database.env.
# Installs Debian's nginx (apt-get) when it is missing and run as root.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
nodes=3
shared_spool=
while [ $# -gt 0 ]; do
    case "$1" in
        --nodes) nodes=${2:?cluster.sh: --nodes needs a number}; shift 2 ;;
        --nodes=*) nodes=${1#--nodes=}; shift ;;
        --shared-spool) shared_spool=1; shift ;;
        *) echo "usage: cluster.sh [--nodes N] [--shared-spool]" >&2; exit 2 ;;
    esac
done
case "$nodes" in [1-9]) ;; *) echo "cluster.sh: --nodes must be from 1 to 9, was $nodes" >&2; exit 2 ;; esac
port=${PORT:-8080}
base=${NODE_PORT_BASE:-$((port + 1))}
dir=${CLUSTER_DIR:-$repo/upload-gateway-data/cluster}
war="$repo/web/target/upload-gateway.war"
micro="$here/target/payara-micro.jar"
[ -f "$war" ] && [ -f "$micro" ] && [ -f "$here/target/postgresql.jar" ] \
    || { echo "cluster.sh: build first: mvn -DskipTests package" >&2; exit 1; }
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
    [ "$(id -u)" -eq 0 ] || { echo "cluster.sh: nginx is missing and installing it needs root: apt-get install -y nginx" >&2; exit 1; }
    echo "cluster.sh: installing Debian's nginx" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nginx >&2
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

umask 077
rm -rf "$dir"
mkdir -p "$dir/nginx" "$dir/files"
# run as root, PostgreSQL runs as the postgres user: it may pass through (not list) the directories above its own
chmod 711 "$dir"
[ "$(dirname "$dir")" = "$repo/upload-gateway-data" ] && chmod 711 "$repo/upload-gateway-data"
pids=()
own_pg=
stop() {
    trap - INT TERM EXIT
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for f in "$dir"/node-*/pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done # restarted ones too
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    [ -n "$own_pg" ] && "$here/postgres.sh" stop "$dir/postgres"
    exit "${1:-0}"
}
trap 'stop 130' INT
trap 'stop 143' TERM
trap 'stop $?' EXIT

if [ -n "${DB_HOST:-}" ]; then
    export UPLOAD_GATEWAY_DB_HOST=$DB_HOST UPLOAD_GATEWAY_DB_PORT=${DB_PORT:-5432} \
        UPLOAD_GATEWAY_DB_NAME=${DB_NAME:-upload_gateway} UPLOAD_GATEWAY_DB_USER=${DB_USER:-gateway} \
        UPLOAD_GATEWAY_DB_PASSWORD=${DB_PASSWORD:?cluster.sh: DB_HOST is set: set DB_PASSWORD too}
else
    UPLOAD_GATEWAY_DB_PASSWORD=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)
    export UPLOAD_GATEWAY_DB_PASSWORD UPLOAD_GATEWAY_DB_HOST=127.0.0.1 UPLOAD_GATEWAY_DB_PORT=${PG_PORT:-55432} \
        UPLOAD_GATEWAY_DB_NAME=upload_gateway UPLOAD_GATEWAY_DB_USER=gateway
    own_pg=1
    "$here/postgres.sh" start "$dir/postgres" "$UPLOAD_GATEWAY_DB_PORT" >/dev/null
fi
# the database's settings for psql or another node (readable by this user only, as the whole directory)
env | grep '^UPLOAD_GATEWAY_DB_' > "$dir/database.env"
cat "$here/pre-boot-commands.asadmin" "$here/postgresql.asadmin" > "$dir/pre-boot.asadmin"

upstream=""
for i in $(seq 1 "$nodes"); do
    node_port=$((base + i - 1))
    home="$dir/node-$i"
    mkdir -p "$home/micro" "$home/config"   # config: the node's config directory (post-boot-commands.asadmin)
    spool=(-Dupload.spool-dir="$home/spool")
    [ -n "$shared_spool" ] && spool=(-Dupload.spool-dir="$dir/spool" -Dupload.spool-shared=true)
    upstream+="        server 127.0.0.1:$node_port max_fails=1 fail_timeout=2s;"$'\n'
    # shellcheck disable=SC2206 # JAVA_OPTS is a list of options
    cmd=(java ${JAVA_OPTS:-} -Dcluster.node-id="node-$i" -Dcluster.node-url="http://127.0.0.1:$node_port"
        -Dmp.metrics.tags="node=node-$i"
        "${spool[@]}" -Dprovider.local.dir="$dir/files"
        -Daudit.upload-events-file="$home/audit/upload-events.jsonl"
        -Daudit.rollout-events-file="$home/audit/rollout-events.jsonl"
        -Drollout.state-file="$home/rollout-state.json"
        -jar "$micro" --deploy "$war" --port "$node_port" --nohazelcast --rootdir "$home/micro"
        --addlibs "$here/target/postgresql.jar" --prebootcommandfile "$dir/pre-boot.asadmin"
        --postbootcommandfile "$here/post-boot-commands.asadmin"
        --logproperties "$here/logging.properties")
    # the node's own start script: how cluster.sh starts it, and how an operator restarts it after a crash
    {
        echo '#!/usr/bin/env bash'
        echo "# node-$i of the cluster in $dir, as cluster.sh started it; its log is appended to"
        for v in UPLOAD_GATEWAY_DB_HOST UPLOAD_GATEWAY_DB_PORT UPLOAD_GATEWAY_DB_NAME UPLOAD_GATEWAY_DB_USER \
                UPLOAD_GATEWAY_DB_PASSWORD; do
            printf 'export %s=%q\n' "$v" "${!v}"
        done
        printf 'echo $$ > %q\n' "$home/pid"
        printf 'exec'
        printf ' %q' "${cmd[@]}"
        printf ' >> %q 2>&1\n' "$home/server.log"
    } > "$home/start.sh"
    bash "$home/start.sh" &
    pids+=($!)
done

# nginx as users run it in front of replicas: streamed bodies both ways, a dead node skipped
cat > "$dir/nginx/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $dir/nginx/client_body;
    proxy_temp_path $dir/nginx/proxy;
    fastcgi_temp_path $dir/nginx/fastcgi;
    uwsgi_temp_path $dir/nginx/uwsgi;
    scgi_temp_path $dir/nginx/scgi;
    upstream gateways {
$upstream        keepalive 64;
    }
    server {
        listen 127.0.0.1:$port;
        client_max_body_size 0;
        location / {
            proxy_pass http://gateways;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
            proxy_request_buffering off;
            proxy_buffering off;
            proxy_next_upstream error timeout;
            proxy_connect_timeout 2s;
            proxy_send_timeout 300s;
            proxy_read_timeout 300s;
        }
    }
}
CONF
"$nginx_bin" -p "$dir/nginx" -c "$dir/nginx/nginx.conf" > "$dir/nginx/nginx.out" 2>&1 &
pids+=($!)

# ready: every node answers by itself, then through nginx
for _ in $(seq 1 240); do
    ready=0
    for i in $(seq 1 "$nodes"); do
        kill -0 "${pids[$((i - 1))]}" 2>/dev/null || { echo "cluster.sh: node-$i exited; see $dir/node-$i/server.log" >&2; exit 1; }
        if grep -q "ready in" "$dir/node-$i/server.log" \
                && curl -fsS -o /dev/null "http://127.0.0.1:$((base + i - 1))/api/uploads?limit=1" 2>/dev/null; then
            ready=$((ready + 1))
        fi
    done
    if [ "$ready" -eq "$nodes" ] && curl -fsS -o /dev/null "http://127.0.0.1:$port/api/uploads?limit=1" 2>/dev/null; then
        echo "upload-gateway cluster ready: http://127.0.0.1:$port ($nodes nodes on ports $base-$((base + nodes - 1)); Ctrl+C stops it)"
        while true; do sleep 1; done
    fi
    sleep 1
done
echo "cluster.sh: the nodes did not answer within 240 s; see $dir/node-*/server.log" >&2
exit 1
