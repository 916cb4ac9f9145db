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
# Everything it starts is stopped on exit, also on failure or Ctrl-C (see ../common.sh).
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

# shellcheck source=../common.sh
. "$HERE/../common.sh"
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

run_load() {
    local label=$1
    java "$HERE/EngagementLoad.java" --base "http://127.0.0.1:$PORT" --email "$ADMIN_EMAIL" \
        --password "$ADMIN_PASSWORD" --clients "$CLIENTS" --seconds "$SECS" --warmup "$WARMUP" \
        --settle "$SETTLE" --rate "$RATE" --server-pid "$APP_PID" --label "$label" &
    LOAD_PID=$!
    local status=0
    wait "$LOAD_PID" || status=$?
    LOAD_PID=
    stop_app
    return "$status"
}

bench_jar
machine
failed=0

if [[ $ONLY != pg ]]; then
    new_app_dir
    start_app "$APP_DIR"
    run_load "H2 (file database, new)" || failed=1
fi

if [[ $ONLY != h2 ]]; then
    if bench_postgres; then
        new_app_dir
        start_app "$APP_DIR" WAYMARK_DB_URL="$PG_URL" WAYMARK_DB_USER="$PG_USER" WAYMARK_DB_PASSWORD="$PG_PASSWORD"
        run_load "PostgreSQL ($PG_VERSION)" || failed=1
    fi
fi

exit "$failed"
