#!/usr/bin/env bash
# Benchmark of an operation's results at scale (not part of the test suite); see docs/performance.md.
#
# Builds the jar if it is missing, then on a new H2 file database in a fresh temporary directory
# and after that on PostgreSQL (as bench/engagement/run.sh does: WAYMARK_BENCH_PG_URL, or a
# throwaway database and role in the local Debian cluster, started if it is down; see
# ../common.sh):
#   1. starts Waymark with its scheduled jobs off, so that nothing is folded; ResultsLoad sets up
#      an operation with 10,000 flights through the API, inserts 1,000,000 tallies with JDBC and
#      measures the summary and the dashboard with every tally unfolded; stops Waymark;
#   2. starts Waymark again on the same database, folding every 5 s; ResultsLoad times the fold
#      of the backlog and waits until Waymark is idle again, then measures the summary and the
#      dashboard while tallies trickle in through the API; stops Waymark.
# On H2 the database URL ends in ;AUTO_SERVER=TRUE so that the load generator can connect while
# Waymark has the file open. The JDBC drivers are those inside the jar.
#
# Knobs: BENCH_ROWS (1000000), BENCH_FLIGHTS (10000), BENCH_DAYS (28), BENCH_CLIENTS (4: the
# concurrent rows), BENCH_REQUESTS (300 per folded row), BENCH_ROW_SECONDS (120: a folded row
# stops there even if short of its requests), BENCH_UNFOLDED_REQUESTS (5 per unfolded row),
# BENCH_UNFOLDED_SECONDS (60), BENCH_WARMUP (30 s with BENCH_CLIENTS clients before the folded
# rows), BENCH_SETTLE (10 s without load after it), BENCH_TRICKLE (5 tallies per second during
# the folded rows; 0 for none), BENCH_FOLD_WAIT (2400 s at most for the fold), BENCH_PORT (18080;
# the next free port is taken if busy), BENCH_APP_JAVA_OPTS (JVM options for the application),
# BENCH_ONLY (h2 or pg), BENCH_PLANS_DIR (a directory to write the statements' query plans to),
# BENCH_MVN_ARGS (extra arguments for the build).
# Everything it starts is stopped on exit, also on failure or Ctrl-C (see ../common.sh).
set -Eeuo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PORT=${BENCH_PORT:-18080}
ONLY=${BENCH_ONLY:-}

# shellcheck source=../common.sh
. "$HERE/../common.sh"
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The JDBC drivers Waymark itself uses, taken from its jar.
drivers() {
    local dir names
    dir=$(mktemp -d "${TMPDIR:-/tmp}/waymark-bench-drivers.XXXXXX")
    TMP_DIRS+=("$dir")
    names=$(jar tf "$JAR" | grep -E '^BOOT-INF/lib/(h2|postgresql)-[0-9][^/]*\.jar$')
    # shellcheck disable=SC2086
    (cd "$dir" && jar xf "$JAR" $names)
    DRIVERS=$(ls "$dir"/BOOT-INF/lib/*.jar | paste -sd: -)
}

load() {
    local phase=$1 label=$2 db_name=$3
    shift 3
    java -cp "$DRIVERS" "$HERE/ResultsLoad.java" --phase "$phase" --base "http://127.0.0.1:$PORT" \
        --email "$ADMIN_EMAIL" --password "$ADMIN_PASSWORD" --state "$APP_DIR/state.properties" \
        --rows "${BENCH_ROWS:-1000000}" --flights "${BENCH_FLIGHTS:-10000}" --days "${BENCH_DAYS:-28}" \
        --clients "${BENCH_CLIENTS:-4}" --requests "${BENCH_REQUESTS:-300}" \
        --row-seconds "${BENCH_ROW_SECONDS:-120}" --unfolded-requests "${BENCH_UNFOLDED_REQUESTS:-5}" \
        --unfolded-seconds "${BENCH_UNFOLDED_SECONDS:-60}" --warmup "${BENCH_WARMUP:-30}" \
        --settle "${BENCH_SETTLE:-10}" --trickle "${BENCH_TRICKLE:-5}" --fold-wait "${BENCH_FOLD_WAIT:-2400}" \
        --server-pid "$APP_PID" --label "$label" \
        ${BENCH_PLANS_DIR:+--plans "$BENCH_PLANS_DIR/plans-$db_name.txt"} "$@" &
    LOAD_PID=$!
    local status=0
    wait "$LOAD_PID" || status=$?
    LOAD_PID=
    return "$status"
}

# Both phases on one database: run_results LABEL NAME JDBC_URL JDBC_USER JDBC_PASSWORD [NAME=value ...]
run_results() {
    local label=$1 db_name=$2 url=$3 user=$4 password=$5
    shift 5
    local started status=0
    start_app "$APP_DIR" WAYMARK_SCHEDULING_ENABLED=false "$@" || return 1
    load unfolded "$label" "$db_name" --jdbc-url "$url" --jdbc-user "$user" --jdbc-password "$password" \
        || status=$?
    stop_app
    [[ $status -eq 0 ]] || return "$status"
    started=$(date +%s%3N)
    start_app "$APP_DIR" WAYMARK_ENGAGEMENT_FOLD_EVERY=5s "$@" || return 1
    load folded "$label" "$db_name" --jdbc-url "$url" --jdbc-user "$user" --jdbc-password "$password" \
        --app-started "$started" || status=$?
    stop_app
    return "$status"
}

bench_jar
drivers
[[ -z ${BENCH_PLANS_DIR:-} ]] || mkdir -p "$BENCH_PLANS_DIR"
machine
failed=0

if [[ $ONLY != pg ]]; then
    new_app_dir
    h2_url="jdbc:h2:file:$APP_DIR/data/waymark;AUTO_SERVER=TRUE"
    run_results "H2 (file database, new)" h2 "$h2_url" sa "" WAYMARK_DB_URL="$h2_url" || failed=1
fi

if [[ $ONLY != h2 ]]; then
    if bench_postgres; then
        new_app_dir
        run_results "PostgreSQL ($PG_VERSION)" pg "$PG_URL" "$PG_USER" "$PG_PASSWORD" WAYMARK_DB_URL="$PG_URL" \
            WAYMARK_DB_USER="$PG_USER" WAYMARK_DB_PASSWORD="$PG_PASSWORD" || failed=1
    fi
fi

exit "$failed"
