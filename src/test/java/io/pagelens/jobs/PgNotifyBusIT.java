package io.pagelens.jobs;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.store.Database;
import io.pagelens.store.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two "processes" on one PostgreSQL database, each with its own LISTEN connection: a job queued by the web side wakes
 * the other side's idle worker (whose own poll is a minute away) and its progress and end come back as events.
 */
class PgNotifyBusIT {
    final TestDatabases dbs = new TestDatabases();
    final Clock clock = Clock.systemUTC();
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    EventBus webBus;
    EventBus workerBus;
    WorkerPool pool;

    @AfterEach
    void stop() {
        if (pool != null) pool.close();
        if (webBus != null) webBus.close();
        if (workerBus != null) workerBus.close();
        dbs.close();
    }

    @Test
    void aJobQueuedOnTheWebSide_wakesTheIdleWorkerElsewhere_andItsProgressComesBack() throws Exception {
        Database db = dbs.postgres();
        Database workerDb = Database.open(db.url(), io.pagelens.store.DatabaseSettings.DEFAULTS); // a pool of its own, as another process has
        wakesAndCarriesProgress(db, workerDb, new PgNotifyBus(db, metrics), new PgNotifyBus(workerDb, metrics));
    }

    @Test
    void overRedisPubSub_theSame() throws Exception {
        Database db = dbs.postgres();
        Database workerDb = Database.open(db.url(), io.pagelens.store.DatabaseSettings.DEFAULTS);
        io.pagelens.redis.RedisSettings rs = new io.pagelens.redis.RedisSettings(java.net.URI.create("redis://127.0.0.1:6379"), true);
        String prefix = "pagelens-test-" + java.util.UUID.randomUUID() + ":";
        try (io.pagelens.redis.Redis web = new io.pagelens.redis.Redis(rs, metrics); io.pagelens.redis.Redis worker = new io.pagelens.redis.Redis(rs, metrics)) {
            wakesAndCarriesProgress(db, workerDb, new io.pagelens.redis.RedisEventBus(web, prefix), new io.pagelens.redis.RedisEventBus(worker, prefix));
        }
    }

    private void wakesAndCarriesProgress(Database db, Database workerDb, EventBus webSide, EventBus workerSide) throws Exception {
        try {
            webBus = webSide;
            workerBus = workerSide;
            JobEvents webEvents = new JobEvents(webBus);
            JobEvents workerEvents = new JobEvents(workerBus);
            JobHandler h = new JobHandler() {
                @Override
                public String kind() {
                    return "notify-test";
                }

                @Override
                public String run(Job job, JobContext ctx) {
                    ctx.progress("step one");
                    ctx.progress("step two");
                    return "{\"ok\":true}";
                }
            };
            JobStore workerStore = new JobStore(workerDb, clock);
            // poll once a minute: only a notification can start the job within the test
            WorkerPool.Settings slow = new WorkerPool.Settings(1, Duration.ofSeconds(10), Duration.ofSeconds(60),
                    Backoff.DEFAULT, WorkerPool.Settings.DEFAULT_RETENTION);
            pool = new WorkerPool(workerStore, workerEvents, List.of(h), new FollowUps(workerStore, workerEvents, List.of(h), clock),
                    slow, clock, metrics).start();
            awaitListening(webEvents, workerEvents);

            JobStore webStore = new JobStore(db, clock);
            JobService web = new JobService(webStore, webEvents, null, new FollowUps(webStore, webEvents, List.of(), clock), 100, clock);
            List<String> seen = new CopyOnWriteArrayList<>();
            Job j = webStore.enqueue(NewJob.of("notify-test", JobPriority.NORMAL, "{}", 1));
            try (JobEvents.Subscription sub = webEvents.subscribe(j.id(), e -> seen.add(e.type() + ":" + e.detail()))) {
                webEvents.publish(new JobEvent(j.id(), "queued", JobState.QUEUED, 0, null, clock.instant()));
                Job done = web.await(j.id(), Instant.now().plusSeconds(20));
                assertThat(done.state()).as("woken by the notification, not by its minute poll").isEqualTo(JobState.SUCCEEDED);
                long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (!seen.contains("succeeded:null") && System.nanoTime() < until) Thread.sleep(20);
            }
            assertThat(seen).as("the web side saw the worker's events, its own once")
                    .containsSubsequence("queued:null", "progress:step one", "progress:step two", "succeeded:null")
                    .filteredOn(s -> s.startsWith("queued")).hasSize(1);
        } finally {
            if (pool != null) pool.close();
            pool = null;
            if (workerBus != null) workerBus.close();
            workerDb.close();
        }
    }

    @Test
    void codec_roundTripsAnEvent_andCutsLongDetails() {
        JobEvent e = new JobEvent("job_1", "progress", JobState.RUNNING, 2, "x".repeat(5000), Instant.ofEpochMilli(1234));
        JobEventCodec.Message m = JobEventCodec.decode(JobEventCodec.encode("me", e)).orElseThrow();
        assertThat(m.origin()).isEqualTo("me");
        assertThat(m.event().detail()).hasSize(JobEventCodec.MAX_DETAIL);
        assertThat(m.event()).usingRecursiveComparison().ignoringFields("detail").isEqualTo(e);
        assertThat(JobEventCodec.decode("{\"other\":1}")).isEmpty();
        assertThat(JobEventCodec.decode("not json")).isEmpty();
    }

    /** Both listeners hold their LISTEN once a probe sent by each side has arrived on the other. */
    private void awaitListening(JobEvents web, JobEvents worker) throws InterruptedException {
        LinkedBlockingQueue<JobEvent> atWeb = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<JobEvent> atWorker = new LinkedBlockingQueue<>();
        try (JobEvents.Subscription a = web.subscribe("probe-web", atWeb::add);
             JobEvents.Subscription b = worker.subscribe("probe-worker", atWorker::add)) {
            for (int i = 0; i < 200 && (atWeb.isEmpty() || atWorker.isEmpty()); i++) {
                workerBus.send(new JobEvent("probe-web", "progress", JobState.RUNNING, 0, null, Instant.now()));
                webBus.send(new JobEvent("probe-worker", "progress", JobState.RUNNING, 0, null, Instant.now()));
                Thread.sleep(50);
            }
            assertThat(atWeb).as("the web side listens").isNotEmpty();
            assertThat(atWorker).as("the worker side listens").isNotEmpty();
        }
    }
}
