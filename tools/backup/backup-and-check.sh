#!/usr/bin/env bash
# Backs up Waymark's PostgreSQL database and proves the backup restores.
#
#   tools/backup/backup-and-check.sh [backup folder]      (default: ./backups)
#
# Connects as libpq does, from PGHOST, PGPORT, PGUSER, PGPASSWORD (or ~/.pgpass) and PGDATABASE,
# with a role that may create and drop databases. It:
#   1. opens a read-only transaction and exports its snapshot;
#   2. dumps that snapshot (pg_dump, custom format) to <folder>/<database>-<UTC time>.dump, and
#      counts the rows of every table in the same snapshot, so the counts are those of the dump
#      however busy Waymark is meanwhile;
#   3. restores the dump into a scratch database, <database>_restore_check, counts its rows, and
#      compares table by table, and the newest Flyway migration of each;
#   4. drops the scratch database. The dump is kept only when the check passed.
# Exits non-zero, saying why, when anything differs or fails. Keep the dump apart from the
# database's machine, and WAYMARK_PASSENGER_DATA_HASH_KEY out of it (docs/deployment.md).
set -Eeuo pipefail

FOLDER=${1:-./backups}
: "${PGDATABASE:?set PGDATABASE (and PGHOST, PGPORT, PGUSER as needed)}"
SCRATCH="${PGDATABASE}_restore_check"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
DUMP="$FOLDER/$PGDATABASE-$STAMP.dump"
mkdir -p "$FOLDER"

say() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
fail() { say "FAILED: $*" >&2; rm -f "$DUMP"; exit 1; }

TABLES_SQL="SELECT string_agg(quote_ident(tablename), ' ' ORDER BY tablename) FROM pg_tables
            WHERE schemaname = current_schema()"
NEWEST_SQL="SELECT installed_rank || ' ' || version FROM flyway_schema_history WHERE success
            ORDER BY installed_rank DESC LIMIT 1"

# 1. A snapshot held open while pg_dump reads it.
coproc SNAPSHOT { psql -X -q -At -v ON_ERROR_STOP=1 2>&1; }
ask() { printf '%s;\n' "$1" >&"${SNAPSHOT[1]}"; IFS= read -r -t 600 answer <&"${SNAPSHOT[0]}" || fail "no answer to: $1"; printf '%s' "$answer"; }
printf 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;\n' >&"${SNAPSHOT[1]}"
snapshot=$(ask "SELECT pg_export_snapshot()")
[[ $snapshot =~ ^[0-9A-F-]+$ ]] || fail "could not export a snapshot: $snapshot"

# 2. The dump, and the counts of the same snapshot.
say "dumping $PGDATABASE (snapshot $snapshot) to $DUMP"
pg_dump --snapshot="$snapshot" --format=custom --no-owner --file="$DUMP" || fail "pg_dump"
tables=$(ask "$TABLES_SQL")
[[ -n $tables ]] || fail "no tables in $PGDATABASE"
declare -A counted
for table in $tables; do
    counted[$table]=$(ask "SELECT count(*) FROM $table")
done
newest=$(ask "$NEWEST_SQL")
printf 'COMMIT;\n' >&"${SNAPSHOT[1]}"
snapshot_in=${SNAPSHOT[1]}; exec {snapshot_in}>&-

# 3. Restored into a scratch database, and compared.
say "restoring into $SCRATCH"
dropdb --if-exists "$SCRATCH" 2>/dev/null || true
createdb "$SCRATCH" || fail "could not create the scratch database $SCRATCH"
trap 'dropdb --if-exists "$SCRATCH" >/dev/null 2>&1 || true' EXIT
pg_restore --exit-on-error --no-owner --dbname="$SCRATCH" "$DUMP" || fail "pg_restore"
in_scratch() { psql -X -q -At -v ON_ERROR_STOP=1 --dbname="$SCRATCH" -c "$1"; }
differences=0
for table in $tables; do
    restored=$(in_scratch "SELECT count(*) FROM $table" 2>/dev/null || echo "missing")
    if [[ $restored != "${counted[$table]}" ]]; then
        say "differs: $table has ${counted[$table]} rows in the snapshot, $restored restored" >&2
        differences=$((differences + 1))
    fi
done
restored_newest=$(in_scratch "$NEWEST_SQL")
[[ $restored_newest == "$newest" ]] || fail "newest migration $newest in the snapshot, $restored_newest restored"
((differences == 0)) || fail "$differences tables differ"

rows=0
for table in $tables; do rows=$((rows + counted[$table])); done
set -- $tables
say "restore checked: $# tables, $rows rows, migration ${newest#* } as in the snapshot; kept $DUMP"
