package io.pagelens.memory;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads this machine's real /proc and cgroup; a child process stands in for Chromium. */
class SystemMemorySamplerTest {
    @Test
    void readsCgroupJvmPssAndTheBrowserTreesPss() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            FakeBrowser browser = new FakeBrowser();
            browser.pids = List.of(child.pid(), 999_999_999L); // the second one is gone: skipped
            CgroupMemory cg = CgroupFiles.detect();
            MemorySample s = new SystemMemorySampler(cg, ProcessMemoryReader.procfs(), browser, Clock.systemUTC()).sample(true);

            assertThat(s.jvmPssBytes()).isGreaterThan(10 * MemoryBudget.MB);
            assertThat(s.chromiumPssBytes()).isPositive();
            assertThat(s.chromiumProcesses()).isEqualTo(1);
            assertThat(s.heapUsedBytes()).isPositive();
            assertThat(s.nonHeapUsedBytes()).isPositive();
            if (cg.present()) assertThat(s.usedBytes()).isEqualTo(s.cgroupBytes()).isPositive();
            else assertThat(s.usedBytes()).isEqualTo(s.jvmPssBytes() + s.chromiumPssBytes());

            MemorySample cheap = new SystemMemorySampler(cg, ProcessMemoryReader.procfs(), browser, Clock.systemUTC()).sample(false);
            if (cg.present()) assertThat(cheap.hasPss()).isFalse();
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void rollupParsing() {
        var kv = ProcessMemoryReader.rollup("""
                5564a3314000-7ffd0ddd9000 ---p 00000000 00:00 0                          [rollup]
                Rss:                1668 kB
                Pss:                 252 kB
                Pss_Anon:            112 kB
                """);
        assertThat(kv).containsEntry("Pss", 252L).containsEntry("Rss", 1668L).containsEntry("Pss_Anon", 112L).hasSize(3);
    }
}
