package io.pagelens.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.crawl.CrawlSuites;
import io.pagelens.crawl.SiteServer;
import io.pagelens.crawl.SiteTruth;
import io.pagelens.crawl.TrapOptions;
import io.pagelens.server.PagelensServer;
import io.pagelens.store.ListQuery;
import io.pagelens.store.Listing;
import io.pagelens.store.PageInfo;
import io.pagelens.store.ProjectInfo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crawls northwind (serve.py, access log on) with the browser engine through the API: {@code POST /v1/crawls} runs as a
 * job, every page is rendered by Chromium through the capture service and stored in the project under its page type.
 * Checks crawl.json on the access log and on the stored rows: every mustFind page stored (the script-only link too),
 * nothing of mustNotFetch requested, the sitemap-only page found, duplicates stored once, the calendar trap within its
 * budget, and page-type accuracy of at least 95 % on labels.json. Also: invalid options are 422 naming the field,
 * the pages listing, the project's page types, and the SSE stream ending with the final state.
 */
class CrawlApiIT {
    private static final Duration CRAWL_MAX = Duration.ofMinutes(4);

    static JsonNode awaitCrawl(ApiHarness.Client c, String id) throws Exception {
        long until = System.nanoTime() + CRAWL_MAX.toNanos();
        while (true) {
            JsonNode j = c.json("GET", "/v1/crawls/" + id, null, 200);
            String s = j.get("state").asText();
            if (s.equals("completed") || s.equals("failed") || s.equals("cancelled")) return j;
            if (System.nanoTime() > until) throw new AssertionError("crawl " + id + " still " + s + ": " + j);
            Thread.sleep(200);
        }
    }

    @Test
    void aCancelledCrawl_resumesFromItsFrontier_andNeverFetchesADonePageAgain() throws Exception {
        try (ApiHarness h = new ApiHarness(); SiteServer site = new SiteServer("northwind");
             PagelensServer server = h.start(ApiHarness.settings(Map.of("PAGELENS_AUTH", "none")))) {
            ApiHarness.Client c = h.client(server, null);
            String id = c.json("POST", "/v1/crawls", "{\"url\": \"" + site.url("/") + "\", \"projectId\": \"resume\", \"limit\": 20, \"delay\": 0.5, "
                    + "\"maxConcurrency\": 1, \"sitemap\": \"skip\", \"capture\": {\"formats\": [\"html\"]}}", 201).get("id").asText();
            assertThat(c.json("POST", "/v1/crawls/" + id + "/resume", null, 409).get("code").asText()).isEqualTo("crawl_not_resumable");
            long until = System.nanoTime() + CRAWL_MAX.toNanos();
            while (c.json("GET", "/v1/crawls/" + id, null, 200).get("counts").get("done").asInt() < 1) {
                if (System.nanoTime() > until) throw new AssertionError("no page done");
                Thread.sleep(100);
            }
            c.json("POST", "/v1/crawls/" + id + "/cancel", null, 202);
            JsonNode cancelled = awaitCrawl(c, id);
            assertThat(cancelled.get("state").asText()).isEqualTo("cancelled");
            List<String> doneBefore = new ArrayList<>();
            c.json("GET", "/v1/crawls/" + id + "/pages?state=done&limit=50", null, 200).get("items")
                    .forEach(u -> doneBefore.add(u.get("url").asText().substring(site.origin().length())));
            assertThat(doneBefore).isNotEmpty();

            JsonNode resumed = c.json("POST", "/v1/crawls/" + id + "/resume", null, 202);
            assertThat(resumed.get("state").asText()).isIn("queued", "running");
            JsonNode end = awaitCrawl(c, id);
            assertThat(end.get("state").asText()).as(end.toString()).isEqualTo("completed");
            assertThat(end.get("counts").get("done").asInt()).as(end.toString()).isGreaterThan(doneBefore.size());
            List<String> requested = site.paths();
            for (String path : doneBefore) {
                assertThat(requested.stream().filter(path::equals).count()).as("requests of " + path).isEqualTo(1);
            }
            assertThat(c.json("POST", "/v1/crawls/" + id + "/resume", null, 409).get("code").asText()).isEqualTo("crawl_not_resumable");
        }
    }

