#!/usr/bin/env bash
# Builds a Java 17 base image as a tarball from Debian's own packages, for building Waymark's
# image where no container registry can be reached (docs/deployment.md, ADR 0050).
#
#   sudo tools/image/build-base-image.sh [tarball]      (default: target/base-image/bookworm-jre17.tar)
#
# Needs root, debootstrap and a Debian mirror (DEBIAN_MIRROR, default http://deb.debian.org/debian).
# It installs Debian 12 (bookworm, the minbase variant) into a scratch folder, adds
# openjdk-17-jre-headless, ca-certificates and tzdata with apt, removes apt's lists and caches,
# the documentation and the device files, and writes the result as one layer in the tarball
# format that `docker save` writes and Jib reads as a base image:
#
#   ./mvnw -B -ntp compile jib:buildTar -Djib.from.image=tar://$PWD/target/base-image/bookworm-jre17.tar
#
# The base sets no user: Waymark's image runs as its own (65532:65532).
set -Eeuo pipefail

OUT=${1:-target/base-image/bookworm-jre17.tar}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
SUITE=bookworm
PACKAGES="openjdk-17-jre-headless ca-certificates tzdata"

say() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*"; }
[[ $(id -u) == 0 ]] || { echo "run as root: debootstrap and chroot need it" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "debootstrap is missing: apt-get install debootstrap" >&2; exit 1; }

ARCH=$(dpkg --print-architecture)            # amd64 or arm64: Debian's names are the OCI names
mkdir -p "$(dirname "$OUT")"
OUT=$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")
WORK=$(mktemp -d)
ROOT=$WORK/rootfs
cleanup() {
    for m in proc; do mountpoint -q "$ROOT/$m" 2>/dev/null && umount -l "$ROOT/$m"; done
    rm -rf "$WORK"
}
trap cleanup EXIT

say "debootstrap $SUITE ($ARCH, minbase) from $MIRROR"
debootstrap --variant=minbase --arch="$ARCH" "$SUITE" "$ROOT" "$MIRROR" >"$WORK/debootstrap.log" 2>&1 \
    || { tail -20 "$WORK/debootstrap.log" >&2; exit 1; }

say "installing $PACKAGES"
mount -t proc proc "$ROOT/proc"
chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
    sh -c "apt-get update -q && apt-get install -y -q --no-install-recommends $PACKAGES" >"$WORK/apt.log" 2>&1 \
    || { tail -20 "$WORK/apt.log" >&2; exit 1; }
JAVA=$(chroot "$ROOT" readlink -f /usr/bin/java)
JAVA_HOME=${JAVA%/bin/java}
chroot "$ROOT" java -version 2>&1 | sed 's/^/    /'
umount "$ROOT/proc"

say "trimming"
chroot "$ROOT" apt-get clean
rm -rf "$ROOT"/var/lib/apt/lists/* "$ROOT"/var/cache/* "$ROOT"/var/log/* "$ROOT"/tmp/* \
       "$ROOT"/usr/share/doc/* "$ROOT"/usr/share/man/* "$ROOT"/usr/share/info/* \
       "$ROOT"/dev/* "$ROOT"/proc/* "$ROOT"/sys/*
# Written afresh by each install; kept out so that two builds of the same packages differ less.
rm -f "$ROOT"/etc/machine-id "$ROOT"/var/lib/dbus/machine-id "$ROOT"/etc/hostname
: > "$ROOT/etc/resolv.conf"
chmod 1777 "$ROOT/tmp"

say "writing the image tarball"
IMG=$WORK/image
mkdir -p "$IMG"
tar --numeric-owner --sort=name --one-file-system -C "$ROOT" -cf "$IMG/layer.tar" .
DIFF_ID=$(sha256sum "$IMG/layer.tar" | cut -d' ' -f1)
gzip -n -1 "$IMG/layer.tar"
mkdir "$IMG/$DIFF_ID" && mv "$IMG/layer.tar.gz" "$IMG/$DIFF_ID/layer.tar"
CREATED=$(date -u +%Y-%m-%dT%H:%M:%SZ)
jq -n --arg arch "$ARCH" --arg diff "sha256:$DIFF_ID" --arg created "$CREATED" --arg java_home "$JAVA_HOME" \
      --arg packages "$PACKAGES" '{
    architecture: $arch, os: "linux", created: $created,
    config: {
        Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
              "JAVA_HOME=\($java_home)", "LANG=C.UTF-8"],
        Cmd: ["/bin/bash"]
    },
    rootfs: {type: "layers", diff_ids: [$diff]},
    history: [{created: $created, created_by: "debootstrap --variant=minbase bookworm; apt-get install --no-install-recommends \($packages)"}]
}' > "$IMG/config.json"
CONFIG_ID=$(sha256sum "$IMG/config.json" | cut -d' ' -f1)
mv "$IMG/config.json" "$IMG/$CONFIG_ID.json"
jq -n --arg config "$CONFIG_ID.json" --arg layer "$DIFF_ID/layer.tar" \
    '[{Config: $config, RepoTags: ["waymark-base:bookworm-jre17"], Layers: [$layer]}]' > "$IMG/manifest.json"
# Named one by one: Jib refuses an entry named ./ as outside its folder.
tar --numeric-owner -C "$IMG" -cf "$OUT" manifest.json "$CONFIG_ID.json" "$DIFF_ID"
say "done: $OUT ($(du -h "$OUT" | cut -f1)), java at $JAVA_HOME"
