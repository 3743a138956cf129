# Sourced by ./pagelens, ./run-tests and bench/run: finds (or installs) what pagelens needs on a Debian
# machine, then exports JAVA_HOME and CHROME_PATH. Idempotent and quiet when everything is there.
# Set PAGELENS_NO_INSTALL=1 to only check, never apt-get.

pl_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

pl_log() { echo "pagelens-setup: $*" >&2; }

pl_apt_install() {
  if [ "${PAGELENS_NO_INSTALL:-0}" = 1 ]; then
    pl_log "missing $*; install it (apt-get install -y $*) or unset PAGELENS_NO_INSTALL"; return 1
  fi
  if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null; then
    pl_log "missing $*; run as root or install it: apt-get install -y $*"; return 1
  fi
  local SUDO=""; [ "$(id -u)" != 0 ] && SUDO=sudo
  if [ -z "${PL_APT_UPDATED:-}" ]; then
    pl_log "apt-get update"; $SUDO apt-get update -qq >&2 || return 1; PL_APT_UPDATED=1
  fi
  pl_log "apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >&2
}

# Java 25 or newer: JAVA_HOME if it qualifies, else a JDK under /usr/lib/jvm.
pl_java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
pl_find_java() {
  local c
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/java-2[5-9]-openjdk* /usr/lib/jvm/*; do
    [ -n "$c" ] && [ -x "$c/bin/javac" ] || continue
    local v; v=$(pl_java_major "$c")
    if [ -n "$v" ] && [ "${v%%.*}" -ge 25 ] 2>/dev/null; then echo "$c"; return 0; fi
  done
  return 1
}
if ! JAVA_HOME="$(pl_find_java)"; then
  pl_apt_install openjdk-25-jdk-headless >/dev/null 2>&1 || pl_apt_install temurin-25-jdk >/dev/null 2>&1 || true
  JAVA_HOME="$(pl_find_java)" || { pl_log "Java 25+ not found: install Temurin 25 (/usr/lib/jvm/temurin-25-jdk-amd64) or set JAVA_HOME"; return 1 2>/dev/null || exit 1; }
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

command -v mvn >/dev/null || pl_apt_install maven || { return 1 2>/dev/null || exit 1; }

# Chromium: CHROME_PATH wins; else Debian's headless shell, installed when missing.
if [ -n "${CHROME_PATH:-}" ]; then
  [ -x "$CHROME_PATH" ] || { pl_log "CHROME_PATH=$CHROME_PATH is not an executable file"; return 1 2>/dev/null || exit 1; }
else
  if [ ! -x /usr/lib/chromium/chromium-headless-shell ]; then
    pl_apt_install chromium-headless-shell || { pl_log "could not install chromium-headless-shell; set CHROME_PATH"; return 1 2>/dev/null || exit 1; }
  fi
fi

# Build the jar when any source is newer than it.
pl_build() {
  local jar="$pl_root/target/pagelens.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$pl_root/src/main" "$pl_root/pom.xml" -newer "$jar" -print -quit)" ]; then
    pl_log "building target/pagelens.jar"
    (cd "$pl_root" && mvn -B -q -DskipTests package >&2) || { pl_log "build failed"; return 1; }
  fi
  pl_aot
}

# The AOT cache (JEP 483/514): the classes a serve + capture session loads, parsed and linked once and then
# mapped from target/pagelens.aot instead of rebuilt in metaspace. Measured (bench/idle vs PAGELENS_AOT=0 bench/idle,
# 512 MB): 54.5 -> 44.1 MB before any capture, 65.2 -> 52.8 MB after captures. Trained once per build by a real
# `serve` that captures its own /docs, /dashboard (full page) and a PDF; PAGELENS_AOT=0 skips training and cache.
# A failed training only means running without the cache.
pl_aot_fresh() { [ -f "$pl_root/target/pagelens.aot" ] && [ "$pl_root/target/pagelens.aot" -nt "$pl_root/target/pagelens.jar" ]; }

pl_aot() {
  local jar="$pl_root/target/pagelens.jar" aot="$pl_root/target/pagelens.aot"
  [ "${PAGELENS_AOT:-1}" = 1 ] || return 0
  pl_aot_fresh && return 0
  rm -f "$aot"
  pl_log "training the AOT cache target/pagelens.aot (once per build)"
  local tmp port="" pid url
  tmp=$(mktemp -d)
  local keep=()  # a clean environment, so the training cannot reach the user's database, bucket or webhooks
  [ -n "${CHROME_PATH:-}" ] && keep+=("CHROME_PATH=$CHROME_PATH")
  [ -n "${PAGELENS_CHROME_ARGS:-}" ] && keep+=("PAGELENS_CHROME_ARGS=$PAGELENS_CHROME_ARGS")
  ( source "$pl_root/bin/jvm-flags.sh"
    exec env -i "PATH=$PATH" "HOME=${HOME:-/tmp}" "TMPDIR=${TMPDIR:-/tmp}" "JAVA_HOME=$JAVA_HOME" "${keep[@]}" \
      PORT=0 PAGELENS_AUTH=none "PAGELENS_DATA=$tmp/data" PAGELENS_LOG_LEVEL=warn MALLOC_ARENA_MAX=2 \
      "$JAVA_HOME/bin/java" "${PL_JVM_FLAGS[@]}" -XX:AOTCacheOutput="$aot" -jar "$jar" serve ) >"$tmp/train.log" 2>&1 &
  pid=$!
  for _ in $(seq 150); do
    port=$(sed -n 's/^pagelens: serving on port \([0-9]*\).*/\1/p' "$tmp/train.log")
    [ -n "$port" ] || ! kill -0 "$pid" 2>/dev/null && break
    sleep 0.2
  done
  if [ -n "$port" ]; then
    url="http://127.0.0.1:$port"
    pl_post "$port" /v1/captures '{"url":"'"$url"'/docs","formats":["screenshot","html","markdown","text","links","metadata"]}'
    pl_post "$port" /v1/captures '{"url":"'"$url"'/dashboard","fullPage":true,"format":"jpeg"}'
    pl_post "$port" /v1/captures '{"url":"'"$url"'/docs","fullPage":true,"formats":["screenshot","pdf"]}'
  fi
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -f "$aot" ]; then rm -rf "$tmp"; else pl_log "AOT training failed ($tmp/train.log); pagelens runs without the cache"; fi
}

# POST a JSON body over bash's /dev/tcp, so the training needs no curl; waits for the answer.
pl_post() {
  exec 3<>"/dev/tcp/127.0.0.1/$1" || return 0
  printf 'POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
    "$2" "${#3}" "$3" >&3
  cat <&3 >/dev/null || true
  exec 3<&-
}
