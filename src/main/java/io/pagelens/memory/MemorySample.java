package io.pagelens.memory;

import java.time.Instant;

/**
 * One reading of memory by source. Figures are bytes; {@link #UNKNOWN} where a source was not read in
 * this sample (PSS is read less often than the cgroup, being dearer).
 *
 * @param at               when it was taken
 * @param usedBytes        the figure decisions use: cgroup anon + shmem when there is a cgroup, else the process-tree PSS
 * @param cgroupBytes      cgroup anon + shmem
 * @param jvmPssBytes      PSS of this JVM
 * @param chromiumPssBytes summed PSS of every Chromium process
 * @param chromiumProcesses Chromium processes counted
 * @param heapUsedBytes    JVM heap in use
 * @param heapCommittedBytes JVM heap committed (what the OS sees of the heap)
 * @param nonHeapUsedBytes metaspace, code cache and the other non-heap pools
 * @param inFlight         captures in flight when it was taken
 */
public record MemorySample(Instant at, long usedBytes, long cgroupBytes, long jvmPssBytes, long chromiumPssBytes,
                           int chromiumProcesses, long heapUsedBytes, long heapCommittedBytes, long nonHeapUsedBytes,
                           int inFlight) {
    public static final long UNKNOWN = -1;

    /** A sample carrying only the deciding figure; for tests and fakes. */
    public static MemorySample ofUsed(Instant at, long usedBytes) {
        return new MemorySample(at, usedBytes, usedBytes, UNKNOWN, UNKNOWN, 0, UNKNOWN, UNKNOWN, UNKNOWN, 0);
    }

    public boolean hasPss() {
        return jvmPssBytes != UNKNOWN;
    }

    /** The same figures with the PSS part taken from an earlier sample, so every sample carries the latest known PSS. */
    MemorySample withPssFrom(MemorySample earlier) {
        if (hasPss() || earlier == null || !earlier.hasPss()) return this;
        return new MemorySample(at, usedBytes, cgroupBytes, earlier.jvmPssBytes, earlier.chromiumPssBytes,
                earlier.chromiumProcesses, heapUsedBytes, heapCommittedBytes, nonHeapUsedBytes, inFlight);
    }
}
