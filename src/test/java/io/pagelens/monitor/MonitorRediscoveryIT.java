package io.pagelens.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project monitor with {@code crawl} re-discovers the project's pages from its siteUrl at each run (the plain-HTTP
 * map: sitemap plus links, robots.txt honoured). The site's sitemap lists /a and /b on the first map and /a and /c from
 * then on: run 1 finds /, /a, /b (new), run 2 finds /, /a (same), /c (new) and reports /b removed, run 3 does not
 * report /b again. /private is linked but disallowed by robots.txt, so never watched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitorRediscoveryIT {
    private MonitorHarness h;
    private HttpServer site;
    private String base;
    private final AtomicInteger maps = new AtomicInteger(); // sitemap fetches: one per re-discovery

    @BeforeAll
    void start() throws Exception {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
        site.createContext("/robots.txt", ex -> send(ex, "text/plain", "User-agent: *\nDisallow: /private\nSitemap: " + base + "/sitemap.xml\n"));
        site.createContext("/sitemap.xml", ex -> {
            String second = maps.incrementAndGet() == 1 ? "/b" : "/c";
            send(ex, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                    + "<url><loc>" + base + "/a</loc></url><url><loc>" + base + second + "</loc></url></urlset>");
        });
        site.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            if (!List.of("/", "/a", "/b", "/c", "/private").contains(path)) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            send(ex, "text/html; charset=utf-8", "<!doctype html><html><body style='margin:20px;font:16px sans-serif'><h1>Page " + path
                    + "</h1><p><a href='/a'>A</a> <a href='/private'>Private</a></p></body></html>");
        });
        site.start();
        base = "http://127.0.0.1:" + site.getAddress().getPort();
        h = new MonitorHarness(false).start(MonitorHarness.FAST);
    }

    private static void send(HttpExchange ex, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    @AfterAll
    void stop() {
        if (h != null) h.close();
        site.stop(0);
    }

    /** url path → changeStatus of one run. */
    private Map<String, String> pages(JsonNode run) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode r : run.get("summary").get("results")) out.put(r.get("url").asText().substring(base.length()), r.get("changeStatus").asText());
        return out;
    }

    @Test
    void eachRun_rediscoversTheSite_newPagesAreNew_vanishedPagesRemovedOnce() throws Exception {
        String project = h.json("POST", "/v1/projects", "{\"name\":\"site\",\"siteUrl\":\"" + base + "/\"}", 201).get("id").asText();
        String id = h.json("POST", "/v1/monitors", "{\"projectId\":\"" + project + "\",\"interval\":\"1s\",\"crawl\":{\"maxDepth\":2,\"limit\":20}}", 201)
                .get("id").asText();
        List<JsonNode> runs = h.awaitRuns(id, r -> r.size() >= 3, Duration.ofSeconds(90));
        assertThat(pages(runs.get(0))).containsOnly(Map.entry("/", "new"), Map.entry("/a", "new"), Map.entry("/b", "new"));
        assertThat(pages(runs.get(1))).containsOnly(Map.entry("/", "same"), Map.entry("/a", "same"), Map.entry("/c", "new"), Map.entry("/b", "removed"));
        assertThat(runs.get(1).get("changeStatus").asText()).isEqualTo("removed");
        assertThat(pages(runs.get(2))).containsOnly(Map.entry("/", "same"), Map.entry("/a", "same"), Map.entry("/c", "same"));
        // the removal is in the page's history, linking its last capture
        JsonNode history = h.json("GET", "/v1/monitors/" + id + "/changes", null, 200).get("items");
        assertThat(history).anySatisfy(c -> {
            assertThat(c.get("url").asText()).isEqualTo(base + "/b");
            assertThat(c.get("changeStatus").asText()).isEqualTo("removed");
            assertThat(c.get("previousCaptureId").asText()).isNotEmpty();
        });
        h.json("DELETE", "/v1/monitors/" + id, null, 204);
    }

    @Test
    void crawlOptions_areTheCrawls_andErrorsNameTheField() throws Exception {
        String project = h.json("POST", "/v1/projects", "{\"name\":\"other\",\"siteUrl\":\"" + base + "/\"}", 201).get("id").asText();
        assertThat(h.json("POST", "/v1/monitors", "{\"projectId\":\"" + project + "\",\"interval\":\"1m\",\"crawl\":{\"maxDepth\":-1}}", 422)
                .toString()).contains("crawl.maxDepth");
        assertThat(h.json("POST", "/v1/monitors", "{\"projectId\":\"" + project + "\",\"interval\":\"1m\",\"crawl\":{\"nope\":1}}", 422)
                .toString()).contains("crawl.nope");
        assertThat(h.json("POST", "/v1/monitors", "{\"projectId\":\"" + project + "\",\"interval\":\"1m\",\"crawl\":{\"capture\":{}}}", 422)
                .toString()).contains("crawl.capture");
        assertThat(h.json("POST", "/v1/monitors", "{\"url\":\"" + base + "/a\",\"interval\":\"1m\",\"crawl\":{}}", 422)
                .toString()).contains("crawl");
    }
}
