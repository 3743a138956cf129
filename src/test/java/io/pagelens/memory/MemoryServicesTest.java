package io.pagelens.memory;

import io.pagelens.config.Env;
import io.pagelens.observe.Observability;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wired governor on this machine: real cgroup and /proc, a stand-in browser. The budget is set far above
 * what the (shared) test cgroup holds, so pressure stays OK whatever else runs beside the test.
 */
class MemoryServicesTest {
    @Test
    void wiresBudgetGovernorStatusAndMetrics() throws Exception {
        try (Observability obs = Observability.start();
             MemoryServices memory = MemoryServices.start(new Env(Map.of("PAGELENS_MEMORY_MB", "102400", "PAGELENS_CACHE_MB", "8")), obs.registry())) {
            FakeBrowser browser = new FakeBrowser();
            browser.pids = List.of(ProcessHandle.current().pid());
            memory.attach(browser);
            memory.monitor().tick();
            assertThat(memory.ready()).isTrue();

            MemoryStatus st = memory.status();
            assertThat(st.budgetMb()).isEqualTo(102400);
            assertThat(st.budgetSource()).isEqualTo("PAGELENS_MEMORY_MB");
            assertThat(st.ceilingMb()).isEqualTo(71680);
            assertThat(st.cacheCapMb()).isEqualTo(8);
            assertThat(st.usedMb()).isPositive();
            assertThat(st.costEstimateMb()).containsKeys("viewport", "full_page", "pdf");
            assertThat(memory.snapshot().toKeyValues()).matches("rss=\\d+ heap=\\d+ chromium=\\d+");

            try (Admission.Permit p = memory.admission().admit(CaptureKind.VIEWPORT, "x.example", Instant.now().plusSeconds(5))) {
                assertThat(memory.status().inFlight()).isEqualTo(1);
            }
            assertThat(obs.scrape())
                    .contains("pagelens_memory_used_bytes{app=\"pagelens\",source=\"used\"}")
                    .contains("pagelens_memory_used_bytes{app=\"pagelens\",source=\"jvm_heap\"}")
                    .contains("pagelens_memory_budget_bytes{app=\"pagelens\",source=\"PAGELENS_MEMORY_MB\"} 1.073741824E11")
                    .contains("pagelens_admission_admitted_total{app=\"pagelens\",kind=\"viewport\"} 1.0")
                    .contains("pagelens_admission_wait_seconds_bucket")
                    .contains("pagelens_cache_cap_bytes{app=\"pagelens\"} 8388608.0")
                    .contains("pagelens_memory_pressure_level")
                    // the test's cgroup has no limit, so it is shared and not ours: no kill count from it
                    .doesNotContain("pagelens_memory_oom_kills");
        }
    }
}
