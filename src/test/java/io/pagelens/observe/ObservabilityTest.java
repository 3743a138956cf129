package io.pagelens.observe;

import io.micrometer.core.instrument.Metrics;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;

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
            obs.registry().timer(MeterNames.CAPTURE_DURATION, "kind", "viewport").record(Duration.ofMillis(700));
            obs.registry().timer(MeterNames.JOBS_RUN).record(Duration.ofMillis(700));
            assertThat(obs.scrape()).contains("pagelens_capture_seconds_bucket{app=\"pagelens\",kind=\"viewport\",le=")
                    .doesNotContain("pagelens_jobs_run_seconds_bucket");
        }
    }

    @Test
    void httpRequestTimers_getHistogramBuckets_fromFiveMilliseconds() {
        try (Observability obs = Observability.start()) {
            obs.registry().timer(MeterNames.HTTP_SERVER_REQUESTS, "method", "GET", "route", "/v1/jobs/{id}", "status", "200")
                    .record(Duration.ofMillis(3));
            assertThat(obs.scrape()).contains("http_server_requests_seconds_bucket{app=\"pagelens\",method=\"GET\",route=\"/v1/jobs/{id}\",status=\"200\",le=\"0.005\"} 1");
        }
    }

    @Test
    void buildInfo_isOneSeriesOfValueOne_withVersionCommitJavaAndChromium() throws Exception {
        try (Observability obs = Observability.start()) {
            BuildInfo b = new BuildInfo("1.2.3", "abc123def456", "25.0.3+9-LTS");
            Path fake = Files.createTempFile("fake-chrome", ".sh");
            try {
                Files.writeString(fake, "#!/bin/sh\necho 'Chromium 156.0.8078.114 built on Debian'\n");
                Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
                b.register(obs.registry(), Optional.of(fake)).join();
            } finally {
                Files.delete(fake);
            }
            assertThat(obs.scrape()).contains("pagelens_build_info{app=\"pagelens\",chromium=\"156.0.8078.114\",commit=\"abc123def456\","
                    + "java=\"25.0.3+9-LTS\",version=\"1.2.3\"} 1\n");
        }
    }

    @Test
    void buildInfo_ofThisBuild_comesFromTheFileMavenWrote() throws Exception {
        BuildInfo b = BuildInfo.current();
        String pom = Files.readString(Path.of("pom.xml"));
        assertThat(pom).contains("<version>" + b.version() + "</version>");
        assertThat(b.commit()).matches("[0-9a-f]{7,40}(-dirty)?|unknown");
        assertThat(b.java()).isEqualTo(System.getProperty("java.runtime.version"));
        assertThat(BuildInfo.parseVersion("Google Chrome for Testing 131.0.6778.85 ")).isEqualTo("131.0.6778.85");
        assertThat(BuildInfo.parseVersion("garbage")).isEqualTo(BuildInfo.UNKNOWN);
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
