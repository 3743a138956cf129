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

# Build the release (jar, lib/, AOT cache) when any source is newer than the jar, or always with "force". Maven is
# incremental, so a forced build of an unchanged tree is quick; the AOT training runs only when the jar changed.
pl_build() {
  local jar="$pl_root/target/pagelens.jar"
  if [ "${1:-}" = force ] || [ ! -f "$jar" ] || [ -n "$(find "$pl_root/src/main" "$pl_root/pom.xml" -newer "$jar" -print -quit)" ]; then
    pl_log "building target/pagelens.jar"
    (cd "$pl_root" && mvn -B -q -DskipTests package >&2) || { pl_log "build failed"; return 1; }
  fi
}
