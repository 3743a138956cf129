# Sourced by bin/pagelens: JVM flags sized from the memory budget. The budget is the smallest of the
# cgroup limit, WEB_MEMORY and PAGELENS_MEMORY_MB; with none of them, 512 MB on Heroku (DYNO is set: the
# smallest dyno) and a quarter of physical memory elsewhere. The JVM gets a small slice of it and Chromium the
# rest. memory.MemoryBudget applies the same rule in Java. See docs/memory.md for the measured footprint.

pl_cgroup_limit_mb() {
  local f lim
  # cgroup v2: our own group's memory.max; v1: memory.limit_in_bytes of our memory group
  local rel
  rel=$(sed -n 's/^0::\(.*\)$/\1/p' /proc/self/cgroup 2>/dev/null)
  for f in "/sys/fs/cgroup${rel}/memory.max" \
           "/sys/fs/cgroup/memory$(sed -n 's/^[0-9]*:memory:\(.*\)$/\1/p' /proc/self/cgroup 2>/dev/null)/memory.limit_in_bytes" \
           /sys/fs/cgroup/memory/memory.limit_in_bytes; do
    [ -r "$f" ] || continue
    lim=$(cat "$f" 2>/dev/null)
    [ "$lim" = max ] && continue
    [ -n "$lim" ] && [ "$lim" -lt $((1 << 50)) ] 2>/dev/null && { echo $((lim / 1048576)); return; }
  done
}

pl_budget_mb() {
  local b="" c
  for c in "$(pl_cgroup_limit_mb)" "${WEB_MEMORY:-}" "${PAGELENS_MEMORY_MB:-}"; do
    [ -n "$c" ] || continue
    if [ -z "$b" ] || [ "$c" -lt "$b" ]; then b=$c; fi
  done
  # no limit anywhere: 512 on a Heroku dyno, else a quarter of physical memory, 512-2048 MB, as MemoryBudget does
  if [ -z "$b" ] && [ -n "${DYNO:-}" ]; then b=512; fi
  if [ -z "$b" ]; then
    b=$(( $(sed -n 's/^MemTotal: *\([0-9]*\) kB/\1/p' /proc/meminfo) / 4096 ))
    [ "$b" -lt 512 ] && b=512; [ "$b" -gt 2048 ] && b=2048
  fi
  echo "$b"
}

PL_BUDGET_MB=$(pl_budget_mb)
# heap: 18% of the budget, between 80 and 160 MB (512 MB dyno -> 92 MB): the live set under full-page captures
# reached 45-48 MB, and a larger budget is worth more to Chromium. The heap ratios keep the committed heap near
# the live set and let one full GC give it back (docs/memory.md, "JVM sizing rule").
pl_heap=$(( PL_BUDGET_MB * 18 / 100 )); [ $pl_heap -lt 80 ] && pl_heap=80; [ $pl_heap -gt 160 ] && pl_heap=160
PL_JVM_FLAGS=(
  -XX:+UseSerialGC -XX:+UseCompactObjectHeaders
  "-Xmx${pl_heap}m" -Xms8m -Xss512k
  -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:-ShrinkHeapInSteps
  -XX:NewRatio=1   # young gen as large as old: a capture's garbage dies young instead of piling up in old gen (JVM RSS max 96.6 -> 82.9 MB: bench/breakdown --mode fullpage, with and without PAGELENS_JAVA_OPTS=-XX:NewRatio=2)
  -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0   # map the JDK's CDS archive unrelocated: its pages stay file-backed, not anon (PAGELENS_AOT=0 bench/idle: 60.4 -> 54.5 MB before captures, 72.0 -> 65.2 after)
  -XX:MaxMetaspaceSize=64m -XX:ReservedCodeCacheSize=24m -XX:MaxDirectMemorySize=32m
  -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1
  -XX:TrimNativeHeapInterval=2000   # give freed malloc memory back: idle 64.7 -> 58.9 MB (bench/idle, 512 MB)
  -XX:+ExitOnOutOfMemoryError
  --enable-native-access=ALL-UNNAMED
)
if [ -n "${PAGELENS_JAVA_OPTS:-}" ]; then
  read -r -a pl_extra <<< "$PAGELENS_JAVA_OPTS"; PL_JVM_FLAGS+=("${pl_extra[@]}")
fi
