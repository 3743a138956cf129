package io.pagelens.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.testing.CorpusServer;
import io.pagelens.testing.ServeChild;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pagelens serve} as a real process: SIGTERM drains it (a running capture finishes, Chromium is stopped,
 * exit status 0), and a second process on the same data folder has everything the first one stored.
 */
class ServeProcessIT {
    private static final Duration GRACE = Duration.ofSeconds(15);

    @TempDir
    Path data;
    @TempDir
    Path logs;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void sigterm_drainsTheRunningCapture_stopsChromium_andExitsZero_andARestartHasEverything() throws Exception {
        try (CorpusServer site = new CorpusServer().route("/slow", ex -> {
            sleep(Duration.ofSeconds(2));
            CorpusServer.send(ex, 200, "text/html", "<html><body><h1>slow page</h1></body></html>");
        })) {
            ServeChild first = serve("first");
            ApiHarness.Client c = new ApiHarness.Client(http, first.port(), null);
            awaitReady(c);
            JsonNode capture = c.json("POST", "/v1/captures", "{\"url\":\"" + site.url("blog/index.html") + "\",\"projectId\":\"restart\"}", 200);
            String captureId = capture.get("id").asText();
            String jobId = c.json("POST", "/v1/captures", "{\"url\":\"" + site.url("slow") + "\",\"async\":true,\"projectId\":\"restart\"}", 202)
                    .get("id").asText();
            c.awaitState(jobId, "running", Duration.ofSeconds(30));

            List<ProcessHandle> tree = first.process().descendants().toList();
            assertThat(tree).as("Chromium runs under the server").anyMatch(ServeProcessIT::isChromium);
            first.process().destroy(); // SIGTERM
            assertThat(first.process().waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)).as("exited within the grace period").isTrue();
            assertThat(first.process().exitValue()).as("exit status after SIGTERM").isZero();
            awaitGone(tree, Duration.ofSeconds(3)); // the kernel may take a moment to reap what the server killed
            assertThat(tree).as("no process started by the server survives it").noneMatch(ProcessHandle::isAlive);
            String log = first.log();
            assertThat(log).contains("msg=\"shutdown requested\" signal=\"TERM\"")
                    .contains("msg=\"server drained and stopped\"")
                    .contains("msg=\"stopped\"")
                    .doesNotContain("msg=\"job requeued\"");

            ServeChild second = serve("second");
            ApiHarness.Client c2 = new ApiHarness.Client(http, second.port(), null);
            awaitReady(c2);
            assertThat(c2.json("GET", "/v1/captures/" + captureId, null, 200).get("project").asText()).isEqualTo("restart");
            JsonNode job = c2.json("GET", "/v1/jobs/" + jobId, null, 200);
            assertThat(job.get("state").asText()).as("the capture running at SIGTERM finished during the drain").isEqualTo("succeeded");
            String drained = job.get("links").get("capture").asText();
            c2.json("GET", drained, null, 200);
            second.process().destroy();
            assertThat(second.process().waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(second.process().exitValue()).isZero();
        }
    }

    private ServeChild serve(String name) throws IOException {
        ServeChild child = ServeChild.start("all", Map.of("PAGELENS_DATA", data.toString(),
                "PAGELENS_SHUTDOWN_GRACE", GRACE.toSeconds() + "s",
                "PAGELENS_CHROME_ARGS", "'" + String.join("' '", ApiHarness.TEST_ARGS) + "'"), logs.resolve(name + ".log"));
        started.add(child.process());
        return child;
    }

    private static void awaitReady(ApiHarness.Client c) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int status = 0;
        while (System.nanoTime() < until) {
            status = c.send("GET", "/health/ready", null).statusCode();
            if (status == 200) return;
            Thread.sleep(100);
        }
        throw new AssertionError("/health/ready answered " + status + " for 30 s");
    }

    private static void awaitGone(List<ProcessHandle> processes, Duration max) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < until) Thread.sleep(50);
    }

    private static boolean isChromium(ProcessHandle p) {
        return p.info().command().orElse("").contains("chrom");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
