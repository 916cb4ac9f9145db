#!/usr/bin/env bash
# Screening's benchmarks (not part of the test suite); figures in docs/performance.md.
#
#   bench/screening/run.sh rules   the rule book: BENCH_PASSENGERS (1000000) passengers against
#                                  BENCH_RULES (50) rules on BENCH_THREADS (2) threads, BENCH_ROUNDS (3)
#                                  times after a warm-up round (RuleRate.java)
#   bench/screening/run.sh links   grouping a day's bookings by what they share: BENCH_PASSENGERS
#                                  (800000) passengers made up in memory, grouped BENCH_WARMUP (2) times
#                                  to warm up, then BENCH_ROUNDS (5) times (LinksBench.java)
#   bench/screening/run.sh names   name matching on one thread: a watch list of BENCH_ENTRIES (100000)
#                                  entries (the labelled set's people among made-up others) in a
#                                  NameIndex, BENCH_PASSENGERS (10000) passengers (the labelled set of
#                                  BENCH_LABELLED (1000) names first) looked up in it; then every labelled
#                                  passenger compared with every entry, by the same scorer and by plain
#                                  Jaro-Winkler, with recall and precision of each (NameMatchingBench,
#                                  in bench/screening/java; BENCH_SEED (1)). Comparing 1,000 passengers
#                                  with 100,000 entries takes a few minutes; with
#                                  BENCH_JAVA_OPTS=-Dnames.indexOnly=true only the index is measured, and
#                                  -Dnames.misses=true lists the labelled passengers it misses.
#
# Compiles the main and test classes first. Knobs also: BENCH_JAVA_OPTS (default -Xmx6g),
# BENCH_MVN_ARGS (extra arguments for the build, e.g. -o).
set -Eeuo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
cd "$ROOT"

WHICH=${1:-rules}
# shellcheck disable=SC2086
./mvnw -B -ntp -q ${BENCH_MVN_ARGS:-} test-compile
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
# shellcheck disable=SC2086
./mvnw -B -ntp -q ${BENCH_MVN_ARGS:-} dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$CP_FILE"
CP="target/classes:target/test-classes:$(cat "$CP_FILE")"
case "$WHICH" in
    rules)
        mkdir -p target/bench-screening
        javac -d target/bench-screening -cp "$CP" "$HERE/RuleRate.java"
        # shellcheck disable=SC2086
        exec java ${BENCH_JAVA_OPTS:--Xmx6g} -cp "target/bench-screening:$CP" org.waymark.screening.rules.bench.RuleRate \
            "${BENCH_PASSENGERS:-1000000}" "${BENCH_RULES:-50}" "${BENCH_THREADS:-2}" "${BENCH_ROUNDS:-3}" ;;
    links)
        # shellcheck disable=SC2086
        exec java ${BENCH_JAVA_OPTS:--Xmx6g} -cp "$CP" "$HERE/LinksBench.java" \
            "${BENCH_PASSENGERS:-800000}" "${BENCH_WARMUP:-2}" "${BENCH_ROUNDS:-5}" ;;
    names)
        # shellcheck disable=SC2086
        exec java ${BENCH_JAVA_OPTS:-} -cp "$CP" org.waymark.screening.names.NameMatchingBench \
            "${BENCH_ENTRIES:-100000}" "${BENCH_PASSENGERS:-10000}" "${BENCH_LABELLED:-1000}" "${BENCH_SEED:-1}" ;;
    *)
        echo "usage: $0 rules|links|names" >&2
        exit 2 ;;
esac
