# Shared by the benchmarks' run.sh scripts (sourced, not run); see docs/performance.md.
#
# The caller sets ROOT (the repository) and PORT (the first port to try), then installs the
# clean-up:   trap bench_cleanup EXIT; trap 'exit 130' INT; trap 'exit 143' TERM
# It provides: log, stop_pid, machine, bench_jar (sets JAR, building it if target/ has none),
# new_app_dir (sets APP_DIR), start_app DIR [NAME=value ...] (sets APP_PID), stop_app, and
# bench_postgres (sets PG_URL, PG_USER, PG_PASSWORD, PG_VERSION; see its comment).
# bench_cleanup stops LOAD_PID and APP_PID, drops the throwaway PostgreSQL database and role,
# stops the cluster if it was started here and removes the temporary directories.
#
# Settings read: BENCH_APP_JAVA_OPTS, BENCH_MVN_ARGS, WAYMARK_BENCH_PG_URL / _USER / _PASSWORD,
# WAYMARK_BENCH_PG_CLUSTER (default "15 main"), WAYMARK_BENCH_ADMIN_EMAIL / _PASSWORD.

PG_CLUSTER=${WAYMARK_BENCH_PG_CLUSTER:-15 main}
ADMIN_EMAIL=${WAYMARK_BENCH_ADMIN_EMAIL:-bench-admin@example.org}
ADMIN_PASSWORD=${WAYMARK_BENCH_ADMIN_PASSWORD:-bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')}

APP_PID=
APP_DIR=
LOAD_PID=
TMP_DIRS=()
PG_DB=
PG_ROLE=
PG_PORT=
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

bench_cleanup() {
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

# The application jar in target/, built if there is none (an existing one is used as it is).
bench_jar() {
    JAR=$(ls "$ROOT"/target/waymark-*.jar 2>/dev/null | grep -v '\.original$' | head -n 1 || true)
    if [[ -z $JAR ]]; then
        log "building the jar"
        # shellcheck disable=SC2086
        (cd "$ROOT" && ./mvnw -B -q -DskipTests ${BENCH_MVN_ARGS:-} package)
        JAR=$(ls "$ROOT"/target/waymark-*.jar | grep -v '\.original$' | head -n 1)
    fi
}

# A fresh temporary directory, removed on exit; sets APP_DIR.
new_app_dir() {
    APP_DIR=$(mktemp -d "${TMPDIR:-/tmp}/waymark-bench.XXXXXX")
    TMP_DIRS+=("$APP_DIR")
}

# Starts the application (default profile) in DIR, so with its default H2 database in DIR/data,
# with the given extra environment (NAME=value ...), and waits until it is ready. The log goes
# to DIR/app.log (appended to, so that a restart keeps the earlier one).
start_app() {
    local dir=$1
    shift
    while port_busy "$PORT"; do PORT=$((PORT + 1)); done
    log "starting Waymark on port $PORT in $dir"
    # shellcheck disable=SC2086
    # Only the given database settings count: none inherited from the caller's environment.
    # Two-factor sign-in is off: the load generators sign in with a password alone, as a script
    # would with a token made once by hand, and its second step costs nothing per request.
    (cd "$dir" && exec env -u WAYMARK_DB_URL -u WAYMARK_DB_USER -u WAYMARK_DB_PASSWORD \
        -u SPRING_PROFILES_ACTIVE "$@" PORT="$PORT" WAYMARK_ADMIN_EMAIL="$ADMIN_EMAIL" \
        WAYMARK_ADMIN_PASSWORD="$ADMIN_PASSWORD" WAYMARK_SECURITY_TWO_FACTOR=off \
        java ${BENCH_APP_JAVA_OPTS:-} -jar "$JAR") \
        >>"$dir/app.log" 2>&1 &
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

stop_app() {
    stop_pid "$APP_PID"
    APP_PID=
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

# The PostgreSQL database to run on: WAYMARK_BENCH_PG_URL (with WAYMARK_BENCH_PG_USER and
# WAYMARK_BENCH_PG_PASSWORD) if set, otherwise a throwaway one in the local cluster; returns
# non-zero, with a message, when there is none.
bench_postgres() {
    if [[ -n ${WAYMARK_BENCH_PG_URL:-} ]]; then
        PG_URL=$WAYMARK_BENCH_PG_URL
        PG_USER=${WAYMARK_BENCH_PG_USER:-}
        PG_PASSWORD=${WAYMARK_BENCH_PG_PASSWORD:-}
        PG_VERSION="database given by WAYMARK_BENCH_PG_URL"
    else
        local_postgres
    fi
}
