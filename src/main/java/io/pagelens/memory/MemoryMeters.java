package io.pagelens.memory;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pagelens.observe.MeterNames;

import java.util.function.ToLongFunction;

/**
 * Gauges of memory by source, the budget, the pressure level and OOM kills, read from the monitor's latest sample.
 * Strong references: Micrometer holds gauge objects weakly, and nothing else need keep the budget or cgroup alive.
 */
public final class MemoryMeters {
    private MemoryMeters() {
    }

    public static void bind(MeterRegistry registry, MemoryMonitor monitor, MemoryBudget budget, CgroupMemory cgroup) {
        source(registry, monitor, "used", MemorySample::usedBytes);
        source(registry, monitor, "cgroup", MemorySample::cgroupBytes);
        source(registry, monitor, "jvm_pss", MemorySample::jvmPssBytes);
        source(registry, monitor, "chromium_pss", MemorySample::chromiumPssBytes);
        source(registry, monitor, "jvm_heap", MemorySample::heapUsedBytes);
        source(registry, monitor, "jvm_heap_committed", MemorySample::heapCommittedBytes);
        source(registry, monitor, "jvm_nonheap", MemorySample::nonHeapUsedBytes);
        Gauge.builder(MeterNames.CHROMIUM_PROCESSES, monitor, m -> m.latest() == null ? Double.NaN : m.latest().chromiumProcesses())
                .strongReference(true).register(registry);
        Gauge.builder(MeterNames.MEMORY_BUDGET, budget, MemoryBudget::bytes).baseUnit("bytes").tag("source", budget.source())
                .strongReference(true).register(registry);
        Gauge.builder(MeterNames.MEMORY_PRESSURE_LEVEL, monitor, m -> m.level().ordinal()).strongReference(true).register(registry);
        // a counter: the kernel's count only goes up, so rate() and increase() apply. Micrometer holds the cgroup
        // weakly; MemoryServices keeps it for the process's life
        if (cgroup.present()) {
            FunctionCounter.builder(MeterNames.MEMORY_OOM_KILLS, cgroup, CgroupMemory::oomKills)
                    .description("kernel OOM kills inside this process's memory cgroup").register(registry);
        }
    }

    private static void source(MeterRegistry registry, MemoryMonitor monitor, String source, ToLongFunction<MemorySample> f) {
        Gauge.builder(MeterNames.MEMORY_USED, monitor, m -> {
            MemorySample s = m.latest();
            long v = s == null ? MemorySample.UNKNOWN : f.applyAsLong(s);
            return v == MemorySample.UNKNOWN ? Double.NaN : v;
        }).tag("source", source).baseUnit("bytes").strongReference(true).register(registry);
    }
}
