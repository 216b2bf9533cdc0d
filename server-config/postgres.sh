#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests and cluster.sh, never a production database:
#   postgres.sh start DIR PORT   initdb into DIR (wiped first), listen on 127.0.0.1:PORT only, and
#                                create the gateway's role and database; prints the JDBC URL
#   postgres.sh stop DIR         fast shutdown; quiet when nothing runs there
# The role and database are UPLOAD_GATEWAY_DB_USER / _NAME (default gateway / upload_gateway), the
# password UPLOAD_GATEWAY_DB_PASSWORD (required), checked with scram-sha-256 over TCP; the
# superuser only logs in over the socket in DIR. Installs Debian's postgresql when it is missing
# (as root, like the browser for DashboardIT). As root the server runs as the postgres user,
# because initdb refuses root.
set -euo pipefail
cmd=${1:?usage: postgres.sh start DIR PORT | stop DIR}
dir=${2:?usage: postgres.sh start DIR PORT | stop DIR}

bin() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -n "$found" ] && echo "$found"
}
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$cmd" in
stop)
    if [ -f "$dir/data/postmaster.pid" ] && pg=$(bin); then
        as_owner "$pg/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    ;;
start)
    port=${3:?usage: postgres.sh start DIR PORT}
    : "${UPLOAD_GATEWAY_DB_PASSWORD:?postgres.sh: set UPLOAD_GATEWAY_DB_PASSWORD}"
    user=${UPLOAD_GATEWAY_DB_USER:-gateway}
    name=${UPLOAD_GATEWAY_DB_NAME:-upload_gateway}
    if ! pg=$(bin); then
        if [ "$(id -u)" -ne 0 ]; then
            echo "postgres.sh: PostgreSQL is missing and installing it needs root: apt-get install -y postgresql" >&2
            exit 1
        fi
        echo "postgres.sh: installing Debian's postgresql" >&2
        DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql >&2
        pg=$(bin)
    fi
    "$0" stop "$dir"
    rm -rf "$dir" && mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    as_owner "$pg/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    # fsync off: a test database, rebuilt at every start
    as_owner "$pg/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=400" start >/dev/null \
        || { cat "$dir/server.log" >&2; exit 1; }
    printf "CREATE ROLE %s LOGIN CREATEDB PASSWORD '%s';\nCREATE DATABASE %s OWNER %s;\n" "$user" "$UPLOAD_GATEWAY_DB_PASSWORD" "$name" "$user" \
        | as_owner "$pg/psql" -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres >/dev/null
    echo "jdbc:postgresql://127.0.0.1:$port/$name"
    ;;
*)
    echo "usage: postgres.sh start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
