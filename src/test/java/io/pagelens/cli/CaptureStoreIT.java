package io.pagelens.cli;

import io.pagelens.capture.CaptureEngine;
import io.pagelens.capture.Engines;
import io.pagelens.config.Env;
import io.pagelens.content.HtmlContentExtractor;
import io.pagelens.store.ListQuery;
import io.pagelens.store.ProjectInfo;
import io.pagelens.store.Storage;
import io.pagelens.store.StoredCapture;
import io.pagelens.testing.CorpusServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pagelens capture URL --project demo --page-type home} with real Chromium: stores, upserts on the second
 * run, and with {@code --max-age} answers from the store without creating a browser.
 */
class CaptureStoreIT {
    static CorpusServer server;

    @TempDir
    Path dir;
    final AtomicInteger enginesCreated = new AtomicInteger();
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

    Supplier<CaptureEngine> engines() {
        return () -> {
            enginesCreated.incrementAndGet();
            return Engines.engine(new HtmlContentExtractor());
        };
    }

    int capture(String... args) {
        CaptureCommand cmd = new CaptureCommand(engines(), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true));
        cmd.storages = () -> Storage.open(env());
        return new CommandLine(cmd).execute(args);
    }

    @Test
    void captureWithProject_storesAndUpserts_thenMaxAgeAnswersWithoutChromium() throws Exception {
        String url = server.url("/blog/about.html");
        Path shot = dir.resolve("about.png");
        String[] args = {url, "-o", shot.toString(), "--html", dir.resolve("about.html").toString(), "--project", "demo", "--page-type", "home"};

        assertThat(capture(args)).as(err.toString()).isZero();
        assertThat(capture(args)).as(err.toString()).isZero();
        assertThat(enginesCreated).hasValue(2);
        try (Storage s = Storage.open(env())) {
            ProjectInfo demo = s.project("demo").orElseThrow();
            List<StoredCapture> current = s.captures(demo.id(), false, ListQuery.FIRST).items();
            assertThat(current).singleElement().satisfies(c -> {
                assertThat(c.version()).isEqualTo(2);
                assertThat(c.pageType()).isEqualTo("home");
                assertThat(c.artifacts()).extracting(a -> a.format().id()).containsExactlyInAnyOrder("screenshot", "html");
            });
            assertThat(s.captures(demo.id(), true, ListQuery.FIRST).items()).hasSize(2);
        }

        Files.delete(shot);
        Path report = dir.resolve("cached.json");
        String[] cached = {url, "-o", shot.toString(), "--html", dir.resolve("about.html").toString(), "--project", "demo",
                "--page-type", "home", "--max-age", "1h", "--json", report.toString()};
        assertThat(capture(cached)).as(err.toString()).isZero();
        assertThat(enginesCreated).as("no browser for a cache hit").hasValue(2);
        assertThat(shot).exists();
        assertThat(Files.readAllBytes(shot)).startsWith(new byte[]{(byte) 0x89, 'P', 'N', 'G'});
        assertThat(Files.readString(report)).contains("\"cached\" : true").contains("\"version\" : 2");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cached: stored capture");
    }

    @Test
    void storeOptionsWithoutProject_areBadInput() {
        assertThat(capture(server.url("/blog/about.html"), "--page-type", "home")).isEqualTo(CaptureCommand.EXIT_BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--page-type: needs --project");
        assertThat(capture(server.url("/"), "--project", "demo", "--max-age", "soon")).isEqualTo(CaptureCommand.EXIT_BAD_INPUT);
        assertThat(enginesCreated).hasValue(0);
    }
}
