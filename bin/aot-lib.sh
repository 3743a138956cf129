# Sourced by bin/aot-train and bin/pagelens: when an AOT cache (JEP 483/514) may be used. The JVM refuses a cache
# made by another runtime image (it checks lib/modules) or for other jars (it checks their size and mtime), and then
# starts without it after printing errors; checking here first keeps those lines out of the log and tells why.

# The identity of the runtime image a java binary belongs to, as the JVM checks it: lib/modules size and mtime.
pl_runtime_id() {
  local home
  home="$(cd "$(dirname "$(readlink -f "$1")")/.." && pwd)" || return 1
  [ -f "$home/lib/modules" ] || return 1
  echo "$(stat -c '%s %Y' "$home/lib/modules") $home"
}

# pl_aot_usable JAVA JAR: the cache JAR%.jar.aot exists, is newer than the jar and every jar in lib/, and was trained by
# this runtime image. Prints nothing; the status says it.
pl_aot_usable() {
  local java="$1" jar="$2" aot="${2%.jar}.aot"
  [ -f "$aot" ] && [ -f "$aot.runtime" ] && [ "$aot" -nt "$jar" ] || return 1
  [ -z "$(find "$(dirname "$jar")/lib" -name '*.jar' -newer "$aot" -print -quit 2>/dev/null)" ] || return 1
  local id; id="$(pl_runtime_id "$java")" || return 1
  # the image's path may change (Heroku builds in /tmp/build_*, runs in /app): size and mtime are what must match
  [ "${id% *}" = "$(sed 's/ [^ ]*$//' "$aot.runtime")" ]
}
