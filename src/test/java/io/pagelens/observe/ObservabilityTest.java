package io.pagelens.observe;

import io.micrometer.core.instrument.Metrics;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityTest {
    @Test
    void scrape_hasJvmMetricsAndWhatComponentsRegister() {
        try (Observability obs = Observability.start()) {
            CaptureMetrics m = CaptureMetrics.micrometer(obs.registry());
            m.browserLaunched();
            m.browserRecycled("captures");
            m.browserCrashed();
            m.captureFinished("FULL_PAGE", "ok", Duration.ofMillis(1200));

            String text = obs.scrape();
            assertThat(text)
                    .contains("jvm_memory_used_bytes{")
                    .contains("jvm_gc_")
                    .contains("pagelens_browser_launches_total{app=\"pagelens\"} 1.0")
                    .contains("pagelens_browser_recycles_total{app=\"pagelens\",reason=\"captures\"} 1.0")
                    .contains("pagelens_browser_crashes_total{app=\"pagelens\"} 1.0")
                    .contains("pagelens_capture_duration_seconds_bucket{app=\"pagelens\",kind=\"full_page\",outcome=\"ok\",le=")
                    .contains("pagelens_capture_duration_seconds_count{app=\"pagelens\",kind=\"full_page\",outcome=\"ok\"} 1");
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

    @Test
    void noneIsANullObject() {
        CaptureMetrics.NONE.browserLaunched();
        CaptureMetrics.NONE.captureFinished("viewport", "ok", Duration.ZERO);
    }
}
