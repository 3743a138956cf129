package io.pagelens.observe;

import io.micrometer.core.instrument.Metrics;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityTest {
    @Test
    void scrape_hasJvmMetricsAndWhatComponentsRegister() {
        try (Observability obs = Observability.start()) {
            obs.registry().counter(MeterNames.BROWSER_LAUNCHES).increment();
            obs.registry().counter(MeterNames.BROWSER_STOPS, "reason", "recycle").increment();
            obs.registry().timer(MeterNames.CAPTURE_DURATION, "kind", "full_page", "outcome", "ok").record(Duration.ofMillis(1200));

            assertThat(obs.scrape())
                    .contains("jvm_memory_used_bytes{")
                    .contains("jvm_gc_")
                    .contains("pagelens_browser_launches_total{app=\"pagelens\"} 1.0")
                    .contains("pagelens_browser_stops_total{app=\"pagelens\",reason=\"recycle\"} 1.0")
                    .contains("pagelens_capture_seconds_bucket{app=\"pagelens\",kind=\"full_page\",outcome=\"ok\",le=")
                    .contains("pagelens_capture_seconds_count{app=\"pagelens\",kind=\"full_page\",outcome=\"ok\"} 1");
        }
    }

    @Test
    void captureTimersGetHistogramBuckets_howeverTheyWereRegistered() {
        try (Observability obs = Observability.start()) {
            obs.registry().timer("pagelens.capture", "kind", "viewport").record(Duration.ofMillis(700));
            obs.registry().timer("pagelens.other").record(Duration.ofMillis(700));
            assertThat(obs.scrape()).contains("pagelens_capture_seconds_bucket{app=\"pagelens\",kind=\"viewport\",le=")
                    .doesNotContain("pagelens_other_seconds_bucket");
        }
    }

    @Test
    void globalRegistryMetersAreExported_untilClosed() {
        Observability obs = Observability.start();
        Metrics.counter("pagelens.test.global").increment();
        assertThat(obs.scrape()).contains("pagelens_test_global_total");
        obs.close();
        obs.close();
        assertThat(Metrics.globalRegistry.getRegistries()).doesNotContain(obs.registry());
    }
}
