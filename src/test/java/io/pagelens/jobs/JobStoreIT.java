package io.pagelens.jobs;

import io.pagelens.store.BothDatabases;
import io.pagelens.store.Database;
import io.pagelens.store.DatabaseSuite;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue's SQL on SQLite and on the real PostgreSQL. */
class JobStoreIT extends DatabaseSuite {
    private static final Duration LEASE = Duration.ofSeconds(30);
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @BeforeEach
    void emptyQueue() {
        for (Database db : List.of(dbs.sqlite(), dbs.postgres())) {
            db.transaction(c -> c.createStatement().executeUpdate("DELETE FROM jobs"));
        }
    }

    private static NewJob job(JobPriority p, String payload) {
        return NewJob.of("test", p, payload, 3);
    }

    @BothDatabases
    void claim_takesInteractiveBeforeCrawl_thenOldestFirst(Database db) {
        JobStore store = new JobStore(db, clock);
        store.enqueue(job(JobPriority.CRAWL, "crawl"));
        clock.advance(Duration.ofMillis(1));
        store.enqueue(job(JobPriority.NORMAL, "normal-1"));
        clock.advance(Duration.ofMillis(1));
        store.enqueue(job(JobPriority.INTERACTIVE, "interactive"));
        clock.advance(Duration.ofMillis(1));
        store.enqueue(job(JobPriority.NORMAL, "normal-2"));

        List<String> order = new ArrayList<>();
        Optional<Job> j;
        while ((j = store.claim("w1", LEASE)).isPresent()) order.add(j.get().payload());
        assertThat(order).containsExactly("interactive", "normal-1", "normal-2", "crawl");
    }

    @BothDatabases
    void claim_marksRunningWithLeaseAndCountsTheAttempt(Database db) {
        JobStore store = new JobStore(db, clock);
        Job queued = store.enqueue(job(JobPriority.NORMAL, "x"));
        assertThat(queued.state()).isEqualTo(JobState.QUEUED);
        Job running = store.claim("w1", LEASE).orElseThrow();
        assertThat(running.id()).isEqualTo(queued.id());
        assertThat(running.state()).isEqualTo(JobState.RUNNING);
        assertThat(running.attempts()).isEqualTo(1);
        assertThat(running.worker()).isEqualTo("w1");
        assertThat(running.leaseUntil()).isEqualTo(clock.instant().plus(LEASE));
        assertThat(store.claim("w2", LEASE)).isEmpty();
        assertThat(store.succeed(running, "{\"ok\":true}")).isTrue();
        assertThat(store.get(queued.id()).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
    }

    @BothDatabases
    void concurrentClaimers_neverShareAJob(Database db) throws Exception {
        JobStore store = new JobStore(db, clock);
        int jobs = 40;
        for (int i = 0; i < jobs; i++) store.enqueue(job(JobPriority.NORMAL, "j" + i));
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        List<String> duplicates = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            String worker = "w" + t;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    go.await();
                    Optional<Job> j;
                    while ((j = store.claim(worker, LEASE)).isPresent()) {
                        if (!claimed.add(j.get().id())) duplicates.add(j.get().id());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) t.join(Duration.ofSeconds(60));
        assertThat(duplicates).isEmpty();
        assertThat(claimed).hasSize(jobs);
    }

    @BothDatabases
    void retry_isNotClaimedBeforeItsBackoffEnds(Database db) {
        JobStore store = new JobStore(db, clock);
        store.enqueue(job(JobPriority.NORMAL, "x"));
        Job first = store.claim("w1", LEASE).orElseThrow();
        assertThat(store.retry(first, "boom", "failed once", Duration.ofSeconds(10))).isTrue();
        assertThat(store.claim("w1", LEASE)).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        Job second = store.claim("w1", LEASE).orElseThrow();
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.errorCode()).isEqualTo("boom");
    }

