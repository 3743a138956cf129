package io.pagelens.monitor;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.jobs.FollowUps;
import io.pagelens.jobs.JobEvents;
import io.pagelens.jobs.JobService;
import io.pagelens.jobs.JobStore;
import io.pagelens.jobs.MutableClock;
import io.pagelens.store.BothDatabases;
import io.pagelens.store.Database;
import io.pagelens.store.DatabaseSuite;
import io.pagelens.store.ListQuery;
import io.pagelens.testing.LogCapture;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduler's SQL on SQLite and PostgreSQL, on an injected clock: one run per due time, coalescing, jitter, concurrency. */
class MonitorSchedulerIT extends DatabaseSuite {
    private static final MonitorSettings SETTINGS = new MonitorSettings(Duration.ofSeconds(1), Duration.ofMillis(50), Duration.ofSeconds(30), 10);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @BeforeEach
    void empty() {
        for (Database db : List.of(dbs.sqlite(), dbs.postgres())) {
            db.transaction(c -> c.createStatement().executeUpdate("DELETE FROM monitor_changes")
                    + c.createStatement().executeUpdate("DELETE FROM monitor_runs") + c.createStatement().executeUpdate("DELETE FROM monitors")
                    + c.createStatement().executeUpdate("DELETE FROM jobs"));
        }
    }

    private MonitorScheduler scheduler(Database db) {
        JobStore js = new JobStore(db, clock);
        JobEvents ev = new JobEvents();
        JobService jobs = new JobService(js, ev, null, new FollowUps(js, ev, List.of(), clock), 50, clock);
        return new MonitorScheduler(new MonitorStore(db, clock), jobs, SETTINGS, clock, new SimpleMeterRegistry());
    }

    private Monitor create(Database db, String interval) {
        MonitorSpec spec = new MonitorSpec(null, "http://127.0.0.1:1/page", null, null, interval, null, null, null, null, null, null,
                null, null, null, null);
        return new MonitorService(new MonitorStore(db, clock), null, SETTINGS).create(spec, null);
    }

    private static int count(Database db, String sql) {
        return db.read(c -> {
            try (var rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static void finishJobs(Database db) {
        db.transaction(c -> c.createStatement().executeUpdate("UPDATE jobs SET state = 'succeeded'"));
    }

    @BothDatabases
    void oneRunPerDueTime_andTheNextOneAnIntervalLater(Database db) {
        Monitor m = create(db, "30s");
        MonitorScheduler s = scheduler(db);
        clock.advance(Duration.ofMillis(m.jitterMs()));
        assertThat(s.tick()).isEqualTo(1);
        assertThat(s.tick()).isZero();
        assertThat(scheduler(db).tick()).isZero(); // another process's scheduler finds nothing either
        clock.advance(Duration.ofSeconds(30));
        assertThat(s.tick()).as("the first run is still queued: the next waits").isZero();
        finishJobs(db);
        assertThat(s.tick()).isEqualTo(1);
        List<MonitorRun> runs = new MonitorStore(db, clock).runs(m.id(), ListQuery.FIRST).items();
        assertThat(runs).extracting(MonitorRun::dueAt).containsExactly(m.nextDueAt().plusSeconds(30), m.nextDueAt());
        assertThat(runs).allSatisfy(r -> {
            assertThat(r.jobId()).isNotNull();
            assertThat(r.state()).isEqualTo("queued");
        });
        assertThat(count(db, "SELECT COUNT(*) FROM jobs WHERE kind = 'monitor.run' AND priority = 50")).isEqualTo(2);
    }

    @BothDatabases
    void missedDueTimes_areCoalescedIntoOneRun_andLogged(Database db) {
        Monitor m = create(db, "10s");
        MonitorScheduler s = scheduler(db);
        clock.advance(Duration.ofSeconds(95)); // down for 9 due times after the first
        try (LogCapture logs = new LogCapture()) {
            assertThat(s.tick()).isEqualTo(1);
            assertThat(logs.lines()).anyMatch(l -> l.contains("monitor runs coalesced") && l.contains("missed=9"));
        }
        MonitorRun r = new MonitorStore(db, clock).runs(m.id(), ListQuery.FIRST).items().getFirst();
        assertThat(r.coalesced()).isEqualTo(9);
        assertThat(r.dueAt()).isEqualTo(m.nextDueAt().plusSeconds(90));
        assertThat(new MonitorStore(db, clock).get(m.id()).orElseThrow().nextDueAt()).isEqualTo(m.nextDueAt().plusSeconds(100));
    }

    @BothDatabases
    void jitter_spreadsMonitorsOfOneSchedule(Database db) {
        Set<Long> fire = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Monitor m = create(db, "60s");
            assertThat(m.jitterMs()).isBetween(0L, 5_999L);
            fire.add(m.nextFireAt().toEpochMilli());
        }
        assertThat(fire).hasSizeGreaterThan(15);
        clock.advance(Duration.ofSeconds(3));
        int early = scheduler(db).tick();
        assertThat(early).isBetween(1, 19); // some fired, not all
    }

    @BothDatabases
    void pausedMonitors_areNotEnqueued(Database db) {
        Monitor m = create(db, "10s");
        MonitorService svc = new MonitorService(new MonitorStore(db, clock), null, SETTINGS);
        svc.update(m, io.pagelens.json.Jackson.MAPPER.createObjectNode().put("enabled", false));
        clock.advance(Duration.ofMinutes(5));
        assertThat(scheduler(db).tick()).isZero();
    }

    @BothDatabases
    void concurrentSchedulers_enqueueEachDueTimeOnce(Database db) throws Exception {
        List<Monitor> ms = new ArrayList<>();
        for (int i = 0; i < 30; i++) ms.add(create(db, "10s"));
        List<Integer> counts = new CopyOnWriteArrayList<>();
        for (int round = 0; round < 3; round++) {
            clock.advance(Duration.ofSeconds(10));
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> ts = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                MonitorScheduler s = scheduler(db);
                ts.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                        counts.add(s.tick());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            go.countDown();
            for (Thread t : ts) t.join();
            finishJobs(db);
        }
        int runs = count(db, "SELECT COUNT(*) FROM monitor_runs");
        assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(runs);
        assertThat(runs).isEqualTo(30 * 3);
        assertThat(count(db, "SELECT COUNT(*) FROM jobs WHERE kind = 'monitor.run'")).isEqualTo(runs);
        assertThat(count(db, "SELECT COUNT(*) FROM (SELECT monitor_id, due_at FROM monitor_runs GROUP BY monitor_id, due_at) x")).isEqualTo(runs);
    }
}
