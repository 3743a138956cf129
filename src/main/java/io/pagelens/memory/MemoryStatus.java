package io.pagelens.memory;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The memory section of {@code /v1/status}: MB throughout (-1 where unknown). A record, so Jackson writes
 * it as JSON as it stands.
 */
public record MemoryStatus(String level, boolean ready, long budgetMb, String budgetSource, String measuredBy,
                           long usedMb, long ceilingMb, long reservedMb, long headroomMb, int inFlight, int waiting,
                           int maxConcurrency, Map<String, Long> costEstimateMb, long heapMb, long nonHeapMb,
                           long jvmPssMb, long chromiumPssMb, int chromiumProcesses, long cacheMb, long cacheCapMb,
                           long oomKills) {
    public MemoryStatus {
        costEstimateMb = Map.copyOf(costEstimateMb);
    }

    static MemoryStatus of(MemorySettings settings, CgroupMemory cgroup, GovernorStatus g, MemorySample s, Caches caches) {
        Map<String, Long> costs = new java.util.TreeMap<>();
        new EnumMap<>(g.costEstimates()).forEach((k, v) -> costs.put(k.name().toLowerCase(Locale.ROOT), mb(v)));
        return new MemoryStatus(g.level().name().toLowerCase(Locale.ROOT), g.ready(), settings.budget().mb(),
                settings.budget().source(), cgroup.describe(), mb(g.usedBytes()), mb(g.ceilingBytes()),
                mb(g.reservedBytes()), mb(g.headroomBytes()), g.inFlight(), g.waiting(), g.maxConcurrency(), costs,
                s == null ? -1 : mb(s.heapUsedBytes()), s == null ? -1 : mb(s.nonHeapUsedBytes()),
                s == null ? -1 : mb(s.jvmPssBytes()), s == null ? -1 : mb(s.chromiumPssBytes()),
                s == null ? 0 : s.chromiumProcesses(), mb(caches.weightBytes()), mb(caches.capBytes()), cgroup.oomKills());
    }

    private static long mb(long bytes) {
        if (bytes == MemorySample.UNKNOWN) return -1;
        return Math.round(bytes / (double) MemoryBudget.MB);
    }
}
