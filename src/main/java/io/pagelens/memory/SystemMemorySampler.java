package io.pagelens.memory;

import io.pagelens.browser.BrowserControl;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;

/**
 * Samples this machine: the cgroup's anon + shmem (what the dyno counts) on every call; the PSS of
 * the JVM and of every Chromium process (from {@link BrowserControl#processIds()}) when asked, as a
 * cross-check and for the per-source metrics; heap and non-heap from the MXBean.
 */
public final class SystemMemorySampler implements MemorySampler {
    private final CgroupMemory cgroup;
    private final ProcessMemoryReader processes;
    private final BrowserControl browser;
    private final MemoryMXBean heap;
    private final Clock clock;
    private final long selfPid = ProcessHandle.current().pid();

    public SystemMemorySampler(CgroupMemory cgroup, ProcessMemoryReader processes, BrowserControl browser, Clock clock) {
        this.cgroup = cgroup;
        this.processes = processes;
        this.browser = browser;
        this.heap = ManagementFactory.getMemoryMXBean();
        this.clock = clock;
    }

    @Override
    public MemorySample sample(boolean withPss) {
        long cg = cgroup.present() ? cgroup.usedBytes() : MemorySample.UNKNOWN;
        long jvmPss = MemorySample.UNKNOWN;
        long chromePss = MemorySample.UNKNOWN;
        int chromeProcs = 0;
        // without a cgroup PSS is the only whole-tree figure, so it is read every time
        if (withPss || cg == MemorySample.UNKNOWN) {
            jvmPss = processes.pssBytes(selfPid).orElse(0);
            chromePss = 0;
            List<Long> pids = browser.processIds();
            for (long pid : pids) {
                OptionalLong p = processes.pssBytes(pid);
                if (p.isPresent()) {
                    chromePss += p.getAsLong();
                    chromeProcs++;
                }
            }
        }
        MemoryUsage h = heap.getHeapMemoryUsage();
        MemoryUsage nh = heap.getNonHeapMemoryUsage();
        long used = cg != MemorySample.UNKNOWN ? cg : jvmPss + chromePss;
        return new MemorySample(clock.instant(), used, cg, jvmPss, chromePss, chromeProcs, h.getUsed(), h.getCommitted(),
                nh.getUsed(), browser.inFlight());
    }
}
