#!/usr/bin/env bash
# Screening benchmarks (not part of the test suite); see docs/performance.md.
#
#   bench/screening/run.sh         # screening: rules and a watch list (ScreeningRate.java beside this script)
#   bench/screening/run.sh rules   # the rule book alone (RuleRate.java beside this script)
#   bench/screening/run.sh names   # name matching alone (NameMatchingBench, in bench/screening/java)
#   bench/screening/run.sh links   # grouping a day's bookings by what they share (LinksBench.java beside this script)
#
# Each compiles the main and test classes first. Knobs for every one: BENCH_JAVA_OPTS, BENCH_MVN_ARGS
# (extra arguments for the build, e.g. -o).
#
# screening (the default): in memory, no database, BENCH_PASSENGERS (1000000) passengers, cycling
# through 20,000 with the names and birth dates of the generator's travellers, each through BENCH_RULES
# (50) rules and looked up in a watch list of BENCH_ENTRIES (100000) entries, on BENCH_THREADS (2)
# threads, BENCH_ROUNDS (3) times after a warm-up round of 200,000 at most; then the name matching alone
# as often; then BENCH_SAMPLE (1000; 0 for none) passengers compared with every entry by Jaro-Winkler,
# extrapolated to all. A run with the defaults takes well over ten minutes.
#
# rules: BENCH_PASSENGERS (1000000) passengers against BENCH_RULES (50) rules on BENCH_THREADS (2)
# threads, BENCH_ROUNDS (3) times after a warm-up round; figures in docs/adr/0044-rules-as-data.md.
#
# names: on one thread, a watch list of BENCH_ENTRIES entries (the labelled set's people among
# made-up others) put in a NameIndex, and BENCH_PASSENGERS passengers (the labelled set of
# BENCH_LABELLED names first) looked up in it; then every labelled passenger compared with every
# entry, by the same scorer and by plain Jaro-Winkler. It prints the time per passenger of each way,
# their ratio, and the recall and precision of each on the labelled set. Knobs: BENCH_ENTRIES
# (100000), BENCH_PASSENGERS (10000), BENCH_LABELLED (1000), BENCH_SEED (1). Comparing 1,000
# passengers with 100,000 entries takes a few minutes; with BENCH_JAVA_OPTS=-Dnames.indexOnly=true
# only the index is measured. -Dnames.misses=true lists the labelled passengers the index misses or
# matches wrongly.
#
# links: BENCH_PASSENGERS (800000) passengers made up in memory, grouped BENCH_WARMUP (2) times to warm
# up, then BENCH_ROUNDS (5) times; BENCH_JAVA_OPTS defaults to -Xmx6g.
set -Eeuo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
cd "$ROOT"

WHAT=${1:-screening}
case "$WHAT" in
    screening | rules | names | links) ;;
    *)
        echo "usage: $0 [screening|rules|names|links]" >&2
        exit 2
        ;;
esac

# shellcheck disable=SC2086
./mvnw -B -ntp -q ${BENCH_MVN_ARGS:-} test-compile
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
# shellcheck disable=SC2086
./mvnw -B -ntp -q ${BENCH_MVN_ARGS:-} dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$CP_FILE"
CP="target/classes:target/test-classes:$(cat "$CP_FILE")"

if [[ "$WHAT" == screening || "$WHAT" == rules ]]; then
    mkdir -p target/bench-screening
    javac -d target/bench-screening -cp "$CP" "$HERE/RuleRate.java" "$HERE/ScreeningRate.java"
fi
case "$WHAT" in
    screening)
        # shellcheck disable=SC2086
        java ${BENCH_JAVA_OPTS:-} -cp "target/bench-screening:$CP" org.waymark.screening.rules.bench.ScreeningRate \
            "${BENCH_PASSENGERS:-1000000}" "${BENCH_RULES:-50}" "${BENCH_ENTRIES:-100000}" "${BENCH_THREADS:-2}" \
            "${BENCH_ROUNDS:-3}" "${BENCH_SAMPLE:-1000}"
        ;;
    rules)
        # shellcheck disable=SC2086
        java ${BENCH_JAVA_OPTS:-} -cp "target/bench-screening:$CP" org.waymark.screening.rules.bench.RuleRate \
            "${BENCH_PASSENGERS:-1000000}" "${BENCH_RULES:-50}" "${BENCH_THREADS:-2}" "${BENCH_ROUNDS:-3}"
        ;;
    names)
        # shellcheck disable=SC2086
        java ${BENCH_JAVA_OPTS:-} -cp "$CP" org.waymark.screening.names.NameMatchingBench \
            "${BENCH_ENTRIES:-100000}" "${BENCH_PASSENGERS:-10000}" "${BENCH_LABELLED:-1000}" "${BENCH_SEED:-1}"
        ;;
    links)
        # shellcheck disable=SC2086
        java ${BENCH_JAVA_OPTS:--Xmx6g} -cp "$CP" "$HERE/LinksBench.java" \
            "${BENCH_PASSENGERS:-800000}" "${BENCH_WARMUP:-2}" "${BENCH_ROUNDS:-5}"
        ;;
esac
