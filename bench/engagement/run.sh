#!/usr/bin/env bash
# Engagement API benchmark (not part of the test suite); see docs/performance.md.
#
# Builds the jar if it is missing, starts Waymark on a new H2 database in a fresh temporary
# directory, runs EngagementLoad against it and stops it; then does the same on PostgreSQL:
#   - on the database given by WAYMARK_BENCH_PG_URL (jdbc:postgresql://...), with
#     WAYMARK_BENCH_PG_USER and WAYMARK_BENCH_PG_PASSWORD. Use an empty database: the
#     benchmark's administrator is created on first start. (Or set WAYMARK_BENCH_ADMIN_EMAIL and
#     WAYMARK_BENCH_ADMIN_PASSWORD to an administrator that already exists there.)
#   - otherwise, if Debian's PostgreSQL tools are installed and this script may act as the
#     postgres user (run as root, or with passwordless sudo), on a throwaway database and role
#     created in the local cluster (WAYMARK_BENCH_PG_CLUSTER, default "15 main"), which is started
#     if it is down. The database, the role, and the cluster if this script started it, are
#     removed or stopped at the end.
#   - otherwise PostgreSQL is skipped, with a message.
#
# Knobs: BENCH_CLIENTS (1,16,64), BENCH_SECONDS (20 per row), BENCH_WARMUP (90 s at the largest
# client count), BENCH_SETTLE (30 s without load after the warm-up, for the JIT compiler to catch
# up), BENCH_RATE (1000: a last row with the largest client count sending that many requests per
# second in all; 0 for none), BENCH_PORT (18080; the next free port is taken if busy),
# BENCH_APP_JAVA_OPTS (JVM options for the application), BENCH_ONLY (h2 or pg, to run one of
# them), BENCH_MVN_ARGS (extra arguments for the build).
# Everything it starts is stopped on exit, also on failure or Ctrl-C.
set -Eeuo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CLIENTS=${BENCH_CLIENTS:-1,16,64}
SECS=${BENCH_SECONDS:-20}
WARMUP=${BENCH_WARMUP:-90}
SETTLE=${BENCH_SETTLE:-30}
RATE=${BENCH_RATE:-1000}
PORT=${BENCH_PORT:-18080}
ONLY=${BENCH_ONLY:-}
PG_CLUSTER=${WAYMARK_BENCH_PG_CLUSTER:-15 main}
ADMIN_EMAIL=${WAYMARK_BENCH_ADMIN_EMAIL:-bench-admin@example.org}
ADMIN_PASSWORD=${WAYMARK_BENCH_ADMIN_PASSWORD:-bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')}

APP_PID=
LOAD_PID=
TMP_DIRS=()
PG_DB=
PG_ROLE=
PG_STARTED=
AS_POSTGRES=()

log() { printf '== %s\n' "$*" >&2; }

stop_pid() {
    local pid=$1
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
}

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    stop_pid "$LOAD_PID"
    stop_pid "$APP_PID"
    if [[ -n $PG_DB ]]; then
        log "dropping throwaway database $PG_DB and role $PG_ROLE"
        "${AS_POSTGRES[@]}" psql -q -X -p "$PG_PORT" -d postgres -v ON_ERROR_STOP=1 \
            -c "DROP DATABASE IF EXISTS \"$PG_DB\" WITH (FORCE)" -c "DROP ROLE IF EXISTS \"$PG_ROLE\"" \
            >&2 || log "could not drop $PG_DB / $PG_ROLE: remove them by hand"
    fi
    if [[ -n $PG_STARTED ]]; then
        log "stopping PostgreSQL cluster $PG_CLUSTER (started by this script)"
        # shellcheck disable=SC2086
        pg_ctlcluster $PG_CLUSTER stop >&2 || true
    fi
    for dir in "${TMP_DIRS[@]}"; do rm -rf -- "$dir"; done
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

ready() (
    exec 3<>"/dev/tcp/127.0.0.1/$PORT" || exit 1
    printf 'GET /actuator/health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
    IFS= read -r -t 5 line <&3 || exit 1
    [[ $line == *" 200"* ]]
)

machine() {
    local cpu memory os java
    cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
    memory=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
    os=$(. /etc/os-release && echo "$PRETTY_NAME")
    java=$(java -version 2>&1 | head -n 1)
    echo "Machine: $(nproc) CPUs ($cpu), $memory memory, $os, $java, $(date -u '+%Y-%m-%d %H:%M UTC')," \
        "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Starts the application (default profile) with the given extra environment (NAME=value ...)
# and waits until it is ready.
start_app() {
    local dir
    dir=$(mktemp -d "${TMPDIR:-/tmp}/waymark-bench.XXXXXX")
    TMP_DIRS+=("$dir")
    while port_busy "$PORT"; do PORT=$((PORT + 1)); done
    log "starting Waymark on port $PORT in $dir"
    # shellcheck disable=SC2086
    # Only the given database settings count: none inherited from the caller's environment.
    (cd "$dir" && exec env -u WAYMARK_DB_URL -u WAYMARK_DB_USER -u WAYMARK_DB_PASSWORD \
        -u SPRING_PROFILES_ACTIVE "$@" PORT="$PORT" WAYMARK_ADMIN_EMAIL="$ADMIN_EMAIL" \
        WAYMARK_ADMIN_PASSWORD="$ADMIN_PASSWORD" java ${BENCH_APP_JAVA_OPTS:-} -jar "$JAR") \
        >"$dir/app.log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 180); do
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            tail -n 40 "$dir/app.log" >&2
            log "Waymark stopped while starting"
            return 1
        fi
        if ready 2>/dev/null; then return 0; fi
        sleep 1
    done
    tail -n 40 "$dir/app.log" >&2
    log "Waymark did not become ready in 180 s"
    return 1
}

run_load() {
    local label=$1
    java "$HERE/EngagementLoad.java" --base "http://127.0.0.1:$PORT" --email "$ADMIN_EMAIL" \
        --password "$ADMIN_PASSWORD" --clients "$CLIENTS" --seconds "$SECS" --warmup "$WARMUP" \
        --settle "$SETTLE" --rate "$RATE" --server-pid "$APP_PID" --label "$label" &
    LOAD_PID=$!
    local status=0
    wait "$LOAD_PID" || status=$?
    LOAD_PID=
    stop_pid "$APP_PID"
    APP_PID=
    return "$status"
}

# A throwaway database and role in Debian's local cluster; sets PG_URL, PG_USER, PG_PASSWORD.
local_postgres() {
    command -v pg_lsclusters >/dev/null && command -v pg_ctlcluster >/dev/null || {
        log "PostgreSQL skipped: WAYMARK_BENCH_PG_URL is not set and Debian's postgresql-common is not installed"
        return 1
    }
    if [[ $(id -u) -eq 0 ]]; then
        AS_POSTGRES=(runuser -u postgres --)
    elif sudo -n -u postgres true 2>/dev/null; then
        AS_POSTGRES=(sudo -n -u postgres)
    else
        log "PostgreSQL skipped: set WAYMARK_BENCH_PG_URL, or run as root (or with sudo) to use the local cluster"
        return 1
    fi
    local info
    # shellcheck disable=SC2086
    info=$(pg_lsclusters --no-header $PG_CLUSTER 2>/dev/null) || {
        log "PostgreSQL skipped: no cluster '$PG_CLUSTER' (set WAYMARK_BENCH_PG_CLUSTER, e.g. \"16 main\")"
        return 1
    }
    PG_PORT=$(awk '{print $3}' <<<"$info")
    if [[ $(awk '{print $4}' <<<"$info") != online* ]]; then
        log "starting PostgreSQL cluster $PG_CLUSTER"
        # shellcheck disable=SC2086
        pg_ctlcluster $PG_CLUSTER start || return 1
        PG_STARTED=yes
    fi
    local suffix
    suffix=$(date +%s)_$$
    PG_PASSWORD=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
    PG_USER=waymark_bench_$suffix
    PG_ROLE=$PG_USER
    log "creating throwaway database waymark_bench_$suffix in cluster $PG_CLUSTER (port $PG_PORT)"
    "${AS_POSTGRES[@]}" psql -q -X -p "$PG_PORT" -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE \"$PG_ROLE\" LOGIN PASSWORD '$PG_PASSWORD'" >&2 || return 1
    PG_DB=waymark_bench_$suffix
    "${AS_POSTGRES[@]}" psql -q -X -p "$PG_PORT" -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE DATABASE \"$PG_DB\" OWNER \"$PG_ROLE\"" >&2 || return 1
    PG_URL=jdbc:postgresql://localhost:$PG_PORT/$PG_DB
    PG_VERSION=$("${AS_POSTGRES[@]}" psql -X -A -t -p "$PG_PORT" -d postgres -c 'SHOW server_version' | cut -d' ' -f1)
    PG_VERSION="PostgreSQL ${PG_VERSION:-?}, local cluster $PG_CLUSTER, throwaway database"
}

JAR=$(ls "$ROOT"/target/waymark-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true)
if [[ -z $JAR ]]; then
    log "building the jar"
    # shellcheck disable=SC2086
    (cd "$ROOT" && ./mvnw -B -q -DskipTests ${BENCH_MVN_ARGS:-} package)
    JAR=$(ls "$ROOT"/target/waymark-*.jar | grep -v '\.original$' | head -n 1)
fi

machine
failed=0

if [[ $ONLY != pg ]]; then
    start_app
    run_load "H2 (file database, new)" || failed=1
fi

if [[ $ONLY != h2 ]]; then
    if [[ -n ${WAYMARK_BENCH_PG_URL:-} ]]; then
        PG_URL=$WAYMARK_BENCH_PG_URL
        PG_USER=${WAYMARK_BENCH_PG_USER:-}
        PG_PASSWORD=${WAYMARK_BENCH_PG_PASSWORD:-}
        PG_VERSION="database given by WAYMARK_BENCH_PG_URL"
        have_pg=yes
    elif local_postgres; then
        have_pg=yes
    else
        have_pg=
    fi
    if [[ -n $have_pg ]]; then
        start_app WAYMARK_DB_URL="$PG_URL" WAYMARK_DB_USER="$PG_USER" WAYMARK_DB_PASSWORD="$PG_PASSWORD"
        run_load "PostgreSQL ($PG_VERSION)" || failed=1
    fi
fi

exit "$failed"
