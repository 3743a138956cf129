package io.pagelens.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.jobs.MutableClock;
import io.pagelens.json.Jackson;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CrawlCoreTest {
    static final String SITE = "http://127.0.0.1:8801";
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    InMemoryFrontier frontier = new InMemoryFrontier(clock);
    String robotsTxt = "User-agent: *\nDisallow: /admin/\nDisallow: /*?print=\n";

    RobotsPolicy robots() {
        return url -> RobotsRules.parse(SITE + "/robots.txt", robotsTxt.getBytes(StandardCharsets.UTF_8), "text/plain", "pagelens");
    }

    CrawlCore core(String optionsJson) throws Exception {
        JsonNode o = Jackson.MAPPER.readTree(optionsJson);
        CrawlPlan plan = CrawlPlan.of(URI.create(SITE + "/"), CrawlOptions.parse(o, CrawlSettings.DEFAULTS));
        return new CrawlCore(plan, frontier, robots(), CrawlSettings.DEFAULTS, clock, clock.instant().plus(plan.options().maxDuration()));
    }

    static FoundLink link(String url) {
        return new FoundLink(url, "text", false, LinkPlace.MAIN);
    }

    static PageFetch html(List<FoundLink> links, String canonical, String hash) {
        return new PageFetch(null, 0, 200, "text/html", links, canonical, hash, null);
    }

    /** Claims the next URL, which must be {@code path}. */
    Claim claim(CrawlCore core, String path) {
        NextStep n = core.next("w");
        assertThat(n).isInstanceOf(NextStep.Fetch.class);
        Claim c = ((NextStep.Fetch) n).claim();
        assertThat(c.url()).isEqualTo(SITE + path);
        return c;
    }

    void store(CrawlCore core, Claim c, PageFetch f) {
        PageVerdict v = core.judge(c, f);
        assertThat(v).as(c.url()).isInstanceOf(PageVerdict.Store.class);
        assertThat(core.complete((PageVerdict.Store) v, new Completion(200, "text/html", null, f.contentHash(), PageType.OTHER, 0.5, List.of(), null)))
                .isEqualTo(CompleteResult.STORED);
    }

    String reason(String url) {
        InMemoryFrontier.Row r = frontier.row(url);
        return r == null ? null : r.state.id() + (r.reason == null ? "" : ":" + r.reason);
    }

    @Test
    void offerLinks_skipsEachKindWithItsReason() throws Exception {
        CrawlCore core = core("{\"maxDepth\": 1}");
        core.seed();
        Claim home = claim(core, "/");
        CrawlCore.Offer o = core.offerLinks(home, List.of(
                link(SITE + "/pricing#faq"), link(SITE + "/pricing"),
                link("mailto:hello@northwind.example"), link("tel:+15555550134"), link("javascript:void(0)"),
                link("http://external.example/community"), link(SITE + "/admin/users"), link(SITE + "/docs/x?print=1"),
                link(SITE + "/downloads/overview.pdf"),
                new FoundLink(SITE + "/login/forgot", "Forgot", true, LinkPlace.MAIN),
                link(SITE + "/blog/x?utm_source=home&utm_medium=banner"), link(SITE + "/login;jsessionid=7C2D")));
        assertThat(o.queued()).isEqualTo(3); // /pricing, /blog/x, /login
        assertThat(o.skipped(SkipReason.SCHEME)).isEqualTo(3);
        assertThat(o.skipped(SkipReason.SCOPE)).isEqualTo(1);
        assertThat(o.skipped(SkipReason.ROBOTS)).isEqualTo(2);
        assertThat(o.skipped(SkipReason.NON_HTML)).isEqualTo(1);
        assertThat(o.skipped(SkipReason.NOFOLLOW)).isEqualTo(1);
        assertThat(frontier.rows).containsKeys(SITE + "/blog/x", SITE + "/login", "mailto:hello@northwind.example");
        // offering the same links again changes nothing
        CrawlCore.Offer again = core.offerLinks(home, List.of(link(SITE + "/pricing"), link("mailto:hello@northwind.example")));
        assertThat(again.known()).isEqualTo(2);
        assertThat(again.queued()).isZero();
        // depth: links of a depth-1 page are depth 2 > maxDepth 1
        Claim pricing = claim(core, "/pricing");
        assertThat(core.offerLinks(pricing, List.of(link(SITE + "/deeper"))).skipped(SkipReason.DEPTH)).isEqualTo(1);
    }

    @Test
    void offerLinks_nofollowAndTooDeepComeBackWhenReachedProperly() throws Exception {
        CrawlCore core = core("{\"maxDepth\": 2}");
        core.seed();
        Claim home = claim(core, "/");
        core.offerLinks(home, List.of(new FoundLink(SITE + "/hidden", "h", true, LinkPlace.MAIN), link(SITE + "/a")));
        assertThat(reason(SITE + "/hidden")).isEqualTo("skipped:nofollow");
        Claim a = claim(core, "/a");
        assertThat(core.offerLinks(a, List.of(link(SITE + "/hidden"))).queued()).isEqualTo(1);
        assertThat(reason(SITE + "/hidden")).isEqualTo("queued");
    }

    @Test
    void offerLinks_trapBudgetCapsQueryVariantsPerPath() throws Exception {
        CrawlCore core = core("{\"traps\": {\"maxQueryVariants\": 3}}");
        core.seed();
        Claim home = claim(core, "/");
        List<FoundLink> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) months.add(link(SITE + "/events/calendar?month=2025-" + String.format("%02d", m)));
        CrawlCore.Offer o = core.offerLinks(home, months);
        assertThat(o.queued()).isEqualTo(3);
        assertThat(o.skipped(SkipReason.TRAP)).isEqualTo(9);
        // the budget persists: a later page's calendar links are trapped too
        Claim next = claim(core, "/events/calendar?month=2025-01");
        assertThat(core.offerLinks(next, List.of(link(SITE + "/events/calendar?month=2024-12"))).skipped(SkipReason.TRAP)).isEqualTo(1);
        // other paths have their own budget
        assertThat(core.offerLinks(next, List.of(link(SITE + "/shop?color=red"))).queued()).isEqualTo(1);
    }

    @Test
    void offerLinks_pathPatternBudgetCoversPathTraps() throws Exception {
        CrawlCore core = core("{\"traps\": {\"budgets\": [{\"pathPattern\": \"^/cal/\", \"max\": 2}]}}");
        core.seed();
        Claim home = claim(core, "/");
        CrawlCore.Offer o = core.offerLinks(home, List.of(link(SITE + "/cal/2025/01/"), link(SITE + "/cal/2025/02/"),
                link(SITE + "/cal/2025/03/"), link(SITE + "/other/")));
        assertThat(o.queued()).isEqualTo(3);
        assertThat(o.skipped(SkipReason.TRAP)).isEqualTo(1);
    }

    @Test
    void offer_ignoreQueryParametersMergesVariants() throws Exception {
        CrawlCore core = core("{\"ignoreQueryParameters\": true}");
        core.seed();
        Claim home = claim(core, "/");
        CrawlCore.Offer o = core.offerLinks(home, List.of(link(SITE + "/contact?topic=demo"), link(SITE + "/contact?topic=support"), link(SITE + "/contact")));
        assertThat(o.queued()).isEqualTo(1);
        assertThat(frontier.rows).containsKey(SITE + "/contact");
    }

    @Test
    void offer_includeExcludePathsKeepSeedForDiscoveryOnly() throws Exception {
        CrawlCore core = core("{\"includePaths\": [\"^/blog/\"], \"excludePaths\": [\"/drafts/\"]}");
        core.seed();
        Claim home = claim(core, "/");
        PageVerdict v = core.judge(home, html(List.of(link(SITE + "/blog/a"), link(SITE + "/blog/drafts/b"), link(SITE + "/pricing")), null, "h0"));
        assertThat(v).isInstanceOfSatisfying(PageVerdict.Skipped.class, s -> assertThat(s.reason()).isEqualTo(SkipReason.SCOPE));
        assertThat(reason(SITE + "/blog/a")).isEqualTo("queued");
        assertThat(reason(SITE + "/blog/drafts/b")).isEqualTo("skipped:scope");
        assertThat(reason(SITE + "/pricing")).isEqualTo("skipped:scope");
    }

    @Test
    void judge_httpErrorsFailOrRetry() throws Exception {
        CrawlCore core = core("{}");
        core.seed();
        Claim home = claim(core, "/");
        core.offerLinks(home, List.of(link(SITE + "/gone"), link(SITE + "/flaky")));
        store(core, home, html(List.of(), null, "h"));
        Claim gone = claim(core, "/gone");
        assertThat(core.judge(gone, new PageFetch(null, 0, 404, "text/html", List.of(), null, "x", null)))
                .isEqualTo(new PageVerdict.Failed("http_404", "HTTP 404", false));
        Claim flaky = claim(core, "/flaky");
        assertThat(core.judge(flaky, new PageFetch(null, 0, 503, "text/html", List.of(), null, null, null)))
                .isEqualTo(new PageVerdict.Failed("http_503", "HTTP 503", true));
        Claim again = claim(core, "/flaky");
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(core.judge(again, PageFetch.failure(null, 0, "connection reset"))).isEqualTo(new PageVerdict.Failed("network", "connection reset", false));
        assertThat(frontier.counts().failed()).isEqualTo(2);
    }

    @Test
    void judge_nonHtmlIsRecordedNotStored() throws Exception {
        CrawlCore core = core("{}");
        core.seed();
        Claim home = claim(core, "/");
        core.offerLinks(home, List.of(link(SITE + "/download?id=7")));
        store(core, home, html(List.of(), null, "h"));
        Claim d = claim(core, "/download?id=7");
        assertThat(core.judge(d, new PageFetch(null, 0, 200, "application/pdf", List.of(), null, null, null)))
                .isInstanceOfSatisfying(PageVerdict.Skipped.class, s -> assertThat(s.reason()).isEqualTo(SkipReason.NON_HTML));
        assertThat(frontier.row(SITE + "/download?id=7").facts.contentType()).isEqualTo("application/pdf");
    }

    @Test
    void judge_canonicalToKnownPageIsDuplicateUnknownIsQueued() throws Exception {
        CrawlCore core = core("{}");
        core.seed();
        Claim home = claim(core, "/");
        core.offerLinks(home, List.of(link(SITE + "/pricing"), link(SITE + "/Pricing"), link(SITE + "/blog/engineering/post")));
        store(core, home, html(List.of(), SITE + "/", "h-home"));
        store(core, claim(core, "/pricing"), html(List.of(), SITE + "/pricing", "h-pricing"));
        Claim upper = claim(core, "/Pricing");
        assertThat(core.judge(upper, html(List.of(), SITE + "/pricing", "h-pricing")))
                .isInstanceOfSatisfying(PageVerdict.Skipped.class, s -> assertThat(s.reason()).isEqualTo(SkipReason.DUPLICATE));
        Claim copy = claim(core, "/blog/engineering/post");
        assertThat(core.judge(copy, html(List.of(), SITE + "/blog/post", "h-post")))
                .isInstanceOfSatisfying(PageVerdict.Skipped.class, s -> assertThat(s.detail()).contains("/blog/post"));
        assertThat(reason(SITE + "/blog/post")).isEqualTo("queued");
        assertThat(frontier.row(SITE + "/blog/post").url.source()).isEqualTo(UrlSource.CANONICAL);
        store(core, claim(core, "/blog/post"), html(List.of(), SITE + "/blog/post", "h-post"));
    }

    @Test
    void judge_canonicalToAnotherHostIsIgnored() throws Exception {
        CrawlCore core = core("{}");
        core.seed();
        Claim home = claim(core, "/");
        assertThat(core.judge(home, html(List.of(), "https://syndicated.example/original", "h"))).isInstanceOf(PageVerdict.Store.class);
    }

    @Test
    void judge_sameContentHashIsDuplicate() throws Exception {
        CrawlCore core = core("{}");
        core.seed();
        Claim home = claim(core, "/");
        core.offerLinks(home, List.of(link(SITE + "/contact"), link(SITE + "/contact?topic=demo")));
        store(core, home, html(List.of(), null, "h-home"));
        store(core, claim(core, "/contact"), html(List.of(), null, "h-contact"));
        Claim variant = claim(core, "/contact?topic=demo");
        assertThat(core.judge(variant, html(List.of(), null, "h-contact")))
                .isInstanceOfSatisfying(PageVerdict.Skipped.class, s -> assertThat(s.reason()).isEqualTo(SkipReason.DUPLICATE));
    }

    @Test
    void judge_redirectToNewUrlStoresTheTarget() throws Exception {
        CrawlCore core = core("{}");
        core.seed();
        Claim home = claim(core, "/");
        core.offerLinks(home, List.of(link(SITE + "/features"), link(SITE + "/old-post"), link(SITE + "/out")));
        store(core, home, html(List.of(), null, "h-home"));
        Claim features = claim(core, "/features");
        PageVerdict v = core.judge(features, new PageFetch(SITE + "/product/", 1, 200, "text/html", List.of(), null, "h-product", null));
        assertThat(v).isInstanceOfSatisfying(PageVerdict.Store.class, s -> {
            assertThat(s.pageUrl()).isEqualTo(SITE + "/product/");
            assertThat(s.adopted()).isTrue();
        });
        core.complete((PageVerdict.Store) v, new Completion(200, "text/html", null, "h-product", PageType.PRODUCT, 0.8, List.of(), null));
        assertThat(reason(SITE + "/product/")).isEqualTo("done");
        assertThat(reason(SITE + "/features")).isEqualTo("skipped:redirect");
        // a second redirect to the same, now done, target is only a redirect
        Claim old = claim(core, "/old-post");
        assertThat(core.judge(old, new PageFetch(SITE + "/product/", 1, 200, "text/html", List.of(), null, "h-other", null)))
                .isInstanceOfSatisfying(PageVerdict.Skipped.class, s -> assertThat(s.reason()).isEqualTo(SkipReason.REDIRECT));
        // a redirect out of the site is out of scope
        Claim out = claim(core, "/out");
        assertThat(core.judge(out, new PageFetch("http://elsewhere.example/", 1, 200, "text/html", List.of(), null, "h3", null)))
                .isInstanceOfSatisfying(PageVerdict.Skipped.class, s -> assertThat(s.reason()).isEqualTo(SkipReason.SCOPE));
    }

    @Test
    void next_limitStopsClaimingAndFinishes() throws Exception {
        CrawlCore core = core("{\"limit\": 2, \"maxConcurrency\": 4}");
        core.seed();
        Claim home = claim(core, "/");
        core.offerLinks(home, List.of(link(SITE + "/a"), link(SITE + "/b"), link(SITE + "/c")));
        Claim a = claim(core, "/a");
        // two in flight for a limit of two: the rest wait
        assertThat(core.next("w")).isInstanceOf(NextStep.Wait.class);
        store(core, home, html(List.of(), null, "1"));
        store(core, a, html(List.of(), null, "2"));
        assertThat(core.next("w")).isInstanceOfSatisfying(NextStep.Finish.class, f -> assertThat(f.reason()).isEqualTo(CrawlReason.LIMIT_REACHED));
        CrawlCounts k = core.finish(CrawlReason.LIMIT_REACHED);
        assertThat(k.done()).isEqualTo(2);
        assertThat(k.skipped(SkipReason.UNVISITED)).isEqualTo(2);
    }

    @Test
    void next_duplicateFreesItsLimitSlot() throws Exception {
        CrawlCore core = core("{\"limit\": 2}");
        core.seed();
        Claim home = claim(core, "/");
        core.offerLinks(home, List.of(link(SITE + "/copy"), link(SITE + "/real")));
        store(core, home, html(List.of(), null, "same"));
        Claim copy = claim(core, "/copy");
        core.judge(copy, html(List.of(), null, "same"));
        store(core, claim(core, "/real"), html(List.of(), null, "other"));
        assertThat(frontier.counts().done()).isEqualTo(2);
    }

    @Test
    void next_waitsForCrawlDelayThenFinishes() throws Exception {
        robotsTxt = "User-agent: pagelens\nCrawl-delay: 5\n";
        CrawlCore core = core("{\"delay\": 1}");
        core.seed();
        Claim home = claim(core, "/");
        core.offerLinks(home, List.of(link(SITE + "/a")));
        store(core, home, html(List.of(), null, "1"));
        assertThat(core.next("w")).isEqualTo(new NextStep.Wait(clock.instant().plusSeconds(5)));
        clock.advance(Duration.ofSeconds(5));
        store(core, claim(core, "/a"), html(List.of(), null, "2"));
        assertThat(core.next("w")).isEqualTo(new NextStep.Finish(CrawlReason.FINISHED, null));
    }

    @Test
    void next_seedDisallowedFailsTheCrawl() throws Exception {
        robotsTxt = "User-agent: *\nDisallow: /\n";
        CrawlCore core = core("{}");
        core.seed();
        NextStep n = core.next("w");
        assertThat(n).isInstanceOfSatisfying(NextStep.Finish.class, f -> {
            assertThat(f.reason()).isEqualTo(CrawlReason.SEED_FAILED);
            assertThat(f.message()).contains("robots");
        });
    }

    @Test
    void next_maxDurationEnds() throws Exception {
        CrawlCore core = core("{\"maxDuration\": 60}");
        core.seed();
        clock.advance(Duration.ofSeconds(61));
        assertThat(core.next("w")).isInstanceOfSatisfying(NextStep.Finish.class, f -> assertThat(f.reason()).isEqualTo(CrawlReason.MAX_DURATION_REACHED));
    }

    @Test
    void next_stalledFrontierEnds() throws Exception {
        CrawlCore core = core("{}");
        core.seed();
        claim(core, "/"); // in flight, and its worker never reports back nor lets the lease run out
        frontier.row(SITE + "/").leaseUntil = Long.MAX_VALUE;
        assertThat(core.next("w")).isInstanceOf(NextStep.Wait.class);
        clock.advance(CrawlSettings.DEFAULT_STALL_TIMEOUT.plusSeconds(1));
        assertThat(core.next("w")).isInstanceOfSatisfying(NextStep.Finish.class, f -> assertThat(f.reason()).isEqualTo(CrawlReason.STALLED));
    }

    @Test
    void next_expiredLeaseIsRetriedByAnotherWorker() throws Exception {
        CrawlCore core = core("{}");
        core.seed();
        Claim lost = claim(core, "/");
        clock.advance(CrawlSettings.DEFAULT_LEASE.plusSeconds(1));
        Claim again = claim(core, "/");
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(core.judge(lost, html(List.of(), null, "x"))).isInstanceOf(PageVerdict.Store.class); // judged, but:
        assertThat(core.complete(new PageVerdict.Store(lost, lost.url(), false, html(List.of(), null, "x")),
                new Completion(200, "text/html", null, "x", PageType.HOME, 1, List.of(), null))).isEqualTo(CompleteResult.LOST);
    }

    @Test
    void sitemapModes() throws Exception {
        assertThat(core("{\"sitemap\": \"skip\"}").sitemapRoots()).isEmpty();
        frontier = new InMemoryFrontier(clock);
        CrawlCore only = core("{\"sitemap\": \"only\"}");
        assertThat(only.sitemapRoots()).contains(URI.create(SITE + "/sitemap.xml"));
        CrawlCore.Offer s = only.offerSitemapUrls(List.of(new SitemapReader.Entry(SITE + "/solutions/x", SITE + "/sitemap.xml"),
                new SitemapReader.Entry("http://other.example/", SITE + "/sitemap.xml")));
        assertThat(s.queued()).isEqualTo(1);
        assertThat(s.skipped(SkipReason.SCOPE)).isEqualTo(1);
        only.seed();
        Claim home = claim(only, "/");
        assertThat(only.offerLinks(home, List.of(link(SITE + "/linked"))).queued()).isZero();
        assertThat(frontier.row(SITE + "/linked")).isNull();
        assertThat(frontier.row(SITE + "/solutions/x").depth).isEqualTo(1);
    }
}
