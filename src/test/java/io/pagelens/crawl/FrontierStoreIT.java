package io.pagelens.crawl;

import io.pagelens.store.blob.Sha256;
import io.pagelens.jobs.MutableClock;
import io.pagelens.store.BothDatabases;
import io.pagelens.store.Database;
import io.pagelens.store.DatabaseSuite;
import io.pagelens.store.ListQuery;
import io.pagelens.store.Listing;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FrontierStoreIT extends DatabaseSuite {
    static final String ORIGIN = "http://127.0.0.1:9";
    static final Duration LEASE = Duration.ofMinutes(1);
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private Frontier newFrontier(Database db) {
        CrawlRecord crawl = new CrawlStore(db, clock).create(null, null, URI.create(ORIGIN + "/"), CrawlOptions.defaults(CrawlSettings.DEFAULTS));
        Frontier f = new FrontierStore(db, clock).forCrawl(crawl.id());
        f.ensureOrigin(ORIGIN, Duration.ZERO, RobotsRules.Source.PARSED);
        return f;
    }

    static NewUrl queued(String path, int depth) {
        return new NewUrl(ORIGIN + path, ORIGIN, Sha256.of(path), depth, UrlSource.LINK, null, "text " + path, null, null);
    }

    static Completion done(String hash) {
        return new Completion(200, "text/html", null, hash, PageType.ARTICLE, 0.9, List.of("url:/blog/"), null);
    }

    @BothDatabases
    void add_isIdempotentAndLookupFindsState(Database db) {
        Frontier f = newFrontier(db);
        assertThat(f.add(List.of(queued("/a", 1), queued("/b", 1), queued("/a", 1)))).containsExactly(ORIGIN + "/a", ORIGIN + "/b");
        assertThat(f.add(List.of(queued("/b", 2), queued("/c", 2)))).containsExactly(ORIGIN + "/c");
        f.add(List.of(new NewUrl("mailto:x@y.example", "", null, 1, UrlSource.LINK, null, null, SkipReason.SCHEME, "mailto")));
        assertThat(f.lookup(List.of(ORIGIN + "/a", ORIGIN + "/zzz", "mailto:x@y.example")))
                .containsOnlyKeys(ORIGIN + "/a", "mailto:x@y.example")
                .satisfies(m -> assertThat(m.get("mailto:x@y.example").state()).isEqualTo(UrlState.SKIPPED));
        CrawlCounts k = f.counts();
        assertThat(k.found()).isEqualTo(4);
        assertThat(k.queued()).isEqualTo(3);
        assertThat(k.skipped(SkipReason.SCHEME)).isEqualTo(1);
    }

    @BothDatabases
    void claim_shallowestFirstThenDiscoveryOrder(Database db) {
        Frontier f = newFrontier(db);
        f.add(List.of(queued("/deep", 3), queued("/one", 1), queued("/two", 1)));
        List<String> order = new ArrayList<>();
        for (Optional<Claim> c = f.claim("w", LEASE, Long.MAX_VALUE); c.isPresent(); c = f.claim("w", LEASE, Long.MAX_VALUE)) order.add(c.get().url());
        assertThat(order).containsExactly(ORIGIN + "/one", ORIGIN + "/two", ORIGIN + "/deep");
        assertThat(f.counts().inFlight()).isEqualTo(3);
        assertThat(f.nextClaimableAt()).isEmpty();
    }

    @BothDatabases
    void claim_honoursOriginDelay(Database db) {
        Frontier f = newFrontier(db);
        String slow = "http://127.0.0.2:9";
        f.ensureOrigin(slow, Duration.ofSeconds(2), RobotsRules.Source.PARSED);
        f.add(List.of(new NewUrl(slow + "/1", slow, "k1", 1, UrlSource.LINK, null, null, null, null),
                new NewUrl(slow + "/2", slow, "k2", 1, UrlSource.LINK, null, null, null, null)));
        assertThat(f.claim("w", LEASE, Long.MAX_VALUE)).map(Claim::url).hasValue(slow + "/1");
        assertThat(f.claim("w", LEASE, Long.MAX_VALUE)).isEmpty();
        assertThat(f.nextClaimableAt()).hasValue(clock.instant().plusSeconds(2));
        clock.advance(Duration.ofMillis(1999));
        assertThat(f.claim("w", LEASE, Long.MAX_VALUE)).isEmpty();
        clock.advance(Duration.ofMillis(1));
        assertThat(f.claim("w", LEASE, Long.MAX_VALUE)).map(Claim::url).hasValue(slow + "/2");
    }

    @BothDatabases
    void lease_expiredGoesBackAndStaleWorkerCannotFinish(Database db) {
        Frontier f = newFrontier(db);
        f.add(List.of(queued("/p", 1)));
        Claim first = f.claim("dead", LEASE, Long.MAX_VALUE).orElseThrow();
        assertThat(f.releaseExpiredLeases(3)).isZero();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(f.renew(first, LEASE)).isTrue(); // still its own: nobody took it yet
        clock.advance(LEASE.plusSeconds(1));
        assertThat(f.releaseExpiredLeases(3)).isEqualTo(1);
        Claim second = f.claim("alive", LEASE, Long.MAX_VALUE).orElseThrow();
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(f.complete(first, done("h1"))).isEqualTo(CompleteResult.LOST);
        assertThat(f.renew(first, LEASE)).isFalse();
        assertThat(f.complete(second, done("h1"))).isEqualTo(CompleteResult.STORED);
        assertThat(f.lookup(List.of(ORIGIN + "/p")).get(ORIGIN + "/p").state()).isEqualTo(UrlState.DONE);
        assertThat(f.claim("alive", LEASE, Long.MAX_VALUE)).isEmpty(); // a done page is never handed out again
    }

    /** The same worker name taking the URL again (a restarted process) does not revive its old claim. */
    @BothDatabases
    void lease_oldClaimOfTheSameWorkerIsLost(Database db) {
        Frontier f = newFrontier(db);
        f.add(List.of(queued("/again", 1)));
        Claim old = f.claim("w", LEASE, Long.MAX_VALUE).orElseThrow();
        clock.advance(LEASE.plusSeconds(1));
        f.releaseExpiredLeases(3);
        Claim now = f.claim("w", LEASE, Long.MAX_VALUE).orElseThrow();
        assertThat(f.complete(old, done("x"))).isEqualTo(CompleteResult.LOST);
        assertThat(f.skip(old, SkipReason.DUPLICATE, "x", null, FetchFacts.NONE)).isFalse();
        assertThat(f.fail(old, "network", "x", FetchFacts.NONE, false, 3)).isFalse();
        assertThat(f.complete(now, done("x"))).isEqualTo(CompleteResult.STORED);
    }

    @BothDatabases
    void lease_expiredTooOftenFails(Database db) {
        Frontier f = newFrontier(db);
        f.add(List.of(queued("/p", 1)));
        for (int i = 0; i < 2; i++) {
            f.claim("w" + i, LEASE, Long.MAX_VALUE).orElseThrow();
            clock.advance(LEASE.plusSeconds(1));
            f.releaseExpiredLeases(2);
        }
        assertThat(f.counts().failed()).isEqualTo(1);
        assertThat(f.claim("w", LEASE, Long.MAX_VALUE)).isEmpty();
    }

    @BothDatabases
    void complete_sameContentHashIsDuplicate(Database db) {
        Frontier f = newFrontier(db);
        f.add(List.of(queued("/contact", 1), queued("/contact-copy", 1)));
        Claim a = f.claim("w", LEASE, Long.MAX_VALUE).orElseThrow();
        Claim b = f.claim("w", LEASE, Long.MAX_VALUE).orElseThrow();
        assertThat(f.complete(a, done("same"))).isEqualTo(CompleteResult.STORED);
        assertThat(f.complete(b, done("same"))).isInstanceOfSatisfying(CompleteResult.Duplicate.class,
                d -> assertThat(d.of().url()).isEqualTo(ORIGIN + "/contact"));
        assertThat(f.counts().skipped(SkipReason.DUPLICATE)).isEqualTo(1);
        assertThat(f.doneWithContentHash("same")).map(KnownUrl::seq).hasValue(a.seq());
    }

    @BothDatabases
    void completeUnclaimed_adoptsQueuedOrNewNotInFlight(Database db) {
        Frontier f = newFrontier(db);
        f.add(List.of(queued("/target", 1), queued("/busy", 1)));
        assertThat(f.completeUnclaimed(queued("/target", 1), done("t"))).isEqualTo(CompleteResult.STORED);
        assertThat(f.completeUnclaimed(queued("/brand-new", 2), done("n"))).isEqualTo(CompleteResult.STORED);
        Claim busy = f.claim("w", LEASE, Long.MAX_VALUE).orElseThrow();
        assertThat(busy.url()).isEqualTo(ORIGIN + "/busy");
        assertThat(f.completeUnclaimed(queued("/busy", 1), done("b"))).isEqualTo(CompleteResult.LOST);
        assertThat(f.counts().done()).isEqualTo(2);
    }

    @BothDatabases
    void fail_retriesThenFails(Database db) {
        Frontier f = newFrontier(db);
        f.add(List.of(queued("/flaky", 1)));
        Claim c1 = f.claim("w", LEASE, Long.MAX_VALUE).orElseThrow();
        assertThat(f.fail(c1, "http_503", "Service Unavailable", new FetchFacts(503, "text/html", null), true, 2)).isTrue();
        Claim c2 = f.claim("w", LEASE, Long.MAX_VALUE).orElseThrow();
        f.fail(c2, "http_503", "Service Unavailable", new FetchFacts(503, "text/html", null), true, 2);
        assertThat(f.claim("w", LEASE, Long.MAX_VALUE)).isEmpty();
        FrontierUrl row = new FrontierStore(db, clock).get(f.crawlId(), ORIGIN + "/flaky").orElseThrow();
        assertThat(row.state()).isEqualTo(UrlState.FAILED);
        assertThat(row.reason()).isEqualTo("http_503");
        assertThat(row.httpStatus()).isEqualTo(503);
    }

    @BothDatabases
    void skipAndSkipQueued_countByReason(Database db) {
        Frontier f = newFrontier(db);
        f.add(List.of(queued("/doc.pdf", 1), queued("/x", 1), queued("/y", 1)));
        Claim pdf = f.claim("w", LEASE, Long.MAX_VALUE).orElseThrow();
        assertThat(f.skip(pdf, SkipReason.NON_HTML, "application/pdf", null, new FetchFacts(200, "application/pdf", null))).isTrue();
        assertThat(f.skipQueued(SkipReason.UNVISITED, "limit reached")).isEqualTo(2);
        CrawlCounts k = f.counts();
        assertThat(k.skipped(SkipReason.NON_HTML)).isEqualTo(1);
        assertThat(k.skipped(SkipReason.UNVISITED)).isEqualTo(2);
        assertThat(k.queued()).isZero();
        assertThat(k.skippedTotal()).isEqualTo(3);
    }

    @BothDatabases
    void budgetUse_countsQueuedUrlsPerKey(Database db) {
        Frontier f = newFrontier(db);
        f.add(List.of(new NewUrl(ORIGIN + "/cal?m=1", ORIGIN, "cal", 1, UrlSource.LINK, null, null, null, null),
                new NewUrl(ORIGIN + "/cal?m=2", ORIGIN, "cal", 1, UrlSource.LINK, null, null, null, null),
                new NewUrl(ORIGIN + "/cal?m=3", ORIGIN, "cal", 1, UrlSource.LINK, null, null, SkipReason.TRAP, "over budget")));
        assertThat(f.budgetUse(List.of("cal", "other"))).containsEntry("cal", 2).doesNotContainKey("other");
    }

    @BothDatabases
    void list_pagesInDiscoveryOrder(Database db) {
        Frontier f = newFrontier(db);
        List<NewUrl> many = new ArrayList<>();
        for (int i = 0; i < 7; i++) many.add(queued("/p" + i, 1));
        f.add(many);
        FrontierStore store = new FrontierStore(db, clock);
        List<String> seen = new ArrayList<>();
        ListQuery q = ListQuery.first(3);
        while (true) {
            Listing<FrontierUrl> page = store.list(f.crawlId(), Set.of(UrlState.QUEUED), q);
            page.items().forEach(u -> seen.add(u.url()));
            if (!page.hasMore()) break;
            q = new ListQuery(3, page.nextCursor());
        }
        assertThat(seen).hasSize(7).startsWith(ORIGIN + "/p0").endsWith(ORIGIN + "/p6");
        assertThat(store.list(f.crawlId(), Set.of(UrlState.DONE), ListQuery.FIRST).items()).isEmpty();
    }

    @BothDatabases
    void progress_movesWithEveryStateChange(Database db) {
        Frontier f = newFrontier(db);
        Instant before = f.lastProgress().orElseThrow();
        clock.advance(Duration.ofSeconds(5));
        f.add(List.of(queued("/a", 1)));
        assertThat(f.lastProgress()).hasValue(before.plusSeconds(5));
    }

    @BothDatabases
    void claim_stopsAtMaxActive(Database db) {
        Frontier f = newFrontier(db);
        f.add(List.of(queued("/1", 1), queued("/2", 1), queued("/3", 1)));
        Claim one = f.claim("w", LEASE, 2).orElseThrow();
        f.claim("w", LEASE, 2).orElseThrow();
        assertThat(f.claim("w", LEASE, 2)).isEmpty();
        f.skip(one, SkipReason.DUPLICATE, "same", null, FetchFacts.NONE);
        assertThat(f.claim("w", LEASE, 2)).isPresent();
    }

    /** Four workers claim and complete at once: each URL is claimed exactly once, equal content is stored once. */
    @BothDatabases
    void claim_concurrentWorkersNeverShareAUrl(Database db) throws Exception {
        Frontier f = newFrontier(db);
        List<NewUrl> urls = new ArrayList<>();
        for (int i = 0; i < 60; i++) urls.add(queued("/c" + i, 1));
        f.add(urls);
        java.util.Set<String> claimed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger twice = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger stored = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String worker = "w" + w;
            threads.add(Thread.ofPlatform().start(() -> {
                for (Optional<Claim> c = f.claim(worker, LEASE, Long.MAX_VALUE); c.isPresent(); c = f.claim(worker, LEASE, Long.MAX_VALUE)) {
                    if (!claimed.add(c.get().url())) twice.incrementAndGet();
                    // every fourth page has the same content as the others of its group
                    String hash = "h" + (c.get().seq() % 15);
                    if (f.complete(c.get(), done(hash)) instanceof CompleteResult.Stored) stored.incrementAndGet();
                }
            }));
        }
        for (Thread t : threads) t.join(60_000);
        assertThat(twice).hasValue(0);
        assertThat(claimed).hasSize(60);
        assertThat(stored).hasValue(15);
        CrawlCounts k = f.counts();
        assertThat(k.done()).isEqualTo(15);
        assertThat(k.skipped(SkipReason.DUPLICATE)).isEqualTo(45);
    }
}
