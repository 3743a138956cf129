package io.pagelens.memory;

/**
 * A cheap memory figure for each request's access-log line: MB, -1 where unknown. Built from the
 * monitor's latest sample, so logging it costs no I/O.
 *
 * @param rssMb      what the budget counts (cgroup anon + shmem, else process-tree PSS)
 * @param heapMb     JVM heap in use
 * @param chromiumMb Chromium process-tree PSS (as of the latest PSS reading)
 */
public record MemorySnapshot(long rssMb, long heapMb, long chromiumMb) {
    public static final MemorySnapshot UNKNOWN = new MemorySnapshot(-1, -1, -1);

    public static MemorySnapshot of(MemorySample s) {
        if (s == null) return UNKNOWN;
        return new MemorySnapshot(mb(s.usedBytes()), mb(s.heapUsedBytes()), mb(s.chromiumPssBytes()));
    }

    /** {@code rss=301 heap=42 chromium=210}, ready for a key=value log line. */
    public String toKeyValues() {
        return "rss=" + rssMb + " heap=" + heapMb + " chromium=" + chromiumMb;
    }

    private static long mb(long bytes) {
        return bytes < 0 ? -1 : Math.round(bytes / (double) MemoryBudget.MB);
    }
}
