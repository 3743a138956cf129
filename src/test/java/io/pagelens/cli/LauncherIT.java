package io.pagelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.json.Jackson;
import io.pagelens.observe.Logfmt;
import io.pagelens.testing.CorpusServer;
import io.pagelens.testing.ReleaseFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release launcher as a machine with only a JRE runs it: {@code bin/pagelens} from an assembled release, with a
 * PATH holding a jlinked JRE (no javac) and a few system tools (no mvn, no apt-get). It serves, captures a corpus page,
 * logs only JSON lines in JSON mode and valid logfmt in text mode, and stops on SIGTERM within the grace period; what
 * is missing stops it with a message naming it; a first-start key goes to the terminal only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LauncherIT {
    static final Duration GRACE = Duration.ofSeconds(15);
    static final String TOKEN = "launcher-it-0123456789abcdef0123456789";
    static final Pattern SERVING = Pattern.compile("pagelens: serving on port (\\d+)");
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final List<Process> started = new ArrayList<>();
    Path release;
    Path jre;
    String path;

    @BeforeAll
    void assemble(@TempDir Path dir) throws Exception {
        release = ReleaseFixture.release(dir.resolve("pagelens"));
        jre = ReleaseFixture.jre();
        path = jre.resolve("bin") + ":" + ReleaseFixture.tools(dir.resolve("tools"));
    }

    @AfterEach
    void killLeftovers() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        started.clear();
    }

    /** The environment of a dyno-like machine: nothing of the developer's, a JRE-only PATH. */
    Map<String, String> env(Path data, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", path);
        env.put("HOME", data.toString());
        env.put("TMPDIR", System.getProperty("java.io.tmpdir"));
        env.put("PORT", "0");
        env.put("PAGELENS_HOST", "127.0.0.1");
        env.put("PAGELENS_DATA", data.toString());
        env.put("PAGELENS_SHUTDOWN_GRACE", GRACE.toSeconds() + "s");
        env.put("PAGELENS_CHROME_ARGS", "'--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'");
        env.putAll(io.pagelens.testing.TestEgress.env());
        if (System.getenv("CHROME_PATH") != null) env.put("CHROME_PATH", System.getenv("CHROME_PATH"));
        env.putAll(extra);
        return env;
    }

    record Run(Process process, Path out, Path err) {
        String stdout() throws IOException {
            return Files.readString(out);
        }

        String stderr() throws IOException {
            return Files.readString(err);
        }
    }

    Run launch(Path dir, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/setsid", release.resolve("bin/pagelens").toString())); // setsid: no terminal
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out.log").toFile()).redirectError(dir.resolve("err.log").toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        started.add(p);
        return new Run(p, dir.resolve("out.log"), dir.resolve("err.log"));
    }

    int awaitPort(Run r, boolean json) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < until) {
            if (json) {
                for (String line : r.stderr().lines().toList()) {
                    JsonNode n = Jackson.STRICT.readTree(line);
                    if (n.path("msg").asText().equals("server started")) return n.path("port").asInt();
                }
            } else {
                Matcher m = SERVING.matcher(r.stdout());
                if (m.find()) return Integer.parseInt(m.group(1));
            }
            if (!r.process().isAlive()) break;
            Thread.sleep(100);
        }
        throw new AssertionError("bin/pagelens serve did not start:\n" + r.stdout() + r.stderr());
    }

    HttpResponse<String> call(String method, int port, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    void sigtermAndAwaitZero(Run r) throws Exception {
        long t0 = System.nanoTime();
        r.process().destroy(); // SIGTERM
        assertThat(r.process().waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)).as("exited within the grace period").isTrue();
        assertThat(r.process().exitValue()).as("exit status after SIGTERM; stderr:\n%s", r.stderr()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(GRACE);
    }

    @Test
    void thePathHasNoMavenNoJavacNoAptGet_onlyTheJre() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c", "command -v java; command -v mvn javac apt-get jlink || true");
        pb.environment().clear();
        pb.environment().put("PATH", path);
        Process q = pb.redirectErrorStream(true).start();
        String out = new String(q.getInputStream().readAllBytes()).trim();
        q.waitFor();
        assertThat(out).isEqualTo(jre.resolve("bin/java").toString());
        assertThat(jre.resolve("bin/javac")).doesNotExist();
    }

    @Test
    void releaseWithOnlyAJre_serves_captures_logsOnlyJson_andStopsOnSigterm(@TempDir Path dir) throws Exception {
        try (CorpusServer site = new CorpusServer()) {
            Run r = launch(dir, env(dir, Map.of("PAGELENS_LOG_FORMAT", "json", "PAGELENS_API_KEYS", "it:" + TOKEN)), "serve");
            int port = awaitPort(r, true);
            HttpResponse<String> res = call("POST", port, "/v1/captures", "{\"url\":\"" + site.url("blog/index.html") + "\"}", TOKEN);
            assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
            String requestId = res.headers().firstValue("X-Request-ID").orElseThrow();
            String id = Jackson.STRICT.readTree(res.body()).path("id").asText();
            HttpResponse<String> png = call("GET", port, "/v1/captures/" + id + "/screenshot", null, TOKEN);
            assertThat(png.statusCode()).isEqualTo(200);
            assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(call("POST", port, "/v1/captures", "{}", null).statusCode()).as("keys are on").isEqualTo(401);

            String metrics = call("GET", port, "/metrics", null, null).body();
            assertThat(metrics).contains("pagelens_build_info{").contains("http_server_requests_seconds_count{");
            assertDocumented(metrics);

            sigtermAndAwaitZero(r);
            List<String> lines = new ArrayList<>(r.stderr().lines().toList());
            lines.addAll(r.stdout().lines().toList());
            List<JsonNode> parsed = new ArrayList<>();
            for (String line : lines) parsed.add(Jackson.STRICT.readTree(line)); // every line the process wrote is JSON
            assertThat(parsed).allSatisfy(n -> assertThat(n.path("ts").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
            assertThat(parsed).anySatisfy(n -> {
                assertThat(n.path("logger").asText()).isEqualTo("io.pagelens.access");
                assertThat(n.path("requestId").asText()).isEqualTo(requestId);
                assertThat(n.path("status").isInt()).isTrue();
            });
            assertThat(parsed).as("the capture job's lines carry the job id, its end the capture id")
                    .anySatisfy(n -> assertThat(n.path("capture").asText()).isEqualTo(id))
                    .anySatisfy(n -> assertThat(n.path("msg").asText()).isEqualTo("capture"));
            assertThat(parsed).anySatisfy(n -> assertThat(n.path("msg").asText()).isEqualTo("stopped"));
            assertThat(r.stderr() + r.stdout()).doesNotContain(TOKEN);
        }
    }

    /** Every pagelens and HTTP metric family served is named in docs/metrics.md. */
    static void assertDocumented(String scrape) throws IOException {
        String doc = Files.readString(Path.of("docs/metrics.md"));
        TreeSet<String> missing = new TreeSet<>();
        for (String line : scrape.lines().toList()) {
            if (!line.startsWith("# TYPE ")) continue;
            String family = line.split(" ")[2];
            if (!family.startsWith("pagelens_") && !family.startsWith("http_server_")) continue;
            String base = family.endsWith("_seconds_max") ? family.substring(0, family.length() - 4) : family; // a timer's max
            if (!doc.contains("`" + base + "`")) missing.add(family);
        }
        assertThat(missing).as("metric families served but missing from docs/metrics.md").isEmpty();
    }

    @Test
    void textMode_writesValidLogfmt_andTheServingLineOnStdout(@TempDir Path dir) throws Exception {
        Run r = launch(dir, env(dir, Map.of("PAGELENS_AUTH", "none")), "serve", "--role", "web");
        int port = awaitPort(r, false);
        assertThat(call("GET", port, "/health/live", null, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", port, "/v1/jobs/job_nope", null, null).statusCode()).isEqualTo(404);
        sigtermAndAwaitZero(r);
        List<String> lines = r.stderr().lines().toList();
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            Map<String, Logfmt.Value> f = Logfmt.parse(line);
            assertThat(f.keySet()).as(line).startsWith("ts", "level", "logger", "thread", "msg");
        }
        assertThat(lines.stream().map(Logfmt::parse).filter(f -> f.get("msg").text().equals("request")))
                .allSatisfy(f -> {
                    assertThat(f.get("status").quoted()).as("numbers bare").isFalse();
                    assertThat(f.get("requestId").text()).hasSize(36);
                });
    }

    @Test
    void whatIsMissing_stopsTheLauncher_namingIt(@TempDir Path dir) throws Exception {
        Map<String, String> noJava = env(dir, Map.of());
        noJava.put("PATH", ReleaseFixture.tools(dir.resolve("only-tools")).toString());
        assertFails(dir.resolve("a"), noJava, "no java found: install a Java 25+ runtime");
        assertFails(dir.resolve("b"), env(dir, Map.of("JAVA_HOME", dir.resolve("nojdk").toString())), "JAVA_HOME=" + dir.resolve("nojdk") + " has no bin/java");
        assertFails(dir.resolve("c"), env(dir, Map.of("CHROME_PATH", "/nonexistent/chrome")), "CHROME_PATH=/nonexistent/chrome is not an executable file");
        Path empty = Files.createDirectories(dir.resolve("empty-release/bin"));
        for (String s : List.of("pagelens", "jvm-flags.sh", "aot-lib.sh")) Files.copy(release.resolve("bin/" + s), empty.resolve(s));
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/setsid", empty.resolve("pagelens").toString(), "serve").redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env(dir, Map.of()));
        Process p = pb.start();
        started.add(p);
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(out).contains("no pagelens.jar in ").contains("./pagelens build");
        Run xml = launch(Files.createDirectories(dir.resolve("e")), env(dir, Map.of("PAGELENS_LOG_FORMAT", "xml")), "serve");
        assertThat(xml.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(xml.process().exitValue()).isEqualTo(2);
        assertThat(xml.stderr()).contains("PAGELENS_LOG_FORMAT=xml: must be text (logfmt) or json").doesNotContain("|-ERROR");
    }

    private void assertFails(Path dir, Map<String, String> env, String message) throws Exception {
        Run r = launch(Files.createDirectories(dir), env, "serve");
        assertThat(r.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(r.process().exitValue()).as(r.stderr()).isEqualTo(2);
        assertThat(r.stderr()).contains(message);
    }

    @Test
    void firstStartKey_withoutATerminal_isNotCreated_andTheLogSaysHow(@TempDir Path dir) throws Exception {
        Run r = launch(dir, env(dir, Map.of()), "serve", "--role", "web");
        int port = awaitPort(r, false);
        sigtermAndAwaitZero(r);
        assertThat(r.stdout() + r.stderr()).doesNotContain("pl_").contains("no API key exists and there is no terminal")
                .contains("PAGELENS_API_KEYS");
        assertThat(port).isPositive();
    }

    @Test
    void firstStartKey_onATerminal_isShownThere_andNeverInStdoutOrStderr(@TempDir Path dir) throws Exception {
        // script(1) gives the launcher a pseudo-terminal; its stdout and stderr still go to files, as a log drain would read them
        String inner = "exec " + release.resolve("bin/pagelens") + " serve --role web >" + dir.resolve("out.log") + " 2>" + dir.resolve("err.log");
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/script", "-qfec", inner, "/dev/null").redirectOutput(dir.resolve("tty.log").toFile())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().clear();
        pb.environment().putAll(env(dir, Map.of()));
        Process script = pb.start();
        started.add(script);
        Run r = new Run(script, dir.resolve("out.log"), dir.resolve("err.log"));
        int port = 0;
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (port == 0 && System.nanoTime() < until) {
            Matcher m = Files.exists(r.out()) ? SERVING.matcher(r.stdout()) : null;
            if (m != null && m.find()) port = Integer.parseInt(m.group(1));
            else Thread.sleep(100);
        }
        assertThat(port).as("serve started under script(1): %s", Files.exists(r.err()) ? r.stderr() : "").isPositive();
        Matcher key = Pattern.compile("pl_[0-9a-f]{64}").matcher(Files.readString(dir.resolve("tty.log")));
        assertThat(key.find()).as("the key was shown on the terminal").isTrue();
        String token = key.group();
        assertThat(call("GET", port, "/v1/status", null, token).statusCode()).as("the shown key works").isEqualTo(200);
        Optional<ProcessHandle> java = script.descendants().filter(h -> h.info().command().orElse("").endsWith("/java")).findFirst();
        assertThat(java).isPresent();
        java.get().destroy();
        assertThat(script.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(r.stdout() + r.stderr()).doesNotContain(token).doesNotContain("pl_");
    }
}
