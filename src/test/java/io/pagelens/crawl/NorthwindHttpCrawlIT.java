package io.pagelens.crawl;

import io.pagelens.store.BothDatabases;
import io.pagelens.store.Database;
import io.pagelens.store.DatabaseSuite;
import io.pagelens.store.ListQuery;
import io.pagelens.store.Listing;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crawls northwind (served by serve.py, access log on) with plain HTTP fetches and jsoup links through the real
 * durable frontier, and checks crawl.json: mustFind (except the JS-only link, which needs the browser: next round's
 * engine), mustNotFetch against the access log, duplicates kept once, the trap within its budget, the sitemap-only
 * page, and every skip reason accounted for.
 */
class NorthwindHttpCrawlIT extends DatabaseSuite {
    record Crawled(HttpCrawler.Result result, Map<String, FrontierUrl> byPath, List<String> requests) {
    }

    private Crawled crawl(Database db, String options) throws Exception {
        try (SiteServer site = new SiteServer("northwind")) {
            Clock clock = Clock.systemUTC();
            CrawlSettings settings = CrawlSettings.DEFAULTS;
            CrawlOptions o = CrawlOptions.parse(io.pagelens.json.Jackson.MAPPER.readTree(options), settings);
            CrawlStore crawls = new CrawlStore(db, clock);
            CrawlRecord r = crawls.create(null, null, URI.create(site.url("/")), o);
            CrawlStore.Acquired a = crawls.acquire(r.id(), "test", Duration.ofMinutes(1)).orElseThrow();
            FrontierStore store = new FrontierStore(db, clock);
            JdkCrawlFetcher fetcher = CrawlSuites.fetcher();
            CrawlCore core = new CrawlCore(CrawlPlan.of(a.crawl()), store.forCrawl(r.id()), new RobotsCache(fetcher, o.robotsAgent()),
                    settings, clock, a.crawl().deadlineAt());
            HttpCrawler.Result result = new HttpCrawler(fetcher, settings, clock).run(core, "test",
                    HttpCrawler.classifying(PageTypeClassifier.DEFAULT, TypeOverrides.NONE), () -> false);
            Map<String, FrontierUrl> byPath = new HashMap<>();
            ListQuery q = ListQuery.first(500);
            while (true) {
                Listing<FrontierUrl> page = store.list(r.id(), null, q);
                for (FrontierUrl u : page.items()) {
                    if (u.url().startsWith(site.origin())) byPath.put(u.url().substring(site.origin().length()), u);
                    else byPath.put(u.url(), u);
                }
                if (!page.hasMore()) break;
                q = new ListQuery(500, page.nextCursor());
            }
            return new Crawled(result, byPath, site.paths());
        }
    }

