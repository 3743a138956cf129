package io.pagelens.crawl;

import io.pagelens.testing.CorpusServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RobotsCacheTest {
    @TempDir
    Path root;
    CorpusServer server;
    RobotsCache cache;

    @BeforeEach
    void start() throws Exception {
        server = new CorpusServer(root);
        cache = new RobotsCache(CrawlSuites.fetcher(), RobotsAgent.PAGELENS);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private long robotsRequests() {
        return server.requestLog().stream().filter(l -> l.contains("robots")).count();
    }

    @Test
    void rulesFor_parsesOncePerOrigin() {
        server.route("/robots.txt", ex -> CorpusServer.send(ex, 200, "text/plain", "User-agent: pagelens\nDisallow: /private/\nCrawl-delay: 2\n"));
        RobotsRules r = cache.rulesFor(server.uri("/a"));
        assertThat(r.source()).isEqualTo(RobotsRules.Source.PARSED);
        assertThat(r.allows(server.url("/private/x"))).isFalse();
        assertThat(r.allows(server.url("/public"))).isTrue();
        assertThat(r.crawlDelay()).isPresent();
        cache.rulesFor(server.uri("/b?x=1"));
        assertThat(robotsRequests()).isEqualTo(1);
    }

    @Test
    void rulesFor_404AllowsEverything() {
        RobotsRules r = cache.rulesFor(server.uri("/a"));
        assertThat(r.source()).isEqualTo(RobotsRules.Source.MISSING);
        assertThat(r.allows(server.url("/anything"))).isTrue();
    }

    @Test
    void rulesFor_5xxDisallowsEverything() {
        server.route("/robots.txt", ex -> CorpusServer.send(ex, 503, "text/plain", "down"));
        RobotsRules r = cache.rulesFor(server.uri("/a"));
        assertThat(r.source()).isEqualTo(RobotsRules.Source.UNREACHABLE);
        assertThat(r.allows(server.url("/a"))).isFalse();
    }

    @Test
    void rulesFor_followsFiveRedirectsNotSix() {
        for (int i = 0; i < 6; i++) {
            String next = i == 5 ? "/final.txt" : "/r" + (i + 1);
            String path = i == 0 ? "/robots.txt" : "/r" + i;
            server.route(path, ex -> {
                ex.getResponseHeaders().set("Location", next);
                CorpusServer.send(ex, 301, "text/plain", "");
            });
        }
        server.route("/final.txt", ex -> CorpusServer.send(ex, 200, "text/plain", "User-agent: *\nDisallow: /x\n"));
        // six redirects: one too many
        assertThat(cache.rulesFor(server.uri("/")).source()).isEqualTo(RobotsRules.Source.UNREACHABLE);

        RobotsCache fresh = new RobotsCache(CrawlSuites.fetcher(), RobotsAgent.PAGELENS);
        server.route("/r1", ex -> {
            ex.getResponseHeaders().set("Location", "/r5");
            CorpusServer.send(ex, 302, "text/plain", "");
        });
        RobotsRules r = fresh.rulesFor(server.uri("/"));
        assertThat(r.source()).isEqualTo(RobotsRules.Source.PARSED);
        assertThat(r.allows(server.url("/x"))).isFalse();
    }

    @Test
    void rulesFor_redirectLoopDisallows() {
        server.route("/robots.txt", ex -> {
            ex.getResponseHeaders().set("Location", "/robots.txt");
            CorpusServer.send(ex, 301, "text/plain", "");
        });
        assertThat(cache.rulesFor(server.uri("/")).source()).isEqualTo(RobotsRules.Source.UNREACHABLE);
    }

    @Test
    void rulesFor_connectionRefusedDisallows() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        RobotsRules r = cache.rulesFor(URI.create("http://127.0.0.1:" + port + "/x"));
        assertThat(r.source()).isEqualTo(RobotsRules.Source.UNREACHABLE);
        assertThat(r.problem()).isPresent();
    }

    @Test
    void origin_dropsDefaultPortsAndCase() {
        assertThat(RobotsCache.origin(URI.create("HTTP://Example.COM:80/a"))).isEqualTo("http://example.com");
        assertThat(RobotsCache.origin(URI.create("https://example.com:8443/a"))).isEqualTo("https://example.com:8443");
    }
}
