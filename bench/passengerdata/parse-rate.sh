#!/usr/bin/env bash
# Parse rate of the passenger data reader (not part of the test suite); see docs/performance.md.
#
# Compiles the main and test classes (the generator and ParseRate live in the test source root
# bench/passengerdata/java), then runs ParseRate: PNRGOV pushes for BENCH_FLIGHTS flights of
# BENCH_PASSENGERS passengers each, generated in memory, read on one thread after two warm-up
# rounds, BENCH_ROUNDS times. It prints MB/s per second of the thread's CPU time and per second
# elapsed. Knobs: BENCH_FLIGHTS (200), BENCH_PASSENGERS (150), BENCH_ROUNDS (5), BENCH_JAVA_OPTS,
# BENCH_MVN_ARGS (extra arguments for the build, e.g. -o).
#
# To write interchanges to a folder instead (PAXLST, crew list and five PNR pushes per flight):
#   java -cp <same class path> org.waymark.passengerdata.generator.MessageGenerator DIR FLIGHTS [PASSENGERS] [SEED]
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
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat "$CP_FILE")" \
    org.waymark.passengerdata.bench.ParseRate "${BENCH_FLIGHTS:-200}" "${BENCH_PASSENGERS:-150}" "${BENCH_ROUNDS:-5}"
