package io.pagelens.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.testing.CorpusServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pagelens serve} as a real process: SIGTERM drains it (a running capture finishes, Chromium is stopped,
 * exit status 0), and a second process on the same data folder has everything the first one stored.
 */
class ServeProcessIT {
    private static final Duration GRACE = Duration.ofSeconds(15);
    private static final Pattern SERVING = Pattern.compile("pagelens: serving on port (\\d+)");

    @TempDir
    Path data;
    @TempDir
    Path logs;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final List<Process> started = new ArrayList<>();

    /** One {@code pagelens serve} child JVM, its port and its log (stderr) file. */
    record Serve(Process process, int port, Path log) {
    }

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
            Serve first = serve("first");
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
            String log = Files.readString(first.log());
            assertThat(log).contains("msg=\"shutdown requested\" signal=\"TERM\"")
                    .contains("msg=\"server drained and stopped\"")
                    .contains("msg=\"stopped\"")
                    .doesNotContain("msg=\"job requeued\"");

            Serve second = serve("second");
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

    private Serve serve(String name) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = logs.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-Xmx256m",
                "-Dlogback.configurationFile=logback.xml", // the production log format, not the tests' logback-test.xml
                "-cp", System.getProperty("java.class.path"), "io.pagelens.cli.Main", "serve")
                .redirectError(log.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("PAGELENS_") || k.equals("DATABASE_URL") || k.equals("REDIS_URL") || k.equals("PORT"));
        env.putAll(Map.of("PORT", "0", "PAGELENS_HOST", "127.0.0.1", "PAGELENS_DATA", data.toString(), "PAGELENS_AUTH", "none",
                "PAGELENS_SHUTDOWN_GRACE", GRACE.toSeconds() + "s",
                "PAGELENS_CHROME_ARGS", "'" + String.join("' '", ApiHarness.TEST_ARGS) + "'"));
        env.putAll(io.pagelens.testing.TestEgress.env());
        Process p = pb.start();
        started.add(p);
        // stdout says where it listens; keep draining it so the child never blocks on a full pipe
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = p.inputReader(StandardCharsets.UTF_8)) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) port.complete(Integer.parseInt(m.group(1)));
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new AssertionError("serve ended without a port"));
        });
        try {
            return new Serve(p, port.get(60, TimeUnit.SECONDS), log);
        } catch (Exception e) {
            throw new AssertionError("pagelens serve (" + name + ") did not start; its log:\n" + Files.readString(log), e);
        }
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
