package io.pagelens.api;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the API shows of parts it does not own: memory figures for the access log, whether memory allows
 * new work (readiness), the memory and browser sections of /v1/status, and the Prometheus text of
 * /metrics. The wiring fills these from the memory governor and the browser supervisor; {@link #basic}
 * is what runs without them.
 */
public record ApiHooks(MemoryProbe memory, BooleanSupplier memoryReady, Supplier<Object> memoryStatus,
                       Supplier<Object> browserStatus, Supplier<String> prometheus) {

    /** JVM-only figures, always ready, no browser section, and the given scrape. */
    public static ApiHooks basic(Supplier<String> prometheus) {
        MemoryProbe probe = MemoryProbe.jvmOnly();
        return new ApiHooks(probe, () -> true, probe::read, () -> Map.of("state", "unknown"), prometheus);
    }

    public ApiHooks withMemory(MemoryProbe m, BooleanSupplier ready, Supplier<Object> status) {
        return new ApiHooks(m, ready, status, browserStatus, prometheus);
    }

    public ApiHooks withBrowser(Supplier<Object> status) {
        return new ApiHooks(memory, memoryReady, memoryStatus, status, prometheus);
    }
}
