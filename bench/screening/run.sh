#!/usr/bin/env bash
# How fast the rule book screens passengers (not part of the test suite); see
# docs/adr/0044-rules-as-data.md for the figures.
#
# Compiles the main and test classes, then RuleRate.java beside this script, and runs it:
# BENCH_PASSENGERS (1000000) passengers against BENCH_RULES (50) rules on BENCH_THREADS (2)
# threads, BENCH_ROUNDS (3) times after a warm-up round. Knobs also: BENCH_JAVA_OPTS,
# BENCH_MVN_ARGS (extra arguments for the build, e.g. -o).
set -Eeuo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
cd "$ROOT"

# shellcheck disable=SC2086
./mvnw -B -ntp -q ${BENCH_MVN_ARGS:-} test-compile
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
# shellcheck disable=SC2086
./mvnw -B -ntp -q ${BENCH_MVN_ARGS:-} dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$CP_FILE"
CP="target/classes:target/test-classes:$(cat "$CP_FILE")"
mkdir -p target/bench-screening
javac -d target/bench-screening -cp "$CP" "$HERE/RuleRate.java"
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:-} -cp "target/bench-screening:$CP" org.waymark.screening.rules.bench.RuleRate \
    "${BENCH_PASSENGERS:-1000000}" "${BENCH_RULES:-50}" "${BENCH_THREADS:-2}" "${BENCH_ROUNDS:-3}"
