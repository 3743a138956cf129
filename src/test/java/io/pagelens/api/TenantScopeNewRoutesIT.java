package io.pagelens.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.api.auth.ApiKeyStore;
import io.pagelens.capture.CaptureEngine;
import io.pagelens.config.Env;
import io.pagelens.crawl.CrawlOptions;
import io.pagelens.crawl.CrawlSettings;
import io.pagelens.crawl.CrawlStore;
import io.pagelens.json.Jackson;
import io.pagelens.monitor.MonitorSpec;
import io.pagelens.monitor.MonitorStore;
import io.pagelens.monitor.MonitorSettings;
import io.pagelens.server.CapturePipeline;
import io.pagelens.server.CrawlPipeline;
import io.pagelens.server.MonitorParts;
import io.pagelens.server.PagelensServer;
import io.pagelens.testing.CorpusServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenants kept apart on the routes that came after {@link TenantIsolationIT}: crawls (and their pages, events,
 * cancel), a project's type overrides, maps, monitors (their runs, runs stream, changes and change blobs), diffs,
 * brand profiles and the dashboard's thumbnails and previews. Tenant A
 * crawls one tiny loopback page and monitors a page that changes on every request; the crawl's and the monitor's
 * captures are stored in A's tenant. A key of tenant B gets 404 for every one of A's rows (as for an id that does not
 * exist), sees none in its lists, cannot point a crawl, map or monitor at A's project; an admin key sees all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantScopeNewRoutesIT {
    private static final MonitorSettings FAST = new MonitorSettings(Duration.ofMillis(500), Duration.ofMillis(100), Duration.ZERO, 10);
    CorpusServer site;
    CaptureEngine engine;
    final AtomicInteger hits = new AtomicInteger();

    @BeforeAll
    void start() throws Exception {
        site = new CorpusServer().route("/changing", ex -> CorpusServer.send(ex, 200, "text/html",
                "<html><body><h1>Price " + hits.incrementAndGet() + "</h1><div style='width:80px;height:40px;background:#"
                        + (hits.get() % 2 == 0 ? "d00" : "00d") + "'></div></body></html>"));
        engine = ApiHarness.newEngine();
    }

    @AfterAll
    void stop() {
        if (engine != null) engine.close();
        if (site != null) site.close();
    }

    /** A server as serve wires it, with crawls and monitors (and its monitor scheduler). */
    private static List<AutoCloseable> serve(ApiHarness h, List<AutoCloseable> open) throws Exception {
        Clock clock = Clock.systemUTC();
        ApiSettings s = ApiHarness.settings(Map.of());
        CapturePipeline captures = h.pipeline(clock);
        CrawlPipeline crawls = CrawlPipeline.of(captures.service(), h.storage, h.engine.egress(), CrawlSettings.fromEnv(new Env(Map.of())), clock);
        MonitorParts monitors = MonitorParts.of(h.storage, captures.service(), s, FAST, h.engine.egress(), new SimpleMeterRegistry(), clock);
        List<io.pagelens.jobs.JobHandler> handlers = new ArrayList<io.pagelens.jobs.JobHandler>(List.of(captures.handler(), crawls.handler()));
        handlers.addAll(monitors.handlers());
        PagelensServer server = PagelensServer.start(s, PagelensServer.Role.ALL, new PagelensServer.Parts(h.storage.database(), handlers,
                List.of(captures.routes(s, clock), new ProjectRoutes(h.storage), crawls.routes(true, true, clock), monitors.routes(),
                        new DiffRoutes(h.storage), new io.pagelens.web.PreviewRoutes(h.storage),
                        new BrandRoutes(h.storage, captures.codec(), s, clock, new io.pagelens.memory.Caches(8 << 20,
                                com.github.benmanes.caffeine.cache.Ticker.systemTicker(), new SimpleMeterRegistry()),
                                io.pagelens.analysis.suggest.VariantSuggester.rulesOnly())),
                ApiHooks.basic(() -> ""), new SimpleMeterRegistry(), clock, h.engine.egress()));
        open.add(server);
        open.add(monitors.scheduler(server.jobs()).start());
        return open;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgres"})
    void crawlsMapsAndMonitors_ofAnotherTenant_areNotFound(String db) throws Exception {
        try (ApiHarness h = new ApiHarness(engine, db.equals("postgres"))) {
            List<AutoCloseable> open = new ArrayList<>();
            try {
                run(h, serve(h, open));
            } finally {
                for (AutoCloseable c : open.reversed()) c.close();
            }
        }
    }

    private void run(ApiHarness h, List<AutoCloseable> open) throws Exception {
        {
            PagelensServer server = (PagelensServer) open.getFirst();
            ApiKeyStore keys = new ApiKeyStore(h.storage.database(), Clock.systemUTC());
            ApiHarness.Client a = h.client(server, keys.create("alice", 6000, "acme", false).token());
            ApiHarness.Client b = h.client(server, keys.create("bob", 6000, "globex", false).token());
            ApiHarness.Client admin = h.client(server, keys.create("ops", 6000, "ops", true).token());

            String projectId = a.json("POST", "/v1/projects", "{\"name\":\"shop\"}", 201).get("id").asText();
            a.json("PUT", "/v1/projects/shop/type-overrides", "{\"rules\":[{\"pathPattern\":\"^/changing\",\"type\":\"pricing\"}]}", 200);

            // A's crawl of one page: the crawl, its job and its page's capture are A's
            JsonNode crawl = a.json("POST", "/v1/crawls", "{\"url\":\"" + site.url("changing") + "\",\"projectId\":\"shop\","
                    + "\"limit\":1,\"maxDepth\":0,\"capture\":{\"formats\":[\"html\"]}}", 201);
            String crawlId = crawl.get("id").asText();
            JsonNode ended = CrawlApiIT.awaitCrawl(a, crawlId);
            assertThat(ended.get("state").asText()).as(ended.toString()).isEqualTo("completed");
            JsonNode page = a.json("GET", "/v1/crawls/" + crawlId + "/pages?state=done", null, 200).get("items").get(0);
            String crawlCapture = page.get("captureId").asText();
            assertThat(a.json("GET", "/v1/projects/" + projectId + "/captures", null, 200).get("items").findValuesAsText("id"))
                    .as("the crawl's page is stored in A's project").contains(crawlCapture);

            // A's monitor of a page that changes on every request: two runs, the second one changed (diff image, text diff)
            String monitorId = a.json("POST", "/v1/monitors", "{\"url\":\"" + site.url("changing") + "\",\"projectId\":\"shop\","
                    + "\"interval\":\"1s\"}", 201).get("id").asText();
            long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            JsonNode changed = null;
            while (changed == null) {
                for (JsonNode c : a.json("GET", "/v1/monitors/" + monitorId + "/changes", null, 200).get("items")) {
                    if (c.get("changeStatus").asText().equals("changed")) changed = c;
                }
                assertThat(System.nanoTime()).as("a changed run of the monitor").isLessThan(until);
                Thread.sleep(200);
            }
            a.json("PATCH", "/v1/monitors/" + monitorId, "{\"enabled\":false}", 200);
            String changeId = changed.get("id").asText();
            String monitorCapture = changed.get("captureId").asText();
            String runId = a.json("GET", "/v1/monitors/" + monitorId + "/runs", null, 200).get("items").get(0).get("id").asText();
            assertThat(runId).isNotBlank();

            // a diff of A's two captures, and one capture of B's (a diff needs both captures in the caller's tenant)
            String previousCapture = changed.get("previousCaptureId").asText();
            String diffId = a.json("GET", "/v1/captures/" + monitorCapture + "/diff?against=" + previousCapture, null, 200).get("id").asText();
            String bCapture = b.json("POST", "/v1/captures", "{\"url\":\"" + site.url("changing") + "\",\"formats\":[\"screenshot\"]}", 200)
                    .get("id").asText();
            assertThat(a.send("GET", "/v1/captures/" + monitorCapture + "/diff?against=" + bCapture, null).statusCode()).isEqualTo(404);
            assertThat(b.send("GET", "/v1/captures/" + bCapture + "/diff?against=" + monitorCapture, null).statusCode()).isEqualTo(404);
            assertThat(admin.send("GET", "/v1/captures/" + bCapture + "/diff?against=" + monitorCapture, null).statusCode()).isEqualTo(200);

            // a brand profile of any page is answered from the caller's tenant only (its cache too)
            String brandUrl = "{\"url\":\"" + site.url("changing") + "\"}";
            String aBrand = a.json("POST", "/v1/brand", brandUrl, 200).get("captureId").asText();
            String bBrand = b.json("POST", "/v1/brand", brandUrl, 200).get("captureId").asText();
            assertThat(bBrand).as("B answered with A's brand capture").isNotEqualTo(aBrand);
            assertThat(b.send("GET", "/v1/captures/" + bBrand, null).statusCode()).isEqualTo(200);
            // A's project's brand is A's; B is told the project does not exist
            String projectBrand = a.json("GET", "/v1/projects/" + projectId + "/brand", null, 200).get("captureId").asText();
            assertThat(a.send("GET", "/v1/captures/" + projectBrand, null).statusCode()).isEqualTo(200);
            for (String call : List.of("GET /v1/projects/" + projectId + "/brand", "GET /v1/projects/shop/brand",
                    "POST /v1/projects/" + projectId + "/variants/suggest")) {
                String[] mp = call.split(" ", 2);
                assertThat(b.send(mp[0], mp[1], null).statusCode()).as(call + " by another tenant").isEqualTo(404);
                assertThat(b.send(mp[0], mp[1].replace(projectId, "prj_none").replace("/shop/", "/none/"), null).statusCode()).isEqualTo(404);
            }

            // rows no key made (the CLI's) are their tenant's too: within tenant A every key sees them, no key of B does
            Clock clock = Clock.systemUTC();
            String cliCrawl = new CrawlStore(h.storage.database(), clock).create("acme", null, projectId, URI.create(site.url("changing")),
                    CrawlOptions.defaults(CrawlSettings.DEFAULTS)).id();
            MonitorSpec spec = Jackson.MAPPER.readValue("{\"url\":\"" + site.url("changing") + "\",\"interval\":\"1h\",\"enabled\":false}", MonitorSpec.class);
            String cliMonitor = new MonitorStore(h.storage.database(), clock).create("acme", null, spec, spec.validate(FAST), FAST).id();

            List<String> aOnly = List.of("GET /v1/crawls/" + cliCrawl, "GET /v1/crawls/" + cliCrawl + "/pages",
                    "GET /v1/monitors/" + cliMonitor, "GET /v1/monitors/" + cliMonitor + "/runs", "GET /v1/monitors/" + cliMonitor + "/changes",
                    "POST /v1/crawls/" + cliCrawl + "/cancel", "DELETE /v1/monitors/" + cliMonitor,
                    "GET /v1/crawls/" + crawlId, "GET /v1/crawls/" + crawlId + "/pages", "GET /v1/crawls/" + crawlId + "/events",
                    "POST /v1/crawls/" + crawlId + "/cancel", "DELETE /v1/crawls/" + crawlId,
                    "GET /v1/projects/" + projectId + "/type-overrides", "GET /v1/projects/shop/type-overrides",
                    "PUT /v1/projects/" + projectId + "/type-overrides",
                    "GET /v1/captures/" + crawlCapture, "GET /v1/captures/" + monitorCapture,
                    "GET /v1/monitors/" + monitorId, "PATCH /v1/monitors/" + monitorId, "GET /v1/monitors/" + monitorId + "/runs",
                    "GET /v1/monitors/" + monitorId + "/runs/events", "GET /v1/monitors/" + monitorId + "/changes",
                    "GET /v1/monitors/" + monitorId + "/changes/" + changeId + "/diff.png",
                    "GET /v1/monitors/" + monitorId + "/changes/" + changeId + "/diff.txt",
                    "GET /v1/captures/" + monitorCapture + "/diff?against=" + previousCapture, "GET /v1/diffs/" + diffId,
                    "GET /v1/diffs/" + diffId + "/diff.png", "GET /v1/diffs/" + diffId + "/side-by-side.png",
                    "GET /v1/captures/" + monitorCapture + "/thumbnail", "GET /v1/captures/" + monitorCapture + "/preview/0",
                    "DELETE /v1/monitors/" + monitorId);
            for (String call : aOnly) {
                String[] mp = call.split(" ", 2);
                String body = mp[0].equals("PUT") ? "{\"rules\":[]}" : mp[0].equals("PATCH") ? "{\"enabled\":true}" : null;
                if (mp[0].equals("GET") && !mp[1].endsWith("/events")) {
                    assertThat(a.send("GET", mp[1], null).statusCode()).as("A reads its own " + mp[1]).isEqualTo(200);
                    assertThat(admin.send("GET", mp[1], null).statusCode()).as("the admin reads " + mp[1]).isEqualTo(200);
                }
                HttpResponse<String> r = b.send(mp[0], mp[1], body);
                assertThat(r.statusCode()).as(call + " by another tenant: " + r.body()).isEqualTo(404);
                HttpResponse<String> none = b.send(mp[0], mp[1].replace(crawlId, "crawl_none").replace(projectId, "prj_none")
                        .replace(monitorId, "mon_none").replace(cliCrawl, "crawl_none").replace(cliMonitor, "mon_none").replace(crawlCapture, "cap_none").replace(monitorCapture, "cap_none").replace(diffId, "dif_none"), body);
                assertThat(none.statusCode()).as(call + " of an id that does not exist").isEqualTo(404);
            }

            // nothing of A's in B's lists; the admin's lists have A's
            assertThat(b.json("GET", "/v1/crawls", null, 200).get("items")).isEmpty();
            assertThat(b.json("GET", "/v1/monitors", null, 200).get("items")).isEmpty();
            assertThat(admin.json("GET", "/v1/crawls", null, 200).get("items").findValuesAsText("id")).contains(crawlId, cliCrawl);
            assertThat(admin.json("GET", "/v1/monitors", null, 200).get("items").findValuesAsText("id")).contains(monitorId, cliMonitor);
            assertThat(a.json("GET", "/v1/crawls", null, 200).get("items").findValuesAsText("id")).containsExactlyInAnyOrder(crawlId, cliCrawl);
            assertThat(a.json("GET", "/v1/monitors", null, 200).get("items").findValuesAsText("id")).containsExactlyInAnyOrder(monitorId, cliMonitor);

            // B cannot point a map or a project monitor at A's project: it is not found, as a missing one
            for (String pid : List.of(projectId, "prj_none")) {
                HttpResponse<String> map = b.send("POST", "/v1/map", "{\"url\":\"" + site.url("changing") + "\",\"projectId\":\"" + pid + "\"}");
                assertThat(map.statusCode()).as(map.body()).isBetween(400, 422);
                assertThat(map.body()).contains("projectId");
                HttpResponse<String> mon = b.send("POST", "/v1/monitors", "{\"projectId\":\"" + pid + "\",\"interval\":\"1h\"}");
                assertThat(mon.statusCode()).as(mon.body()).isBetween(400, 422);
                assertThat(mon.body()).contains("projectId");
            }
            // a crawl by B into "shop" goes to B's own project of that name, not A's
            JsonNode bCrawl = b.json("POST", "/v1/crawls", "{\"url\":\"" + site.url("nothing-here") + "\",\"projectId\":\"shop\",\"limit\":1}", 201);
            assertThat(bCrawl.get("projectId").asText()).isEqualTo("shop");
            assertThat(b.json("GET", "/v1/projects/shop", null, 200).get("id").asText()).isNotEqualTo(projectId);
            CrawlApiIT.awaitCrawl(b, bCrawl.get("id").asText());
            assertThat(a.send("GET", "/v1/crawls/" + bCrawl.get("id").asText(), null).statusCode()).isEqualTo(404);

            // nothing B did touched A's rows
            assertThat(a.json("GET", "/v1/monitors/" + monitorId, null, 200).get("enabled").asBoolean()).isFalse();
            assertThat(a.json("GET", "/v1/projects/shop/type-overrides", null, 200).get("rules")).hasSize(1);
            assertThat(a.send("GET", "/v1/crawls/" + crawlId, null).statusCode()).isEqualTo(200);
        }
    }
}
