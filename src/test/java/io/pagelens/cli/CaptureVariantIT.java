package io.pagelens.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.browser.BrowserConfig;
import io.pagelens.capture.CaptureEngine;
import io.pagelens.capture.CaptureSettings;
import io.pagelens.config.Env;
import io.pagelens.content.HtmlContentExtractor;
import io.pagelens.memory.FixedAdmission;
import io.pagelens.server.FeatureSteps;
import io.pagelens.store.ListQuery;
import io.pagelens.store.Storage;
import io.pagelens.store.StoredCapture;
import io.pagelens.testing.CorpusServer;
import io.pagelens.testing.TestEgress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code pagelens capture URL --project P --variant NAME}: the stored variant's mutations are applied and the capture stored as it. */
class CaptureVariantIT {
    static CorpusServer server;

    @TempDir
    Path dir;
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        server = new CorpusServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    Env env() {
        return new Env(Map.of("PAGELENS_DATA", dir.resolve("data").toString()));
    }

    int capture(String... args) {
        Path bin = System.getenv("CHROME_PATH") != null ? Path.of(System.getenv("CHROME_PATH")) : BrowserConfig.HEADLESS_SHELL;
        CaptureCommand cmd = new CaptureCommand(() -> new CaptureEngine(BrowserConfig.defaults(bin, List.of("--host-resolver-rules=" + TestEgress.RESOLVER_RULES)),
                CaptureSettings.DEFAULTS, b -> new FixedAdmission(1), new SimpleMeterRegistry(), new HtmlContentExtractor(), TestEgress.guard(),
                FeatureSteps.all()), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true));
        cmd.storages = () -> Storage.open(env());
        return new CommandLine(cmd).execute(args);
    }

    @Test
    void variantFlag_appliesTheStoredVariant_andStoresItAsThatVariant() throws Exception {
        try (Storage s = Storage.open(env())) {
            String project = s.createProject("demo", null).id();
            s.createVariant(project, "cleaner", null, "[{\"selector\": \"header.masthead h1\", \"action\": \"setText\", \"value\": \"Cleaner Blog\"}]");
        }
        Path html = dir.resolve("v.html");
        String url = server.url("/blog/index.html");
        assertThat(capture(url, "--format", "html", "-o", html.toString(), "--project", "demo", "--variant", "cleaner"))
                .as(err.toString()).isZero();
        assertThat(Files.readString(html)).contains("Cleaner Blog");
        try (Storage s = Storage.open(env())) {
            List<StoredCapture> caps = s.captures(s.project("demo").orElseThrow().id(), false, ListQuery.FIRST).items();
            assertThat(caps).singleElement().satisfies(c -> {
                assertThat(c.variant()).isEqualTo("cleaner");
                assertThat(c.optionsJson()).contains("\"stableRender\":true");
            });
        }
        err.reset();
        err.reset();
        assertThat(capture(url, "--format", "html", "-o", html.toString(), "--project", "demo", "--variant", "nope")).isEqualTo(2);
        assertThat(err.toString()).contains("--variant: project 'demo' has no variant 'nope'");
    }

    /** {@code pagelens diff CAPTURE_A CAPTURE_B}: the stored captures' screenshots, diffed by the service the API uses. */
    @Test
    void diffOfTwoCaptureIds_findsTheVariantsChange_andWritesTheImage() throws Exception {
        try (Storage s = Storage.open(env())) {
            String project = s.createProject("d", null).id();
            s.createVariant(project, "cta", null, "[{\"selector\": \"a.btn-primary\", \"action\": \"setStyle\", \"value\": \"background-color: #E8743B\"}]");
        }
        String url = server.url("/blog/index.html");
        assertThat(capture(url, "-o", dir.resolve("a.png").toString(), "--project", "d", "--stable-render", "--full-page")).as(err.toString()).isZero();
        assertThat(capture(url, "-o", dir.resolve("b.png").toString(), "--project", "d", "--variant", "cta", "--full-page")).as(err.toString()).isZero();
        String a, b;
        try (Storage s = Storage.open(env())) {
            List<StoredCapture> caps = s.captures(s.project("d").orElseThrow().id(), false, ListQuery.FIRST).items();
            a = caps.stream().filter(c -> c.variant().isEmpty()).findFirst().orElseThrow().id();
            b = caps.stream().filter(c -> c.variant().equals("cta")).findFirst().orElseThrow().id();
        }
        java.io.StringWriter out = new java.io.StringWriter();
        DiffCommand diff = new DiffCommand();
        diff.storages = () -> Storage.open(env());
        CommandLine cl = new CommandLine(diff);
        cl.setOut(new java.io.PrintWriter(out));
        Path image = dir.resolve("diff.png");
        assertThat(cl.execute(a, b, "--json", "-o", image.toString())).as(out.toString()).isEqualTo(1);
        com.fasterxml.jackson.databind.JsonNode r = io.pagelens.json.Jackson.MAPPER.readTree(out.toString());
        assertThat(r.path("regions")).hasSize(1);
        assertThat(r.path("changedPixels").asLong()).isPositive();
        assertThat(Files.size(image)).isPositive();
        StringWriter same = new StringWriter();
        DiffCommand diff2 = new DiffCommand();
        diff2.storages = () -> Storage.open(env());
        CommandLine again = new CommandLine(diff2);
        again.setOut(new java.io.PrintWriter(same));
        assertThat(again.execute(a, a)).isZero();
        assertThat(same.toString()).startsWith("same: 0 changed pixels");
    }
}
