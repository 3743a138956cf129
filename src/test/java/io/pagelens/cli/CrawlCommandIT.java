package io.pagelens.cli;

import io.pagelens.capture.CaptureEngine;
import io.pagelens.capture.Engines;
import io.pagelens.config.Env;
import io.pagelens.content.HtmlContentExtractor;
import io.pagelens.crawl.SiteServer;
import io.pagelens.store.Storage;
import io.pagelens.testing.TestEgress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pagelens crawl} and {@code pagelens map} on northwind with real Chromium: a small crawl stores typed pages in
 * the project ({@code pagelens list P --json} shows pageType) and exits 0; bad flags exit 2 naming the flag; a crawl
 * whose seed fails exits 1; a map lists sitemap and linked URLs with types, never a robots-disallowed one.
 */
class CrawlCommandIT {
    static SiteServer site;

    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        site = new SiteServer("northwind");
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    Env env() {
        return new Env(Map.of("PAGELENS_DATA", dir.resolve("data").toString()));
    }

    static Supplier<CaptureEngine> engines() {
        return () -> Engines.engine(new HtmlContentExtractor());
    }

    int crawl(String... args) {
        CrawlCommand cmd = new CrawlCommand(engines(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        cmd.storages = () -> Storage.open(env());
        cmd.terminal = () -> false;
        return new CommandLine(cmd).execute(args);
    }

    String list(String... args) {
        ListCommand c = new ListCommand();
        c.env = env();
        StringWriter w = new StringWriter();
        CommandLine cl = new CommandLine(c);
        cl.setOut(new PrintWriter(w));
        cl.setErr(new PrintWriter(w));
        int code = cl.execute(args);
        return code + "\n" + w;
    }

    @Test
    void crawl_storesTypedPagesInTheProject_andExitsZero() {
        int code = crawl(site.url("/"), "--project", "nw", "--limit", "4", "--format", "html", "--full-page", "--sitemap", "skip", "--no-progress");
        String o = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(o + err).isZero();
        assertThat(o).contains("completed (limitReached)").contains("stored 4");
        String listed = list("nw", "--json");
        assertThat(listed).startsWith("0\n").contains("\"pageType\":\"home\"");
        assertThat(listed.lines().filter(l -> l.contains("\"pageId\"") && !l.contains("\"capturedAt\"")).count()).as(listed).isEqualTo(4);
    }

    @Test
    void crawl_badFlagsExitTwoNamingTheFlag_andAFailedSeedExitsOne() {
        assertThat(crawl(site.url("/"), "--project", "nw", "--include-paths", "(unclosed")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--include-paths");
        err.reset();
        assertThat(crawl(site.url("/"), "--project", "nw", "--quality", "400", "--type", "jpeg")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--quality");

        int code = crawl(site.url("/no-such-page"), "--project", "nw", "--format", "html", "--sitemap", "skip", "--no-progress");
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("failed (seedFailed)").contains("failed pages:").contains("http_404");
    }

    @Test
    void map_listsSitemapAndLinkedUrlsWithTypes() {
        MapCommand cmd = new MapCommand(engines(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        cmd.guards = TestEgress::guard;
        int code = new CommandLine(cmd).execute(site.url("/"), "--limit", "15");
        String o = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(o + err).isZero();
        assertThat(o).contains(site.url("/") + "\thome\t").contains(site.url("/solutions/retail-analytics")).contains(site.url("/pricing"));
        assertThat(o).doesNotContain("/admin/").doesNotContain("/partners/portal");
        assertThat(o.lines().count()).isGreaterThan(15);
    }
}
