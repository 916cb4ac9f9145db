#!/usr/bin/env bash
# National benchmark (not part of the test suite); see docs/performance.md.
#
# Two Waymark nodes on one PostgreSQL (a throwaway database in Debian's local cluster, or the one
# WAYMARK_BENCH_PG_URL names) and one Kafka broker (KRaft, started from the test classpath: the
# broker the tests use), all on this machine:
#   1. tallies from BENCH_OPERATIONS operations at once (40), BENCH_RATE tallies a second in all
#      (1,000), each operation with a phone on each node, for BENCH_SECONDS (60) after a warm-up:
#      EngagementLoad.java, which reports p50 to p99 and the CPU per tally of the nodes and of
#      PostgreSQL, and checks the operations' totals;
#   2. a day of passenger messages through Kafka: BENCH_FLIGHTS flights (5,334, about the UK's
#      800,000 passengers a day at BENCH_PASSENGERS = 150) of MessageGenerator, each with its
#      passenger list, crew list and five PNR pushes, sent to both nodes by PassengerDataLoad.java
#      as fast as they answer (BENCH_MESSAGE_RATE=0), or at that many a second; the backlog (messages
#      queued and not yet applied: the consumers' lag, in messages) read from the database every
#      5 s; the minutes until the last was applied, and the CPU per message. BENCH_CONSUMERS (1)
#      consumers on each node.
# BENCH_ONLY=tallies or =messages runs one part. Everything started is stopped on exit.
set -Eeuo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OPERATIONS=${BENCH_OPERATIONS:-40}
RATE=${BENCH_RATE:-1000}
SECS=${BENCH_SECONDS:-60}
WARMUP=${BENCH_WARMUP:-60}
FLIGHTS=${BENCH_FLIGHTS:-5334}
PASSENGERS=${BENCH_PASSENGERS:-150}
MESSAGE_RATE=${BENCH_MESSAGE_RATE:-0}
CONSUMERS=${BENCH_CONSUMERS:-1}
SEED=${BENCH_SEED:-1}
PORT=${BENCH_PORT:-18080}
ONLY=${BENCH_ONLY:-}

# shellcheck source=../common.sh
. "$HERE/../common.sh"

NODE_A_PID=
BROKER_PID=
SAMPLER_PID=
national_cleanup() {
    local status=$?
    stop_pid "$SAMPLER_PID"
    stop_pid "$NODE_A_PID"
    stop_pid "$BROKER_PID"
    (exit "$status")
    bench_cleanup
}
trap national_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

bench_jar
bench_postgres || { log "the national benchmark needs PostgreSQL"; exit 1; }
machine

if [[ ! -f $ROOT/target/test-classes/org/waymark/national/KafkaBroker.class ]]; then
    log "compiling the tests (for the Kafka broker and the message generator)"
    # shellcheck disable=SC2086
    (cd "$ROOT" && ./mvnw -B -q ${BENCH_MVN_ARGS:-} test-compile)
fi
CLASSPATH_FILE=$ROOT/target/national-classpath.txt
# shellcheck disable=SC2086
(cd "$ROOT" && ./mvnw -B -q ${BENCH_MVN_ARGS:-} dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$CLASSPATH_FILE")
TEST_CP=$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$CLASSPATH_FILE")

new_app_dir
WORK=$APP_DIR
log "starting the Kafka broker"
java -Xmx1g -cp "$TEST_CP" org.waymark.national.KafkaBroker "$WORK/brokers" >"$WORK/broker.log" 2>&1 &
BROKER_PID=$!
for _ in $(seq 120); do [[ -s $WORK/brokers ]] && break; sleep 1; done
[[ -s $WORK/brokers ]] || { tail -n 40 "$WORK/broker.log" >&2; log "the broker did not start"; exit 1; }
BROKERS=$(cat "$WORK/brokers")
log "Kafka broker at $BROKERS"

NODE_ENV=(WAYMARK_DB_URL="$PG_URL" WAYMARK_DB_USER="$PG_USER" WAYMARK_DB_PASSWORD="$PG_PASSWORD"
    WAYMARK_KAFKA_BOOTSTRAP_SERVERS="$BROKERS" WAYMARK_KAFKA_CONSUMERS="$CONSUMERS" WAYMARK_EVENTS_REPUBLISH_ON_RESTART=false
    WAYMARK_PASSENGER_DATA_HASH_KEY=national-benchmark-key-of-32-characters)
mkdir -p "$WORK/a" "$WORK/b"
start_app "$WORK/a" "${NODE_ENV[@]}"
NODE_A_PID=$APP_PID
NODE_A=http://127.0.0.1:$PORT
PORT=$((PORT + 1))
start_app "$WORK/b" "${NODE_ENV[@]}"
NODES=$NODE_A,http://127.0.0.1:$PORT
PIDS=$NODE_A_PID,$APP_PID
log "nodes $NODES (processes $PIDS)"
failed=0

if [[ $ONLY != messages ]]; then
    java "$ROOT/bench/engagement/EngagementLoad.java" --base "$NODES" --email "$ADMIN_EMAIL" \
        --password "$ADMIN_PASSWORD" --operations "$OPERATIONS" --clients "$((OPERATIONS * 2))" \
        --seconds "$SECS" --warmup "$WARMUP" --settle 10 --rate "$RATE" --server-pid "$PIDS" \
        --label "Tallies: $OPERATIONS operations on two nodes, $PG_VERSION" || failed=1
fi

if [[ $ONLY != tallies ]]; then
    MESSAGES_DIR=$WORK/messages
    mkdir -p "$MESSAGES_DIR"
    log "generating the messages of $FLIGHTS flights of $PASSENGERS passengers"
    java -cp "$TEST_CP" org.waymark.passengerdata.generator.MessageGenerator "$MESSAGES_DIR" "$FLIGHTS" \
        "$PASSENGERS" "$SEED" >&2
    # The backlog: messages queued and not yet applied, every 5 s
    read -r PG_HOST_PORT PG_NAME <<<"$(sed -E 's#jdbc:postgresql://([^/]+)/([^?]+).*#\1 \2#' <<<"$PG_URL")"
    (while true; do
        printf '%s %s\n' "$(date +%s)" "$(PGPASSWORD=$PG_PASSWORD psql -X -A -t -h "${PG_HOST_PORT%:*}" \
            -p "${PG_HOST_PORT#*:}" -U "$PG_USER" -d "$PG_NAME" \
            -c "SELECT COUNT(*) FILTER (WHERE status = 'QUEUED') || ' ' || COUNT(*) FROM pd_message" 2>/dev/null)"
        sleep 5
    done) >"$WORK/backlog" &
    SAMPLER_PID=$!
    java -Xmx2g "$ROOT/bench/passengerdata/PassengerDataLoad.java" --base "$NODES" --email "$ADMIN_EMAIL" \
        --password "$ADMIN_PASSWORD" --folder "$MESSAGES_DIR" --clients 8 --server-pid "$PIDS" \
        --day-flights 5334 --rate "$MESSAGE_RATE" \
        --label "a day of passenger messages through Kafka on two nodes ($CONSUMERS consumer each), $PG_VERSION" \
        || failed=1
    stop_pid "$SAMPLER_PID"
    SAMPLER_PID=
    echo
    echo "Backlog (messages queued, not yet applied) and messages stored, every 5 s:"
    echo
    echo "| s | Queued | Stored |"
    echo "|--:|--:|--:|"
    awk 'NR == 1 {t0 = $1} NF == 3 {printf "| %d | %d | %d |\n", $1 - t0, $2, $3}' "$WORK/backlog"
fi

exit "$failed"
