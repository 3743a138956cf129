#!/usr/bin/env bash
# Every step of the container image in one script, so the same steps run under `docker build` (Dockerfile) and in a
# fresh Debian root made by debootstrap (bench/image-check, which verifies them on a machine without a Docker daemon).
#   image.sh install   as root, on Debian bookworm with the JRE at /opt/java/openjdk: Chromium's headless shell,
#                      tini, fonts, CA certificates; the non-root user pagelens (uid 10001) and its /data
#   image.sh train     as root, once the release is in /opt/pagelens: the AOT cache, trained by this image's own
#                      JRE (a cache made by another runtime is refused by the JVM); a failure only means no cache
#   image.sh run ARGS  the container's command: the release launcher (PORT, PAGELENS_DATA=/data by default)
#   image.sh health    the HEALTHCHECK: GET /health/live on 127.0.0.1:$PORT over bash's /dev/tcp (no curl needed)
set -euo pipefail
home=/opt/pagelens
export JAVA_HOME="${JAVA_HOME:-/opt/java/openjdk}"
export PATH="$JAVA_HOME/bin:$PATH"

case "${1:-}" in
  install)
    [ -x "$JAVA_HOME/bin/java" ] || { echo "image.sh: no Java runtime at $JAVA_HOME (copy Temurin 25's JRE there first)" >&2; exit 2; }
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # headless shell: about 100 MB less than full Chromium under the same captures (docs/memory.md); fonts so that
    # text renders; ca-certificates for HTTPS pages and S3; tini reaps the orphans Chromium leaves to PID 1
    apt-get install -y -qq --no-install-recommends chromium-headless-shell tini ca-certificates fonts-liberation fonts-dejavu-core >/dev/null
    apt-get clean
    rm -rf /var/lib/apt/lists/*
    getent group pagelens >/dev/null || groupadd --system --gid 10001 pagelens
    getent passwd pagelens >/dev/null || useradd --system --uid 10001 --gid pagelens --home-dir /data --shell /usr/sbin/nologin pagelens
    mkdir -p /data "$home/bin"
    chown pagelens:pagelens /data
    ;;
  train)
    "$home/bin/aot-train" "$JAVA_HOME/bin/java" "$home/pagelens.jar"
    [ -f "$home/pagelens.aot" ] && chmod 644 "$home/pagelens.aot" "$home/pagelens.aot.runtime"
    true
    ;;
  run)
    shift
    export PAGELENS_DATA="${PAGELENS_DATA:-/data}"
    exec "$home/bin/pagelens" "$@"
    ;;
  health)
    exec 3<>"/dev/tcp/127.0.0.1/${PORT:-8080}" || exit 1
    printf 'GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
    read -r -t 5 status <&3 || exit 1
    [[ "$status" == "HTTP/1.1 200"* ]]
    ;;
  *)
    echo "usage: image.sh install|train|run ARGS|health" >&2; exit 2 ;;
esac