    @BothDatabases
    void crawl_meetsCrawlJsonWithoutTheBrowser(Database db) throws Exception {
        SiteTruth truth = SiteTruth.of(CrawlSuites.northwind());
        Crawled c = crawl(db, "{\"maxConcurrency\": 2}");
        assertThat(c.result().reason()).isEqualTo(CrawlReason.FINISHED);

        List<String> jsOnly = truth.list("jsOnly");
        for (String path : truth.list("mustFind")) {
            FrontierUrl u = c.byPath().get(path);
            if (jsOnly.contains(path)) {
                assertThat(u).as("%s is linked only by script: found by the browser engine, next round", path).isNull();
                continue;
            }
            assertThat(u).as("mustFind %s", path).isNotNull();
            assertThat(u.state()).as("mustFind %s", path).isEqualTo(UrlState.DONE);
        }
        for (String rule : truth.list("mustNotFetch")) {
            if (!rule.startsWith("/")) continue; // hosts: the fetcher never leaves the site, see the scope skips below
            Pattern p = SiteTruth.robotsPattern(rule);
            assertThat(c.requests()).as("mustNotFetch %s", rule).noneMatch(r -> p.matcher(r).find());
        }
        // each duplicate pair: the canonical is the one page stored
        for (var pair : truth.crawl().path("duplicates")) {
            String canonical = pair.get(0).asText();
            String dup = pair.get(1).asText();
            assertThat(c.byPath().get(canonical).state()).as(canonical).isEqualTo(UrlState.DONE);
            FrontierUrl d = c.byPath().get(dup);
            assertThat(d == null || d.state() != UrlState.DONE).as("duplicate %s is not stored", dup).isTrue();
        }
        String trap = truth.crawl().path("trap").path("prefix").asText();
        long trapRequests = c.requests().stream().filter(r -> r.startsWith(trap)).count();
        assertThat(trapRequests).as("calendar trap requests").isPositive().isLessThanOrEqualTo(TrapOptions.DEFAULT_MAX_QUERY_VARIANTS);
        for (String s : truth.list("sitemapOnly")) assertThat(c.byPath().get(s).state()).isEqualTo(UrlState.DONE);
        for (String n : truth.list("nofollowOnly")) {
            assertThat(c.byPath().get(n).reason()).isEqualTo("nofollow");
            assertThat(c.requests()).doesNotContain(n);
        }
        for (var r : truth.crawl().path("redirects")) {
            FrontierUrl from = c.byPath().get(r.path("from").asText());
            if (from != null) assertThat(from.reason()).as(from.url()).isEqualTo("redirect");
            assertThat(c.byPath().get(r.path("to").asText()).state()).isEqualTo(UrlState.DONE);
        }
        for (String b : truth.list("broken")) assertThat(c.byPath().get(b).reason()).isEqualTo("http_404");
        for (String n : truth.list("nonHtml")) {
            assertThat(c.byPath().get(n).reason()).isEqualTo("non_html");
            assertThat(c.requests()).doesNotContain(n);
        }
        // only labelled pages are stored, and the trap's few (within its budget)
        List<String> stored = new ArrayList<>();
        c.byPath().forEach((path, u) -> {
            if (u.state() == UrlState.DONE && !path.startsWith(trap)) stored.add(path);
        });
        assertThat(truth.labels().keySet()).containsAll(stored);
        assertThat(stored).hasSize(truth.labels().size() - jsOnly.size() - truth.list("nofollowOnly").size());

        // each stored page carries its type, confidence and signals; on plain HTML they are right too
        int right = 0;
        for (String path : stored) {
            FrontierUrl u = c.byPath().get(path);
            assertThat(u.pageType()).as(path).isNotNull();
            assertThat(u.typeSignals()).as(path).isNotEmpty();
            if (truth.accepts(path, u.pageType().id())) right++;
        }
        assertThat((double) right / stored.size()).isGreaterThanOrEqualTo(0.95);

        CrawlCounts k = c.result().counts();
        System.out.printf("northwind plain-HTTP crawl (%s): %d requests, counts %s%n", db.dialect(), c.requests().size(), k);
        assertThat(k.skipped(SkipReason.ROBOTS)).isGreaterThanOrEqualTo(3);
        assertThat(k.skipped(SkipReason.SCOPE)).isGreaterThanOrEqualTo(1);
        assertThat(k.skipped(SkipReason.TRAP)).isPositive();
        assertThat(k.skipped(SkipReason.NOFOLLOW)).isEqualTo(1);
        assertThat(k.skipped(SkipReason.NON_HTML)).isEqualTo(1);
        assertThat(k.skipped(SkipReason.SCHEME)).isGreaterThanOrEqualTo(2);
        assertThat(k.skipped(SkipReason.DUPLICATE)).isPositive();
        assertThat(k.queued()).isZero();
        assertThat(k.inFlight()).isZero();
        List<FrontierUrl> sample = new FrontierStore(db, Clock.systemUTC()).skippedSample(c.byPath().get("/").crawlId(), SkipReason.TRAP, 5);
        assertThat(sample).isNotEmpty().allMatch(u -> u.url().contains(trap));
        // nothing of the site is fetched twice, but for the duplicates' own URLs
        Map<String, Integer> times = new HashMap<>();
        c.requests().forEach(r -> times.merge(r, 1, Integer::sum));
        assertThat(times).allSatisfy((r, n) -> assertThat(n).as(r).isEqualTo(1));
    }

    @BothDatabases
    void crawl_limitEndsWithLimitReached(Database db) throws Exception {
        Crawled c = crawl(db, "{\"limit\": 5}");
        assertThat(c.result().reason()).isEqualTo(CrawlReason.LIMIT_REACHED);
        assertThat(c.result().counts().done()).isEqualTo(5);
        assertThat(c.result().counts().queued()).isZero();
        assertThat(c.result().counts().skipped(SkipReason.UNVISITED)).isPositive();
    }

    @BothDatabases
    void crawl_includePathsFetchOnlyMatchingPages(Database db) throws Exception {
        Crawled c = crawl(db, "{\"includePaths\": [\"^/docs/\"], \"sitemap\": \"skip\"}");
        List<String> pages = c.requests().stream().filter(r -> !r.equals("/robots.txt") && !r.equals("/")).toList();
        assertThat(pages).isNotEmpty().allMatch(r -> r.startsWith("/docs/"));
        assertThat(c.byPath().get("/").reason()).isEqualTo("scope"); // the seed: fetched for its links only
    }

    @BothDatabases
    void crawl_sitemapOnlyFollowsNoLinks(Database db) throws Exception {
        Crawled c = crawl(db, "{\"sitemap\": \"only\"}");
        assertThat(c.byPath().get("/solutions/retail-analytics").state()).isEqualTo(UrlState.DONE);
        assertThat(c.requests()).noneMatch(r -> r.startsWith("/events/"));
        assertThat(c.byPath()).doesNotContainKey("/events/calendar?month=2025-06");
    }
}