    @Test
    void northwind_browserEngineThroughTheApi_meetsCrawlJson() throws Exception {
        SiteTruth truth = SiteTruth.of(CrawlSuites.northwind());
        try (ApiHarness h = new ApiHarness(); SiteServer site = new SiteServer("northwind");
             PagelensServer server = h.start(ApiHarness.settings(Map.of("PAGELENS_AUTH", "none")))) {
            ApiHarness.Client c = h.client(server, null);

            // invalid options are refused before anything runs, naming the field
            JsonNode bad = c.json("POST", "/v1/crawls", "{\"url\": \"" + site.url("/") + "\", \"includePaths\": [\"/ok\", \"(unclosed\"]}", 422);
            assertThat(bad.get("field").asText()).isEqualTo("includePaths[1]");
            bad = c.json("POST", "/v1/crawls", "{\"url\": \"" + site.url("/") + "\", \"capture\": {\"projectId\": \"x\"}}", 422);
            assertThat(bad.get("field").asText()).isEqualTo("capture.projectId");
            bad = c.json("POST", "/v1/crawls", "{\"url\": \"" + site.url("/") + "\", \"limitt\": 3}", 422);
            assertThat(bad.get("field").asText()).isEqualTo("limitt");
            assertThat(site.paths()).as("nothing was requested for refused crawls").isEmpty();

            // a map: sitemap and linked URLs with title and type, nothing stored, robots honoured
            c.json("POST", "/v1/map", "{\"url\": \"" + site.url("/") + "\", \"capture\": {}}", 422);
            JsonNode map = c.json("POST", "/v1/map", "{\"url\": \"" + site.url("/") + "\", \"limit\": 8, \"maxConcurrency\": 4}", 200);
            Map<String, JsonNode> mapped = new HashMap<>();
            map.get("links").forEach(l -> mapped.put(l.get("url").asText().substring(site.origin().length()), l));
            assertThat(mapped.get("/").get("pageType").asText()).isEqualTo("home");
            assertThat(mapped.get("/").get("title").asText()).isNotBlank();
            assertThat(mapped).containsKey("/solutions/retail-analytics").doesNotContainKey("/admin/");
            assertThat(map.get("counts").get("done").asInt()).isEqualTo(8);
            assertThat(h.storage.project("northwind")).as("a map stores nothing").isEmpty();
            int mapRequests = site.paths().size();

            // a project's type overrides: a bad rule is named, a good one decides the type of its pages
            c.json("POST", "/v1/projects", "{\"name\": \"northwind\"}", 201);
            bad = c.json("PUT", "/v1/projects/northwind/type-overrides", "{\"rules\": [{\"pathPattern\": \"^/changelog\", \"type\": \"nope\"}]}", 422);
            assertThat(bad.get("field").asText()).isEqualTo("rules[0].type");
            c.json("PUT", "/v1/projects/northwind/type-overrides", "{\"rules\": [{\"pathPattern\": \"^/changelog$\", \"type\": \"other\"}]}", 200);
            assertThat(c.json("GET", "/v1/projects/northwind/type-overrides", null, 200).get("rules")).hasSize(1);

            JsonNode created = c.json("POST", "/v1/crawls", "{\"url\": \"" + site.url("/") + "\", \"projectId\": \"northwind\", "
                    + "\"maxConcurrency\": 2, \"capture\": {\"formats\": [\"html\"]}}", 201);
            String id = created.get("id").asText();
            JsonNode end = awaitCrawl(c, id);
            assertThat(end.get("state").asText()).as(end.toString()).isEqualTo("completed");
            assertThat(end.get("reason").asText()).isEqualTo("finished");
            assertThat(c.json("GET", "/v1/projects/northwind", null, 200).get("siteUrl").asText())
                    .as("the crawl names the project's site").isEqualTo(site.url("/"));

            // the SSE stream of an ended crawl: its pages, then the final state, then the end
            String sse = c.send("GET", "/v1/crawls/" + id + "/events", null).body();
            assertThat(sse).contains("event: page").contains("event: completed");

            Map<String, JsonNode> byPath = new HashMap<>();
            String after = null;
            do {
                JsonNode page = c.json("GET", "/v1/crawls/" + id + "/pages?limit=40" + (after == null ? "" : "&after=" + after), null, 200);
                for (JsonNode u : page.get("items")) {
                    String url = u.get("url").asText();
                    byPath.put(url.startsWith(site.origin()) ? url.substring(site.origin().length()) : url, u);
                }
                after = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
            } while (after != null);

            List<String> requests = site.paths().subList(mapRequests, site.paths().size());
            for (String path : truth.list("mustFind")) {
                JsonNode u = byPath.get(path);
                assertThat(u).as("mustFind %s", path).isNotNull();
                assertThat(u.get("state").asText()).as("mustFind %s: %s", path, u).isEqualTo("done");
                assertThat(u.has("captureId")).as("%s is stored", path).isTrue();
            }
            for (String rule : truth.list("mustNotFetch")) {
                if (!rule.startsWith("/")) continue; // external hosts: Chromium resolves only 127.0.0.1, and scope keeps them out
                Pattern p = SiteTruth.robotsPattern(rule);
                assertThat(requests).as("mustNotFetch %s", rule).noneMatch(r -> p.matcher(r).find());
            }
            for (var pair : truth.crawl().path("duplicates")) {
                JsonNode d = byPath.get(pair.get(1).asText());
                assertThat(d == null || !d.get("state").asText().equals("done")).as("duplicate %s is not stored", pair.get(1).asText()).isTrue();
            }
            String trap = truth.crawl().path("trap").path("prefix").asText();
            assertThat(requests.stream().filter(r -> r.startsWith(trap)).count()).as("calendar trap requests")
                    .isPositive().isLessThanOrEqualTo(TrapOptions.DEFAULT_MAX_QUERY_VARIANTS);
            for (String s : truth.list("sitemapOnly")) assertThat(byPath.get(s).get("state").asText()).isEqualTo("done");
            for (String n : truth.list("nonHtml")) {
                assertThat(byPath.get(n).get("reason").asText()).isEqualTo("non_html");
                assertThat(requests).doesNotContain(n);
            }
            JsonNode counts = end.get("counts");
            assertThat(counts.get("skippedBy").get("robots").asLong()).isGreaterThanOrEqualTo(3);
            assertThat(counts.get("skippedBy").get("trap").asLong()).isPositive();
            assertThat(counts.get("skippedBy").get("nofollow").asLong()).isEqualTo(1);
            assertThat(counts.get("skippedBy").get("duplicate").asLong()).isPositive();
            assertThat(counts.get("queued").asLong()).isZero();

            // the stored rows: one page per done URL, in the project, under the page type the crawl recorded
            ProjectInfo project = h.storage.project("northwind").orElseThrow();
            Map<String, String> storedTypes = new HashMap<>();
            Listing<PageInfo> pages = h.storage.pages(project.id(), ListQuery.first(500));
            for (PageInfo p : pages.items()) {
                String path = p.url().substring(site.origin().length());
                assertThat(storedTypes.put(path, p.pageType())).as("%s stored once", path).isNull();
            }
            List<String> done = new ArrayList<>();
            byPath.forEach((path, u) -> {
                if (u.get("state").asText().equals("done")) done.add(path);
            });
            assertThat(storedTypes.keySet()).containsExactlyInAnyOrderElementsOf(done.stream().map(CrawlApiIT::storedForm).toList());
            // each labelled page was requested once (assets are requested by every page; trap pages are not labelled)
            Map<String, Integer> times = new HashMap<>();
            requests.forEach(r -> times.merge(r, 1, Integer::sum));
            // but a redirect's target: Chromium follows the redirect of an old URL before the crawl sees where it leads
            List<String> redirectTargets = new ArrayList<>();
            truth.crawl().path("redirects").forEach(r -> redirectTargets.add(r.path("to").asText()));
            for (String path : truth.labels().keySet()) {
                assertThat(times.getOrDefault(path, 0)).as("requests of %s", path).isLessThanOrEqualTo(redirectTargets.contains(path) ? 2 : 1);
            }

            // type accuracy on the labels, per type
            int right = 0, total = 0;
            Map<String, int[]> perType = new TreeMap<>();
            for (String path : truth.labels().keySet()) {
                JsonNode u = byPath.get(path);
                if (u == null || !u.get("state").asText().equals("done")) continue;
                String type = u.get("pageType").asText();
                assertThat(storedTypes.get(storedForm(path))).as("stored page type of %s", path).isEqualTo(type);
                boolean ok = truth.accepts(path, type);
                int[] t = perType.computeIfAbsent(truth.labels().get(path), k -> new int[2]);
                t[1]++;
                if (ok) {
                    t[0]++;
                    right++;
                }
                total++;
            }
            StringBuilder report = new StringBuilder();
            perType.forEach((t, n) -> report.append(t).append(' ').append(n[0]).append('/').append(n[1]).append("  "));
            System.out.printf("northwind browser crawl through the API: %d/%d typed right; per type: %s; %d requests; counts %s%n",
                    right, total, report, requests.size(), counts);
            assertThat(total).isEqualTo(truth.labels().size() - truth.list("nofollowOnly").size());
            assertThat((double) right / total).isGreaterThanOrEqualTo(0.95);

            assertThat(byPath.get("/changelog").get("typeSignals").get(0).asText()).startsWith("override ^/changelog$");

            // a finished crawl cannot be cancelled
            c.json("POST", "/v1/crawls/" + id + "/cancel", null, 409);
        }
    }

    /** How the store normalises a path (CaptureUrls: the root keeps its slash). */
    private static String storedForm(String path) {
        return path;
    }
}
