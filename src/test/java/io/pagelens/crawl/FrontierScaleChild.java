package io.pagelens.crawl;

import io.pagelens.store.Database;
import io.pagelens.store.DatabaseSettings;
import io.pagelens.store.DatabaseUrl;
import io.pagelens.store.ListQuery;
import io.pagelens.store.Listing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Child of {@link FrontierScaleIT}, run in a small heap: a crawl whose sitemaps list 100,000 URLs, through the crawl
 * core into the durable frontier, then claims, completions, counts, a full keyset-paged listing and the end of the
 * crawl. Prints timings and the largest heap in use; exits non-zero on any failure (OutOfMemoryError included).
 * Arguments: JDBC URL, number of URLs.
 */
public final class FrontierScaleChild {
    static long maxHeap;

    static void sample() {
        Runtime r = Runtime.getRuntime();
        maxHeap = Math.max(maxHeap, r.totalMemory() - r.freeMemory());
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        String origin = "http://127.0.0.1:9";
        try (Database db = Database.open(DatabaseUrl.parse(args[0]), DatabaseSettings.DEFAULTS)) {
            Clock clock = Clock.systemUTC();
            CrawlOptions o = CrawlOptions.parse(io.pagelens.json.Jackson.MAPPER.readTree("{\"limit\": 10000}"), CrawlSettings.DEFAULTS);
            CrawlRecord crawl = new CrawlStore(db, clock).create(null, null, URI.create(origin + "/"), o);
            FrontierStore store = new FrontierStore(db, clock);
            RobotsRules rules = RobotsRules.parse(origin + "/robots.txt", "User-agent: *\nDisallow: /private/\n".getBytes(StandardCharsets.UTF_8), "text/plain", "pagelens");
            CrawlCore core = new CrawlCore(CrawlPlan.of(crawl), store.forCrawl(crawl.id()), url -> rules, CrawlSettings.DEFAULTS, clock,
                    Instant.now().plusSeconds(3600));
            long t0 = System.nanoTime();
            List<SitemapReader.Entry> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                batch.add(new SitemapReader.Entry(origin + (i % 50 == 0 ? "/private/" : "/p/") + i + "?utm_source=sitemap", origin + "/sitemap.xml"));
                if (batch.size() == 1_000) {
                    core.offerSitemapUrls(batch);
                    batch.clear();
                    sample();
                }
            }
            core.offerSitemapUrls(batch);
            core.seed();
            long t1 = System.nanoTime();
            int claimed = 0;
            for (int i = 0; i < 200; i++) {
                if (!(core.next("w") instanceof NextStep.Fetch f)) throw new IllegalStateException("nothing to claim after " + i);
                Optional<PageVerdict> v = Optional.of(core.judge(f.claim(), new PageFetch(null, 0, 200, "text/html", List.of(), null, "h" + i, null)));
                if (v.get() instanceof PageVerdict.Store s) {
                    core.complete(s, new Completion(200, "text/html", null, "h" + i, PageType.PRODUCT, 0.9, List.of("url"), null));
                    claimed++;
                }
            }
            long t2 = System.nanoTime();
            CrawlCounts k = core.counts();
            long listed = 0;
            ListQuery q = ListQuery.first(500);
            while (true) {
                Listing<FrontierUrl> page = store.list(crawl.id(), null, q);
                listed += page.items().size();
                sample();
                if (!page.hasMore()) break;
                q = new ListQuery(500, page.nextCursor());
            }
            long t3 = System.nanoTime();
            CrawlCounts end = core.finish(CrawlReason.LIMIT_REACHED);
            long t4 = System.nanoTime();
            sample();
            if (k.found() != n + 1 || listed != n + 1 || claimed != 200 || end.queued() != 0 || k.skipped(SkipReason.ROBOTS) != n / 50) {
                throw new IllegalStateException("counts " + k + " listed " + listed + " claimed " + claimed + " end " + end);
            }
            System.out.printf("OK urls=%d offer=%dms claim200=%dms list=%dms finish=%dms maxHeapMb=%d counts=%s%n", n, (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, maxHeap >> 20, end);
        }
        System.exit(0);
    }
}
