package io.pagelens.crawl;

import io.pagelens.jobs.MutableClock;
import io.pagelens.store.BothDatabases;
import io.pagelens.store.Database;
import io.pagelens.store.DatabaseSuite;
import io.pagelens.store.ListQuery;
import io.pagelens.store.TenantScope;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CrawlStoreIT extends DatabaseSuite {
    static final Duration LEASE = Duration.ofMinutes(1);
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private CrawlRecord create(CrawlStore store, String tenant) {
        return store.create(tenant == null ? TenantScope.DEFAULT : tenant, null, null, URI.create("http://127.0.0.1:9/"), CrawlOptions.defaults(CrawlSettings.DEFAULTS));
    }

    @BothDatabases
    void create_storesOptionsAndIsQueued(Database db) {
        CrawlStore store = new CrawlStore(db, clock);
        CrawlRecord r = create(store, "tenant-a");
        assertThat(r.state()).isEqualTo(CrawlState.QUEUED);
        assertThat(r.options()).isEqualTo(CrawlOptions.defaults(CrawlSettings.DEFAULTS));
        assertThat(store.get(TenantScope.of("tenant-a"), r.id())).isPresent();
        assertThat(store.get(TenantScope.of("tenant-b"), r.id())).isEmpty();
        assertThat(store.get(TenantScope.of(TenantScope.DEFAULT), r.id())).isEmpty();
    }

    @BothDatabases
    void acquire_startsOnceThenResumesAfterLeaseExpiry(Database db) {
        CrawlStore store = new CrawlStore(db, clock);
        CrawlRecord r = create(store, null);
        CrawlStore.Acquired a = store.acquire(r.id(), "w1", LEASE).orElseThrow();
        assertThat(a.previousWorker()).isNull();
        assertThat(a.crawl().state()).isEqualTo(CrawlState.RUNNING);
        assertThat(a.crawl().deadlineAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(store.acquire(r.id(), "w2", LEASE)).isEmpty();
        clock.advance(LEASE.plusSeconds(1));
        CrawlStore.Acquired resumed = store.acquire(r.id(), "w2", LEASE).orElseThrow();
        assertThat(resumed.previousWorker()).isEqualTo("w1");
        assertThat(resumed.crawl().deadlineAt()).isEqualTo(a.crawl().deadlineAt());
        assertThat(store.renew(r.id(), "w1", LEASE)).isEmpty();
        assertThat(store.finish(r.id(), "w1", CrawlReason.FINISHED, null, CrawlCounts.ZERO)).isFalse();
        CrawlCounts counts = new CrawlCounts(5, 0, 0, 3, 1, Map.of(SkipReason.TRAP, 1L));
        assertThat(store.finish(r.id(), "w2", CrawlReason.LIMIT_REACHED, null, counts)).isTrue();
        CrawlRecord end = store.get(r.id()).orElseThrow();
        assertThat(end.state()).isEqualTo(CrawlState.COMPLETED);
        assertThat(end.reason()).isEqualTo(CrawlReason.LIMIT_REACHED);
        assertThat(end.finalCounts()).isEqualTo(counts);
        assertThat(store.acquire(r.id(), "w3", LEASE)).isEmpty();
    }

    @BothDatabases
    void acquireNext_takesQueuedOrOrphaned(Database db) {
        CrawlStore store = new CrawlStore(db, clock);
        // the class shares one database: end what other tests left waiting
        clock.advance(LEASE.multipliedBy(2));
        for (var other = store.acquireNext("drain", LEASE); other.isPresent(); other = store.acquireNext("drain", LEASE)) {
            store.finish(other.get().crawl().id(), "drain", CrawlReason.FINISHED, null, CrawlCounts.ZERO);
        }
        CrawlRecord r = create(store, null);
        assertThat(store.acquireNext("w1", LEASE)).map(a -> a.crawl().id()).hasValue(r.id());
        assertThat(store.acquireNext("w2", LEASE)).isEmpty();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(store.acquireNext("w2", LEASE)).map(CrawlStore.Acquired::previousWorker).hasValue("w1");
    }

    @BothDatabases
    void cancel_queuedEndsRunningIsFlagged(Database db) {
        CrawlStore store = new CrawlStore(db, clock);
        CrawlRecord queued = create(store, "t");
        assertThat(store.cancel(TenantScope.of("t"), queued.id())).hasValue(true);
        assertThat(store.get(queued.id()).orElseThrow().state()).isEqualTo(CrawlState.CANCELLED);
        CrawlRecord running = create(store, "t");
        store.acquire(running.id(), "w", LEASE);
        assertThat(store.cancel(TenantScope.of("t"), running.id())).hasValue(false);
        assertThat(store.renew(running.id(), "w", LEASE).orElseThrow().cancelRequested()).isTrue();
        assertThat(store.cancel(TenantScope.of("other"), running.id())).isEmpty();
    }

    @BothDatabases
    void stalled_foundAndEndedByHousekeeper(Database db) {
        CrawlStore store = new CrawlStore(db, clock);
        CrawlRecord r = create(store, null);
        store.acquire(r.id(), "w", LEASE);
        clock.advance(Duration.ofMinutes(11));
        Instant cutoff = clock.instant().minus(Duration.ofMinutes(10));
        assertThat(store.stalledSince(cutoff)).extracting(CrawlRecord::id).contains(r.id());
        assertThat(store.failStalled(r.id(), cutoff, "no progress for 10 minutes", CrawlCounts.ZERO)).isTrue();
        CrawlRecord end = store.get(r.id()).orElseThrow();
        assertThat(end.state()).isEqualTo(CrawlState.FAILED);
        assertThat(end.reason()).isEqualTo(CrawlReason.STALLED);
    }

    @BothDatabases
    void list_newestFirstPerTenant(Database db) {
        CrawlStore store = new CrawlStore(db, clock);
        String owner = "lister-" + db.dialect().name().toLowerCase(java.util.Locale.ROOT);
        CrawlRecord first = create(store, owner);
        clock.advance(Duration.ofMillis(5));
        CrawlRecord second = create(store, owner);
        clock.advance(Duration.ofMillis(5));
        CrawlRecord third = create(store, owner);
        var page1 = store.list(TenantScope.of(owner), ListQuery.first(2));
        assertThat(page1.items()).extracting(CrawlRecord::id).containsExactly(third.id(), second.id());
        var page2 = store.list(TenantScope.of(owner), new ListQuery(2, page1.nextCursor()));
        assertThat(page2.items()).extracting(CrawlRecord::id).containsExactly(first.id());
        assertThat(page2.hasMore()).isFalse();
    }
}
