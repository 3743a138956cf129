package io.pagelens.jobs;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.store.BothDatabases;
import io.pagelens.store.Database;
import io.pagelens.store.DatabaseSuite;
import org.junit.jupiter.api.AfterEach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Workers against the real queue: retries, cancellation, graceful shutdown, crash recovery. */
class WorkerPoolIT extends DatabaseSuite {
    private static final WorkerPool.Settings FAST = new WorkerPool.Settings(2, Duration.ofMillis(600), Duration.ofMillis(100),
            new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)), WorkerPool.Settings.DEFAULT_RETENTION);
    final List<WorkerPool> pools = new ArrayList<>();
    final Clock clock = Clock.systemUTC();
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    @AfterEach
    void stopPools() {
        pools.forEach(WorkerPool::close);
        pools.clear();
    }

    private record Fn(String kind, Body body) implements JobHandler {
        interface Body {
            String run(Job job) throws JobFailure, InterruptedException;
        }

        @Override
        public String run(Job job, JobContext ctx) throws JobFailure, InterruptedException {
            ctx.progress("working");
            return body.run(job);
        }
    }

    private JobService service(Database db, JobHandler... handlers) {
        JobStore store = new JobStore(db, clock);
        JobEvents events = new JobEvents();
        WorkerPool pool = new WorkerPool(store, events, List.of(handlers), new FollowUps(store, events, List.of(handlers), clock), FAST, clock, metrics).start();
        pools.add(pool);
        return new JobService(store, events, pool, new FollowUps(store, events, List.of(handlers), clock), 100, clock);
    }

    private static String kind() {
        return "k" + System.nanoTime();
    }

    private static Job awaitEnd(JobService s, Job j) throws InterruptedException {
        return s.await(j.id(), Instant.now().plusSeconds(20));
    }

    @BothDatabases
    void runsAJob_andStoresItsResult(Database db) throws Exception {
        String k = kind();
        JobService s = service(db, new Fn(k, j -> "{\"echo\":" + j.payload() + "}"));
        Job done = awaitEnd(s, s.submit(NewJob.of(k, JobPriority.NORMAL, "42", 1)));
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.result()).isEqualTo("{\"echo\":42}");
    }

    @BothDatabases
    void retryableFailure_isRetriedWithBackoff_untilItSucceeds(Database db) throws Exception {
        String k = kind();
        AtomicInteger calls = new AtomicInteger();
        JobService s = service(db, new Fn(k, j -> {
            if (calls.incrementAndGet() < 3) throw new JobFailure("flaky", "try again", true);
            return null;
        }));
        Job done = awaitEnd(s, s.submit(NewJob.of(k, JobPriority.NORMAL, "{}", 5)));
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(3);
        assertThat(Duration.between(done.createdAt(), done.finishedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @BothDatabases
    void failures_stopAtMaxAttempts_andPermanentOnesAtOnce(Database db) throws Exception {
        String k = kind();
        JobService s = service(db, new Fn(k, j -> {
            throw new JobFailure(j.payload().equals("\"p\"") ? "bad" : "flaky", "no", !j.payload().equals("\"p\""));
        }));
        Job retried = awaitEnd(s, s.submit(NewJob.of(k, JobPriority.NORMAL, "\"r\"", 2)));
        assertThat(retried.state()).isEqualTo(JobState.FAILED);
        assertThat(retried.attempts()).isEqualTo(2);
        Job permanent = awaitEnd(s, s.submit(NewJob.of(k, JobPriority.NORMAL, "\"p\"", 5)));
        assertThat(permanent.state()).isEqualTo(JobState.FAILED);
        assertThat(permanent.attempts()).isEqualTo(1);
        assertThat(permanent.errorCode()).isEqualTo("bad");
    }

    private record Blocked(JobService service, Job job) {
    }

    /** A job whose handler sleeps until interrupted, once it has started running. */
    private Blocked startBlockingJob(Database db) throws InterruptedException {
        String k = kind();
        CountDownLatch started = new CountDownLatch(1);
        JobService s = service(db, new Fn(k, j -> {
            started.countDown();
            Thread.sleep(60_000);
            return null;
        }));
        Job j = s.submit(NewJob.of(k, JobPriority.NORMAL, "{}", 3));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        return new Blocked(s, j);
    }

    @BothDatabases
    void cancel_stopsARunningJob(Database db) throws Exception {
        Blocked b = startBlockingJob(db);
        JobService s = b.service();
        Job j = b.job();
        s.cancel(j.id());
        Job done = awaitEnd(s, j);
        assertThat(done.state()).isEqualTo(JobState.CANCELLED);
    }

    @BothDatabases
    void shutdown_letsARunningJobFinishWithinTheGrace(Database db) throws Exception {
        String k = kind();
        CountDownLatch started = new CountDownLatch(1);
        JobService s = service(db, new Fn(k, j -> {
            started.countDown();
            Thread.sleep(500);
            return "{\"finished\":true}";
        }));
        Job j = s.submit(NewJob.of(k, JobPriority.NORMAL, "{}", 3));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        pools.getFirst().shutdown(Duration.ofSeconds(10));
        Job after = s.get(j.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(metrics.counter("pagelens.jobs.finished", "kind", k, "outcome", "succeeded").count()).isEqualTo(1);
    }

    @BothDatabases
    void shutdown_requeuesWhatDidNotFinishInTime(Database db) throws Exception {
        Blocked b = startBlockingJob(db);
        JobService s = b.service();
        Job j = b.job();
        pools.getFirst().shutdown(Duration.ofMillis(200));
        Job after = s.get(j.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(JobState.QUEUED);
        assertThat(after.attempts()).isZero();
    }

    @BothDatabases
    void jobOfACrashedWorker_completesInTheNextProcess(Database db) throws Exception {
        Blocked b = startBlockingJob(db);
        JobService first = b.service();
        String k = b.job().kind();
        Job j = b.job();
        pools.getFirst().abandon(); // as kill -9: the row stays 'running' with a lease nobody renews
        assertThat(first.get(j.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);

        JobService second = service(db, new Fn(k, job -> "{\"second\":true}"));
        Job done = awaitEnd(second, j);
        assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.result()).isEqualTo("{\"second\":true}");
    }

    /** Answers every ended job of its kind with a follow-up job naming the state it ended in (as webhooks do). */
    private record Notifying(String kind) implements JobHandler {
        @Override
        public String run(Job job, JobContext ctx) {
            return null;
        }

        @Override
        public Optional<NewJob> followUp(Job finished) {
            return Optional.of(NewJob.of(kind + "-note", JobPriority.NORMAL, "\"" + finished.state().id() + "\"", 1).withParent(finished.id()));
        }
    }

    private static List<String> followUpsOf(JobStore store, Job j, Duration max) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        while (store.children(j.id()).isEmpty() && System.nanoTime() < until) Thread.sleep(50);
        return store.children(j.id()).stream().map(Job::payload).toList();
    }

    @BothDatabases
    void cancelWhileQueued_enqueuesTheFollowUpOnce(Database db) throws Exception {
        JobStore store = new JobStore(db, clock);
        JobEvents events = new JobEvents();
        String k = kind();
        JobService s = new JobService(store, events, null, new FollowUps(store, events, List.of(new Notifying(k)), clock), 100, clock);
        Job j = s.submit(NewJob.of(k, JobPriority.NORMAL, "{}", 1)); // no worker here: it stays queued
        assertThat(s.cancel(j.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        s.cancel(j.id());
        assertThat(store.children(j.id())).extracting(Job::payload).containsExactly("\"cancelled\"");
    }

    @BothDatabases
    void cancelledJobOfACrashedWorker_getsItsFollowUpFromTheNextProcess(Database db) throws Exception {
        Blocked b = startBlockingJob(db);
        Job j = b.job();
        pools.getFirst().abandon(); // as kill -9, after the cancel request reached the database only
        b.service().cancel(j.id());
        JobService second = service(db, new Notifying(j.kind()));
        assertThat(awaitEnd(second, j).state()).isEqualTo(JobState.CANCELLED);
        assertThat(followUpsOf(second.store(), j, Duration.ofSeconds(5))).containsExactly("\"cancelled\"");
    }

    @BothDatabases
    void jobPastItsDeadline_isNotStarted(Database db) throws Exception {
        String k = kind();
        AtomicInteger calls = new AtomicInteger();
        JobService s = service(db, new Fn(k, j -> {
            calls.incrementAndGet();
            return null;
        }));
        Job done = awaitEnd(s, s.submit(NewJob.of(k, JobPriority.NORMAL, "{}", 3).withDeadline(Instant.now().minusSeconds(1))));
        assertThat(done.state()).isEqualTo(JobState.FAILED);
        assertThat(done.errorCode()).isEqualTo("deadline_exceeded");
        assertThat(calls).hasValue(0);
    }

    @BothDatabases
    void submit_refusesPastTheQueueLimit(Database db) {
        JobStore store = new JobStore(db, clock);
        JobEvents events = new JobEvents();
        JobService s = new JobService(store, events, null, new FollowUps(store, events, List.of(), clock), 2, clock);
        String k = kind(); // no worker runs it, so the jobs stay queued
        db.transaction(c -> c.createStatement().executeUpdate("DELETE FROM jobs WHERE state = 'queued'"));
        s.submit(NewJob.of(k, JobPriority.NORMAL, "{}", 1));
        s.submit(NewJob.of(k, JobPriority.NORMAL, "{}", 1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.submit(NewJob.of(k, JobPriority.NORMAL, "{}", 1)))
                .isInstanceOf(QueueFullException.class)
                .satisfies(e -> assertThat(((QueueFullException) e).retryAfter()).isGreaterThanOrEqualTo(Duration.ofSeconds(1)));
        db.transaction(c -> c.createStatement().executeUpdate("DELETE FROM jobs WHERE state = 'queued'"));
    }
}
