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
        try (Storage s = Storage.open(env())) {
            s.createVariant(s.project("demo").orElseThrow().id(), "broken", null, "[{\"selector\": \".gone\", \"action\": \"hide\"}]");
        }
        assertThat(capture(url, "--format", "html", "-o", html.toString(), "--project", "demo", "--variant", "broken", "--fail-on-missing-selector"))
                .isNotZero();
        assertThat(err.toString()).contains("mutations[0].selector: '.gone' matched no element");
        err.reset();
        assertThat(capture(url, "--format", "html", "-o", html.toString(), "--project", "demo", "--variant", "nope")).isEqualTo(2);
        assertThat(err.toString()).contains("--variant: project 'demo' has no variant 'nope'");
    }
}
