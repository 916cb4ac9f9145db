#!/usr/bin/env bash
# Runs Waymark's image as a container runtime would, without one, and checks that it serves.
#
#   sudo tools/image/try-image.sh [image tarball]      (default: target/jib-image.tar)
#
# For a machine with no Docker engine (docs/deployment.md, ADR 0050). It unpacks the image's
# layers into a root file system and starts the image's entrypoint, with the image's environment,
# working directory and user, in its own mount and process namespaces:
#   - the root file system mounted read-only;
#   - /tmp a tmpfs (noexec, as Docker's --tmpfs makes it), and /var/lib/waymark a fresh folder,
#     filled from the image's as a runtime fills a new volume: the only places it can write;
#   - /proc, /sys (read-only), a few devices, and the host's /etc/hosts and /etc/resolv.conf;
#   - the image's user (65532:65532), no supplementary groups, no capabilities, no new privileges.
# It shares the host's network: Waymark listens on PORT (default 18080), on H2.
# It waits for /actuator/health/readiness and /actuator/health/liveness to answer UP and for the
# sign-in page, shows what Waymark wrote and as whom, stops it with SIGTERM and checks it ended
# cleanly. Exits non-zero, saying why, when anything fails. Extra environment for Waymark:
# WAYMARK_TRY_ENV="NAME=value NAME2=value2". Needs root (namespaces, mounts, chroot), jq, curl.
set -Eeuo pipefail

IMAGE=${1:-target/jib-image.tar}
PORT=${PORT:-18080}
WAIT=${WAIT:-240}

say() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
fail() { say "FAILED: $*" >&2; [[ -f ${LOG:-} ]] && { echo "--- Waymark's last lines:" >&2; tail -40 "$LOG" >&2; }; exit 1; }
[[ $(id -u) == 0 ]] || { echo "run as root: namespaces, mounts and chroot need it" >&2; exit 1; }
for tool in jq curl unshare; do command -v $tool >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done
[[ -f $IMAGE ]] || { echo "no image at $IMAGE: ./mvnw compile jib:buildTar first" >&2; exit 1; }
if curl -s -o /dev/null "http://localhost:$PORT/"; then echo "something already listens on port $PORT: set PORT" >&2; exit 1; fi