    @BothDatabases
    void expiredLease_goesBackToTheQueue_andTheOldWorkerCannotFinishIt(Database db) {
        JobStore store = new JobStore(db, clock);
        store.enqueue(job(JobPriority.NORMAL, "x"));
        Job dead = store.claim("dead-worker", LEASE).orElseThrow();
        assertThat(store.reapExpiredLeases().total()).isZero();
        clock.advance(LEASE.plusMillis(1));
        assertThat(store.reapExpiredLeases()).isEqualTo(new JobStore.Reaped(1, List.of()));
        Job again = store.claim("w2", LEASE).orElseThrow();
        assertThat(again.id()).isEqualTo(dead.id());
        assertThat(again.attempts()).isEqualTo(2);
        assertThat(store.succeed(dead, "{}")).as("stale worker").isFalse();
        assertThat(store.renew(dead, LEASE)).isEmpty();
        assertThat(store.succeed(again, "{}")).isTrue();
    }

    @BothDatabases
    void expiredLease_withoutAttemptsLeft_fails(Database db) {
        JobStore store = new JobStore(db, clock);
        store.enqueue(NewJob.of("test", JobPriority.NORMAL, "x", 1));
        Job j = store.claim("dead", LEASE).orElseThrow();
        clock.advance(LEASE.plusSeconds(1));
        assertThat(store.reapExpiredLeases()).isEqualTo(new JobStore.Reaped(0, List.of(j.id())));
        Job after = store.get(j.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(JobState.FAILED);
        assertThat(after.errorCode()).isEqualTo("lease_expired");
    }

    @BothDatabases
    void cancel_endsAQueuedJobAtOnce_andFlagsARunningOne(Database db) {
        JobStore store = new JobStore(db, clock);
        Job queued = store.enqueue(job(JobPriority.NORMAL, "q"));
        assertThat(store.cancel(queued.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        assertThat(store.claim("w", LEASE)).isEmpty();

        store.enqueue(job(JobPriority.NORMAL, "r"));
        Job running = store.claim("w", LEASE).orElseThrow();
        Job flagged = store.cancel(running.id()).orElseThrow();
        assertThat(flagged.state()).isEqualTo(JobState.RUNNING);
        assertThat(flagged.cancelRequested()).isTrue();
        assertThat(store.renew(running, LEASE).orElseThrow().cancelRequested()).isTrue();
        assertThat(store.cancelled(running)).isTrue();
        assertThat(store.get(running.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        assertThat(store.cancel("job_missing")).isEmpty();
    }

    @BothDatabases
    void cancelQueued_saysWhetherThisCallEndedTheJob(Database db) {
        JobStore store = new JobStore(db, clock);
        Job queued = store.enqueue(job(JobPriority.NORMAL, "q"));
        assertThat(store.cancelQueued(queued.id())).isTrue();
        assertThat(store.cancelQueued(queued.id())).as("already cancelled: its webhook must not go out twice").isFalse();
        assertThat(store.requestCancel(queued.id())).as("not running").isFalse();

        store.enqueue(job(JobPriority.NORMAL, "r"));
        Job running = store.claim("w", LEASE).orElseThrow();
        assertThat(store.cancelQueued(running.id())).isFalse();
        assertThat(store.requestCancel(running.id())).isTrue();
        assertThat(store.get(running.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
    }

    @BothDatabases
    void purge_deletesOnlyJobsThatEndedBeforeTheCutoff(Database db) {
        JobStore store = new JobStore(db, clock);
        store.enqueue(job(JobPriority.NORMAL, "old"));
        Job old = store.claim("w", LEASE).orElseThrow();
        store.succeed(old, null);
        clock.advance(Duration.ofDays(8));
        Job queued = store.enqueue(job(JobPriority.NORMAL, "waiting"));
        store.enqueue(job(JobPriority.NORMAL, "recent"));
        Job recent = store.claim("w", LEASE).orElseThrow();
        store.fail(recent, "x", "y");
        assertThat(store.purgeFinished(clock.instant().minus(Duration.ofDays(7)))).isEqualTo(1);
        assertThat(store.get(old.id())).isEmpty();
        assertThat(store.get(recent.id())).isPresent();
        assertThat(store.get(queued.id())).isPresent();
    }

    @BothDatabases
    void requeue_givesTheAttemptBack(Database db) {
        JobStore store = new JobStore(db, clock);
        store.enqueue(job(JobPriority.NORMAL, "x"));
        Job j = store.claim("w", LEASE).orElseThrow();
        assertThat(store.requeue(j)).isTrue();
        Job back = store.get(j.id()).orElseThrow();
        assertThat(back.state()).isEqualTo(JobState.QUEUED);
        assertThat(back.attempts()).isZero();
        assertThat(store.queued()).isEqualTo(1);
    }
}
