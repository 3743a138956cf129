package io.pagelens.crawl;

import io.pagelens.json.Jackson;
import io.pagelens.testing.CorpusServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain-HTTP driver against hostile redirects on 127.0.0.1: every hop is checked before it is requested, chains
 * and loops are cut, a redirect to another host is never followed. The access log is the witness.
 */
class HttpCrawlerIT {
    @TempDir
    Path root;
    CorpusServer server;
    InMemoryFrontier frontier;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(root.resolve("robots.txt"), "User-agent: *\nDisallow: /admin/\n");
        Files.writeString(root.resolve("index.html"), """
                <html><body><main><a href="/to-admin">a</a> <a href="/to-other-host">b</a> <a href="/loop">c</a>
                <a href="/chain0">d</a> <a href="/short">e</a> <a href="/report.pdf">f</a> <a href="/download">g</a></main></body></html>""");
        Files.writeString(root.resolve("target.html"), "<html><head><title>Target</title></head><body><main><h1>Target</h1></main></body></html>");
        server = new CorpusServer(root);
        redirect("/to-admin", "/admin/secret");
        redirect("/to-other-host", "http://127.0.0.2:" + server.port() + "/x"); // a loopback alias outside the crawl
        redirect("/loop", "/loop");
        for (int i = 0; i < 8; i++) redirect("/chain" + i, "/chain" + (i + 1));
        redirect("/short", "/target.html");
        server.route("/download", ex -> CorpusServer.send(ex, 200, "application/pdf", "%PDF-1.4"));
        server.route("/outward", ex -> CorpusServer.send(ex, 200, "text/html",
                "<html><body><main><a href=\"http://127.0.0.2:" + server.port() + "/inside\">in</a></main></body></html>"));
        frontier = new InMemoryFrontier(Clock.systemUTC());
    }

    void redirect(String from, String to) {
        server.route(from, ex -> {
            ex.getResponseHeaders().set("Location", to);
            CorpusServer.send(ex, 301, "text/html", "");
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    String state(String path) {
        InMemoryFrontier.Row r = frontier.row(server.url(path));
        return r == null ? null : r.state.id() + (r.reason == null ? "" : ":" + r.reason);
    }

    @Test
    void run_checksEveryHopBeforeItIsRequested() throws Exception {
        CrawlOptions o = CrawlOptions.parse(Jackson.MAPPER.readTree("{\"sitemap\": \"skip\", \"maxConcurrency\": 1}"), CrawlSettings.DEFAULTS);
        JdkCrawlFetcher fetcher = CrawlSuites.fetcher();
        CrawlCore core = new CrawlCore(CrawlPlan.of(URI.create(server.url("/")), o), frontier, new RobotsCache(fetcher, o.robotsAgent()),
                CrawlSettings.DEFAULTS, Clock.systemUTC(), Instant.now().plusSeconds(120));
        HttpCrawler.Result r = new HttpCrawler(fetcher, CrawlSettings.DEFAULTS, Clock.systemUTC())
                .run(core, "t", HttpCrawler.classifying(PageTypeClassifier.DEFAULT, TypeOverrides.NONE), () -> false);
        assertThat(r.reason()).isEqualTo(CrawlReason.FINISHED);
        assertThat(state("/to-admin")).isEqualTo("skipped:robots");
        assertThat(state("/to-other-host")).isEqualTo("skipped:scope");
        assertThat(state("/loop")).isEqualTo("failed:redirects");
        assertThat(state("/chain0")).isEqualTo("failed:redirects");
        assertThat(state("/short")).isEqualTo("skipped:redirect");
        assertThat(state("/target.html")).isEqualTo("done");
        assertThat(state("/report.pdf")).isEqualTo("skipped:non_html");
        assertThat(state("/download")).isEqualTo("skipped:non_html");
        assertThat(server.requestLog()).noneMatch(l -> l.contains("/admin/")).noneMatch(l -> l.contains("/report.pdf"))
                // the chain stops after the allowed hops: /chain0 plus five redirects
                .noneMatch(l -> l.startsWith("GET /chain6 "));
        assertThat(server.requestLog().stream().filter(l -> l.startsWith("GET /loop ")).count()).isEqualTo(1);
        assertThat(frontier.row(server.url("/target.html")).done.pageType()).isNotNull();
    }

    /** With allowExternalLinks, a link to a loopback alias outside the allow-list is refused by the egress guard. */
    @Test
    void run_egressGuardRefusesPrivateTargets() throws Exception {
        CrawlOptions o = CrawlOptions.parse(Jackson.MAPPER.readTree("{\"sitemap\": \"skip\", \"allowExternalLinks\": true, \"respectRobots\": false}"),
                CrawlSettings.DEFAULTS);
        JdkCrawlFetcher fetcher = CrawlSuites.fetcher();
        CrawlCore core = new CrawlCore(CrawlPlan.of(URI.create(server.url("/outward")), o), frontier, RobotsPolicy.IGNORE,
                CrawlSettings.DEFAULTS, Clock.systemUTC(), Instant.now().plusSeconds(120));
        new HttpCrawler(fetcher, CrawlSettings.DEFAULTS, Clock.systemUTC()).run(core, "t", HttpCrawler.classifying(PageTypeClassifier.DEFAULT, TypeOverrides.NONE), () -> false);
        InMemoryFrontier.Row r = frontier.row("http://127.0.0.2:" + server.port() + "/inside");
        assertThat(r.state).isEqualTo(UrlState.FAILED);
        assertThat(r.reason).isEqualTo("egress_blocked");
        assertThat(r.detail).startsWith(PageFetch.EGRESS_BLOCKED);
        assertThat(r.attempts).isEqualTo(1);
    }
}
