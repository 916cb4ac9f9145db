#!/usr/bin/env bash
# Passenger data intake benchmark, end to end (not part of the test suite); see docs/performance.md.
#
# Generates a day's interchanges at a large airport with MessageGenerator (BENCH_FLIGHTS flights
# of BENCH_PASSENGERS passengers: per flight a passenger list, a crew list and five PNR pushes),
# builds the jar if it is missing, starts Waymark on a new H2 database in a fresh temporary
# directory, sends every message through the API as a carrier gateway with PassengerDataLoad and
# checks that each was taken in once, and stops it; then does the same on PostgreSQL (the
# database given by WAYMARK_BENCH_PG_URL, or a throwaway one in the local cluster, as
# ../engagement/run.sh describes; otherwise skipped with a message).
#
# Knobs: BENCH_FLIGHTS (1000, a day; fewer for a fraction, and the day's minutes are worked out
# from the rate), BENCH_PASSENGERS (150 per flight), BENCH_CLIENTS (4 concurrent senders),
# BENCH_SEED (1), BENCH_PORT (18080; the next free port is taken if busy), BENCH_APP_JAVA_OPTS
# (JVM options for the application), BENCH_ONLY (h2 or pg, to run one of them), BENCH_MVN_ARGS
# (extra arguments for the build). The parse rate alone is measured by ParseRate (see
# docs/performance.md).
# Everything it starts is stopped on exit, also on failure or Ctrl-C (see ../common.sh).
set -Eeuo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
FLIGHTS=${BENCH_FLIGHTS:-1000}
PASSENGERS=${BENCH_PASSENGERS:-150}
CLIENTS=${BENCH_CLIENTS:-4}
SEED=${BENCH_SEED:-1}
PORT=${BENCH_PORT:-18080}
ONLY=${BENCH_ONLY:-}

# shellcheck source=../common.sh
. "$HERE/../common.sh"
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The generator is a test source: compiled with the tests, run from their classes.
generate() {
    if [[ ! -f $ROOT/target/test-classes/org/waymark/passengerdata/generator/MessageGenerator.class ]]; then
        log "compiling the tests (for the message generator)"
        # shellcheck disable=SC2086
        (cd "$ROOT" && ./mvnw -B -q ${BENCH_MVN_ARGS:-} test-compile)
    fi
    MESSAGES_DIR=$(mktemp -d "${TMPDIR:-/tmp}/waymark-bench-messages.XXXXXX")
    TMP_DIRS+=("$MESSAGES_DIR")
    log "generating the messages of $FLIGHTS flights of $PASSENGERS passengers"
    java -cp "$ROOT/target/test-classes:$ROOT/target/classes" \
        org.waymark.passengerdata.generator.MessageGenerator "$MESSAGES_DIR" "$FLIGHTS" "$PASSENGERS" "$SEED" >&2
}

run_load() {
    local label=$1
    java -Xmx2g "$HERE/PassengerDataLoad.java" --base "http://127.0.0.1:$PORT" --email "$ADMIN_EMAIL" \
        --password "$ADMIN_PASSWORD" --folder "$MESSAGES_DIR" --clients "$CLIENTS" --server-pid "$APP_PID" \
        --label "$label" &
    LOAD_PID=$!
    local status=0
    wait "$LOAD_PID" || status=$?
    LOAD_PID=
    stop_app
    return "$status"
}

bench_jar
generate
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
