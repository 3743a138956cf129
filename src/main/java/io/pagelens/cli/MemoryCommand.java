package io.pagelens.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.config.Env;
import io.pagelens.json.Jackson;
import io.pagelens.memory.CgroupFiles;
import io.pagelens.memory.JvmSizing;
import io.pagelens.memory.MemoryServices;
import io.pagelens.memory.MemorySettings;
import io.pagelens.memory.MemoryStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code pagelens memory}: the budget this process would run with, where it comes from, and usage now. */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = "Show the memory budget (cgroup, WEB_MEMORY, PAGELENS_MEMORY_MB), the governor's thresholds, usage now and the JVM sizing for the budget.")
public final class MemoryCommand implements Callable<Integer> {
    @Option(names = "--jvm-flags", description = "Print only the JVM flags the sizing rule gives for this budget.")
    boolean jvmFlags;

    @Option(names = "--json", description = "One JSON object (status, thresholds, JVM flags) instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (jvmFlags) { // the budget alone: no governor, no sampling
            MemorySettings s = MemorySettings.fromEnv(Env.system(), CgroupFiles.detect());
            System.out.println(String.join(" ", JvmSizing.forBudget(s.budget()).flags()));
            return 0;
        }
        try (MemoryServices memory = MemoryServices.start(Env.system(), new SimpleMeterRegistry())) {
            MemorySettings s = memory.settings();
            JvmSizing sizing = JvmSizing.forBudget(s.budget());
            MemoryStatus st = memory.status(); // start() has taken the first sample
            var t = s.thresholds();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("status", st);
                m.put("thresholdsMb", Map.of("warn", mb(t.warnBytes()), "high", mb(t.highBytes()), "critical", mb(t.criticalBytes())));
                m.put("jvmFlags", sizing.flags());
                System.out.println(Jackson.MAPPER.writeValueAsString(m));
                return 0;
            }
            System.out.printf("budget          %d MB (%s), measured by %s%n", s.budget().mb(), s.budget().source(), st.measuredBy());
            System.out.printf("admission       ceiling %d MB, at most %d captures at once%n", st.ceilingMb(), st.maxConcurrency());
            System.out.printf("pressure        warn %d MB, high %d MB, critical %d MB (now %s)%n", mb(t.warnBytes()), mb(t.highBytes()),
                    mb(t.criticalBytes()), st.level());
            System.out.printf("used now        %d MB (heap %d MB, non-heap %d MB, JVM PSS %d MB)%n", st.usedMb(), st.heapMb(),
                    st.nonHeapMb(), st.jvmPssMb());
            System.out.printf("capture costs   %s (MB, learned from captures; priors until then)%n", st.costEstimateMb());
            System.out.printf("caches          cap %d MB%n", st.cacheCapMb());
            System.out.printf("JVM sizing      %s%n", String.join(" ", sizing.flags()));
            return 0;
        }
    }

    private static long mb(long bytes) {
        return bytes >> 20;
    }
}