WORK=$(mktemp -d)
ROOT=$WORK/rootfs
LOG=$WORK/waymark.log
PID=
cleanup() {
    if [[ -n $PID ]] && kill -0 "$PID" 2>/dev/null; then
        # Waymark first: it is its namespace's first process, and unshare's end does not end it
        # (setpriv's change of user clears the signal that --kill-child sets up).
        local child; child=$(pgrep -P "$PID" || true)
        [[ -n $child ]] && kill -KILL $child 2>/dev/null
        kill -KILL "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

say "unpacking $IMAGE"
mkdir -p "$WORK/image" "$ROOT"
tar -xf "$IMAGE" -C "$WORK/image"
MANIFEST=$WORK/image/manifest.json
CONFIG=$WORK/image/$(jq -r '.[0].Config' "$MANIFEST")
# Layers in order; a whiteout (.wh.name) removes name from the layers below, .wh..wh..opq a
# folder's whole content below (the OCI image spec's rules).
while IFS= read -r layer; do
    while IFS= read -r entry; do
        entry=${entry#./}; dir=$(dirname "$entry"); base=$(basename "$entry")
        if [[ $base == .wh..wh..opq ]]; then find "$ROOT/$dir" -mindepth 1 -delete
        else rm -rf "${ROOT:?}/$dir/${base#.wh.}"; fi
    done < <(tar --warning=no-unknown-keyword -tf "$WORK/image/$layer" | grep -E '(^|/)\.wh\.[^/]+$' || true)
    tar --warning=no-unknown-keyword -xpf "$WORK/image/$layer" -C "$ROOT" --numeric-owner --same-owner --exclude='.wh.*' --exclude='*/.wh.*'
done < <(jq -r '.[0].Layers[]' "$MANIFEST")

jq -e '.config.Entrypoint | length > 0' "$CONFIG" >/dev/null || fail "the image names no entrypoint"
mapfile -t ENTRY < <(jq -r '(.config.Entrypoint // []) + (.config.Cmd // []) | .[]' "$CONFIG")
mapfile -t ENV < <(jq -r '.config.Env // [] | .[]' "$CONFIG")
WORKDIR=$(jq -r '.config.WorkingDir // "/"' "$CONFIG")
USER_SPEC=$(jq -r '.config.User // ""' "$CONFIG")
mapfile -t VOLUMES < <(jq -r '.config.Volumes // {} | keys[]' "$CONFIG")
[[ $USER_SPEC =~ ^[0-9]+:[0-9]+$ ]] || fail "the image's user is '$USER_SPEC', not a numeric uid:gid"
[[ ${USER_SPEC%%:*} != 0 ]] || fail "the image runs as root"
UID_=${USER_SPEC%%:*}; GID_=${USER_SPEC##*:}
for v in "${VOLUMES[@]}"; do [[ -d $ROOT$v ]] || fail "volume $v has no mount point in the image"; done
say "entrypoint: ${ENTRY[*]}"
say "user $USER_SPEC, working directory $WORKDIR, volumes: ${VOLUMES[*]}"

# The volumes: /tmp a tmpfs, any other a folder filled from the image's, as a new volume is.
mkdir -p "$WORK/volumes"
MOUNTS=()
for v in "${VOLUMES[@]}"; do
    if [[ $v == /tmp ]]; then MOUNTS+=("tmpfs:$v"); continue; fi
    host=$WORK/volumes/$(echo "${v#/}" | tr / -)
    cp -a "$ROOT$v" "$host"
    MOUNTS+=("$host:$v")
done

# Inside the new namespaces: mounts as a runtime makes them, then the entrypoint as the image's user.
cat > "$WORK/inside.sh" <<'EOF'
set -Eeuo pipefail
ROOT=$1 WORKDIR=$2 UID_=$3 GID_=$4; shift 4
mount --make-rprivate /
mount --bind "$ROOT" "$ROOT"
mount -o remount,bind,ro "$ROOT"
mount -t proc -o nosuid,nodev,noexec proc "$ROOT/proc"
mount -t sysfs -o ro,nosuid,nodev,noexec sysfs "$ROOT/sys"
mount -t tmpfs -o nosuid,mode=755,size=64k tmpfs "$ROOT/dev"
for d in null zero full random urandom tty; do touch "$ROOT/dev/$d"; mount --bind "/dev/$d" "$ROOT/dev/$d"; done
ln -s /proc/self/fd "$ROOT/dev/fd"
for f in /etc/hosts /etc/resolv.conf; do
    if [[ -f $ROOT$f ]]; then mount --bind "$f" "$ROOT$f"; mount -o remount,bind,ro "$ROOT$f"; fi
done
while [[ $1 != -- ]]; do
    src=${1%%:*} dst=${1#*:}; shift
    if [[ $src == tmpfs ]]; then mount -t tmpfs -o rw,nosuid,nodev,noexec,mode=1777 tmpfs "$ROOT$dst"
    else mount --bind "$src" "$ROOT$dst"; fi
done
shift
exec unshare --root="$ROOT" --wd="$WORKDIR" -- \
    setpriv --reuid="$UID_" --regid="$GID_" --clear-groups --no-new-privs \
            --inh-caps=-all --bounding-set=-all -- "$@"
EOF

EXTRA=()
read -r -a EXTRA <<< "${WAYMARK_TRY_ENV:-}"
say "starting Waymark on port $PORT"
env -i "${ENV[@]}" PORT="$PORT" "${EXTRA[@]}" \
    unshare --mount --pid --fork --kill-child -- \
    bash "$WORK/inside.sh" "$ROOT" "$WORKDIR" "$UID_" "$GID_" "${MOUNTS[@]}" -- "${ENTRY[@]}" \
    >"$LOG" 2>&1 &
PID=$!

ready=
for ((i = 0; i < WAIT; i++)); do
    kill -0 "$PID" 2>/dev/null || fail "Waymark ended before it was ready"
    if [[ $(curl -s "http://localhost:$PORT/actuator/health/readiness" || true) == *'"UP"'* ]]; then ready=1; break; fi
    sleep 1
done
[[ -n $ready ]] || fail "not ready after $WAIT s"
say "ready after about $i s: /actuator/health/readiness answers UP"
[[ $(curl -s "http://localhost:$PORT/actuator/health/liveness") == *'"UP"'* ]] || fail "liveness is not UP"
say "/actuator/health/liveness answers UP"
page=$(curl -s -w '\n%{http_code}' "http://localhost:$PORT/sign-in")
[[ ${page##*$'\n'} == 200 && $page == *'<form'* ]] || fail "the sign-in page did not answer 200 with a form"
say "/sign-in answers 200 with its form"

java=$(pgrep -P "$PID" | head -1 || true)      # unshare's child, become java by exec
[[ -n $java ]] || fail "cannot find Waymark's process"
say "Waymark's process: $(ps -o user=,uid=,gid=,comm= -p "$java" | tr -s ' ') (capabilities: $(grep CapEff /proc/"$java"/status | cut -f2))"
grep -q "^Uid:[[:space:]]*$UID_[[:space:]]" /proc/"$java"/status || fail "Waymark does not run as $UID_"
for m in "${MOUNTS[@]}"; do
    src=${m%%:*} dst=${m#*:}
    if [[ $src == tmpfs ]]; then say "written to $dst (tmpfs): $(ls -A /proc/"$java"/root"$dst" | tr '\n' ' ')"
    else say "written to $dst: $(cd "$src" && find . -mindepth 1 -maxdepth 3 -printf '%P(%U) ' | head -c 600)"; fi
done

say "stopping with SIGTERM"
kill -TERM "$java"
for ((i = 0; i < 60; i++)); do kill -0 "$PID" 2>/dev/null || break; sleep 1; done
kill -0 "$PID" 2>/dev/null && fail "still running 60 s after SIGTERM"
status=0; wait "$PID" || status=$?
PID=
# 143: ended by the SIGTERM it was sent, after Spring Boot's graceful shutdown.
[[ $status == 0 || $status == 143 ]] || fail "ended with status $status"
grep -q "Graceful shutdown complete" "$LOG" || fail "no graceful shutdown in the log"
grep -E "ERROR|Read-only file system" "$LOG" && fail "errors in the log"
say "stopped cleanly (status $status, graceful shutdown complete); no errors in the log"
if grep -q " WARN " "$LOG"; then say "Waymark's warnings, for reading:"; grep " WARN " "$LOG" | cut -c1-240; fi
say "PASSED"
