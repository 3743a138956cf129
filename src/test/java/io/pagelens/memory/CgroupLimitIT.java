package io.pagelens.memory;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.pagelens.memory.MemoryBudget.MB;
import static org.assertj.core.api.Assertions.assertThat;

/** pagelens inside a real memory cgroup: it finds its limit, and reads OOM kills and usage the kernel reports. */
class CgroupLimitIT {
    @TempDir
    Path tmp;

    private TestCgroup cgroup(long limit) {
        StringBuilder why = new StringBuilder();
        TestCgroup cg = TestCgroup.create(limit, why);
        if (cg == null) System.out.println("SKIPPED " + getClass().getSimpleName() + ": " + why);
        Assumptions.assumeTrue(cg != null, why::toString);
        return cg;
    }

    @Test
    void aJvmInsideFindsTheCgroupLimitAsItsBudget() throws Exception {
        try (TestCgroup cg = cgroup(300 * MB)) {
            String java = ProcessHandle.current().info().command().orElseThrow();
            Path log = tmp.resolve("probe.log");
            Process p = cg.start(List.of(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"), CgroupProbe.class.getName()),
                    Map.of("WEB_MEMORY", "", "PAGELENS_MEMORY_MB", ""), log);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = Files.readString(log);
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("budgetMb=300 source=cgroup").contains("measuredBy=cgroup_v" + cg.version);
        }
    }

    @Test
    void aProcessThatAllocatesUntilItDiesIsKilledInsideAndCounted() throws Exception {
        try (TestCgroup cg = cgroup(128 * MB)) {
            CgroupFiles reader = cg.reader();
            assertThat(reader.limitBytes()).hasValue(128 * MB);
            long before = reader.oomKills();
            Process p = cg.start(List.of("python3", "-c", "a = []\nwhile True: a.append(bytearray(8 << 20))"), Map.of(), tmp.resolve("hog.log"));
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(137); // SIGKILL from the OOM killer
            assertThat(reader.oomKills()).isEqualTo(before + 1);
            assertThat(cg.procs()).isEmpty();
        }
    }
}
