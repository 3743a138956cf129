package io.pagelens.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pagelens.jobs.WebhookSigner;
import io.pagelens.json.Jackson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monitors end to end on a real server and Chromium, against pages on 127.0.0.1: a page that changes on its third
 * request goes new, same, changed (with a region where the change is), and its signed webhook arrives once; a page
 * with a ticking clock stays same when the clock is ignored (and changes when it is not).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitorIT {
    private MonitorHarness h;
    private HttpServer site;
    private String base;
    private final AtomicInteger changingHits = new AtomicInteger();
    private final List<String[]> hooks = new CopyOnWriteArrayList<>(); // body, timestamp, signature, event

    @BeforeAll
    void start() throws Exception {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 20);
        site.createContext("/changing", ex -> {
            boolean changed = changingHits.incrementAndGet() >= 3;
            page(ex, 200, "<h1>Pricing</h1><p>Our plan costs " + (changed ? "12 euros, now with support" : "10 euros") + ".</p>"
                    + "<div style='margin-top:40px;width:200px;height:100px;background:" + (changed ? "#d00" : "#00d") + "'></div>");
        });
        site.createContext("/clock", ex -> page(ex, 200, "<h1>Status</h1><p>All systems normal.</p>"
                + "<div id='clock' style='width:300px;height:30px;font:20px monospace'>" + Instant.now() + "</div>"));
        site.createContext("/gone", ex -> page(ex, 410, "<h1>Gone</h1>"));
        site.createContext("/hook", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            hooks.add(new String[]{body, ex.getRequestHeaders().getFirst(WebhookSigner.TIMESTAMP_HEADER),
                    ex.getRequestHeaders().getFirst(WebhookSigner.SIGNATURE_HEADER), ex.getRequestHeaders().getFirst(WebhookSigner.EVENT_HEADER)});
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        site.start();
        base = "http://127.0.0.1:" + site.getAddress().getPort();
        h = new MonitorHarness(false).start(MonitorHarness.FAST);
    }

    private static void page(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = ("<!doctype html><html><body style='margin:20px;font:16px sans-serif'>" + body + "</body></html>").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    @AfterAll
    void stop() {
        if (h != null) h.close();
        site.stop(0);
    }

    private String create(String body) throws Exception {
        return h.json("POST", "/v1/monitors", body, 201).get("id").asText();
    }

    @Test
    void changingPage_goesNewSameChanged_withTheRegion_andOneSignedWebhook() throws Exception {
        String id = create("{\"url\":\"" + base + "/changing\",\"interval\":\"1s\",\"webhook\":\"" + base + "/hook\","
                + "\"capture\":{\"viewport\":{\"width\":600,\"height\":400}}}");
        List<JsonNode> runs = h.awaitRuns(id, r -> r.size() >= 4, Duration.ofSeconds(60));
        assertThat(MonitorHarness.statuses(runs).subList(0, 4)).containsExactly("new", "same", "changed", "same");
        JsonNode changed = runs.get(2).get("summary").get("results").get(0);
        assertThat(changed.get("changeStatus").asText()).isEqualTo("changed");
        assertThat(changed.get("addedWords").asInt() + changed.get("removedWords").asInt()).isGreaterThan(0);
        // the coloured box sits at y 40+ below the text, x 20..220 (CSS px, scale 1); a region covers it
        assertThat(changed.get("regions")).anySatisfy(r -> {
            assertThat(r.get("kind").asText()).isEqualTo("changed");
            assertThat(r.get("x").asInt()).isLessThan(220);
            assertThat(r.get("x").asInt() + r.get("width").asInt()).isGreaterThan(20);
            assertThat(r.get("y").asInt() + r.get("height").asInt()).isGreaterThan(120);
        });
        // the diff image and the text diff are kept
        HttpResponse<String> png = h.send("GET", changed.get("links").get("diffImage").asText(), null);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        String diff = h.send("GET", changed.get("links").get("textDiff").asText(), null).body();
        assertThat(diff).contains("-Our plan costs 10 euros.").contains("+Our plan costs 12 euros, now with support.");
        JsonNode history = h.json("GET", "/v1/monitors/" + id + "/changes", null, 200).get("items");
        assertThat(history).hasSize(1);
        // one webhook for the one change, signed like job webhooks
        h.awaitRuns(id, r -> r.size() >= 5, Duration.ofSeconds(30));
        List<String[]> mine = hooks.stream().filter(x -> x[0].contains(id)).toList();
        assertThat(mine).hasSize(1);
        String[] hook = mine.getFirst();
        assertThat(new WebhookSigner(MonitorHarness.WEBHOOK_SECRET).verify(Long.parseLong(hook[1]), hook[0], hook[2])).isTrue();
        assertThat(hook[3]).isEqualTo("monitor.changed");
        JsonNode body = Jackson.MAPPER.readTree(hook[0]);
        assertThat(body.get("changeStatus").asText()).isEqualTo("changed");
        JsonNode p = body.get("pages").get(0);
        assertThat(p.get("regions").size()).isGreaterThan(0);
        assertThat(p.get("textDiff").get("unified").asText()).contains("+Our plan costs 12 euros");
        assertThat(p.get("links").get("diffImage").asText()).endsWith("/diff.png");
        assertThat(p.get("links").get("previousCapture").asText()).startsWith("/v1/captures/");
        JsonNode monitor = h.json("GET", "/v1/monitors/" + id, null, 200);
        assertThat(monitor.get("notifications").get("failures").asInt()).isZero();
        h.json("DELETE", "/v1/monitors/" + id, null, 204);
    }

    @Test
    void clockPage_ignoringTheClock_staysSame_andWithoutIgnoreChanges() throws Exception {
        String masked = create("{\"url\":\"" + base + "/clock\",\"interval\":\"1s\",\"ignore\":[\"#clock\"],"
                + "\"capture\":{\"viewport\":{\"width\":600,\"height\":300}}}");
        String plain = create("{\"url\":\"" + base + "/clock\",\"interval\":\"1s\","
                + "\"capture\":{\"viewport\":{\"width\":600,\"height\":300}}}");
        List<JsonNode> m = h.awaitRuns(masked, r -> r.size() >= 3, Duration.ofSeconds(60));
        List<JsonNode> p = h.awaitRuns(plain, r -> r.size() >= 3, Duration.ofSeconds(60));
        assertThat(MonitorHarness.statuses(m).subList(0, 3)).containsExactly("new", "same", "same");
        assertThat(MonitorHarness.statuses(p).subList(1, 3)).contains("changed");
        h.json("DELETE", "/v1/monitors/" + masked, null, 204);
        h.json("DELETE", "/v1/monitors/" + plain, null, 204);
    }

    @Test
    void goneAnswer_isRemoved() throws Exception {
        String id = create("{\"url\":\"" + base + "/gone\",\"interval\":\"1s\"}");
        // the runs' event stream shows the run as it is enqueued and as it ends
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + h.server.port() + "/v1/monitors/" + id
                + "/runs/events")).timeout(Duration.ofSeconds(60)).build();
        try (var lines = h.http.send(req, java.net.http.HttpResponse.BodyHandlers.ofLines()).body()) {
            String done = lines.filter(l -> l.startsWith("data:") && l.contains("\"state\":\"done\"")).findFirst().orElseThrow();
            assertThat(done).contains("\"changeStatus\":\"removed\"").contains(id);
        }
        List<JsonNode> runs = h.awaitRuns(id, r -> !r.isEmpty(), Duration.ofSeconds(30));
        assertThat(MonitorHarness.statuses(runs).getFirst()).isEqualTo("removed");
        h.json("DELETE", "/v1/monitors/" + id, null, 204);
    }

    @Test
    void projectMonitor_watchesTheProjectsKnownPages() throws Exception {
        h.json("POST", "/v1/captures", "{\"url\":\"" + base + "/clock\",\"projectId\":\"shop\",\"pageType\":\"status\"}", 200);
        String id = create("{\"projectId\":\"shop\",\"interval\":\"1s\",\"ignore\":[\"#clock\"]}");
        List<JsonNode> runs = h.awaitRuns(id, r -> r.size() >= 2, Duration.ofSeconds(60));
        assertThat(MonitorHarness.statuses(runs).subList(0, 2)).containsExactly("new", "same");
        JsonNode results = runs.get(1).get("summary").get("results");
        assertThat(results).hasSize(1);
        assertThat(results.get(0).get("url").asText()).startsWith(base + "/clock");
        h.json("DELETE", "/v1/monitors/" + id, null, 204);
    }

    @Test
    void badInput_namesTheField() throws Exception {
        assertThat(h.json("POST", "/v1/monitors", "{\"url\":\"" + base + "/x\",\"interval\":\"100ms\"}", 422).toString()).contains("interval");
        assertThat(h.json("POST", "/v1/monitors", "{\"url\":\"" + base + "/x\",\"cron\":\"0 25 * * *\"}", 422).toString()).contains("cron");
        assertThat(h.json("POST", "/v1/monitors", "{\"interval\":\"1m\"}", 422).toString()).contains("url");
        assertThat(h.json("POST", "/v1/monitors", "{\"url\":\"" + base + "/x\",\"interval\":\"1m\",\"capture\":{\"format\":\"gif\"}}", 422)
                .toString()).contains("capture.format");
        assertThat(h.json("POST", "/v1/monitors", "{\"url\":\"" + base + "/x\",\"interval\":\"1m\",\"capture\":{\"url\":\"x\"}}", 422)
                .toString()).contains("capture.url");
    }
}
