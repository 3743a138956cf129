package io.pagelens.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What the API asks of the queue: submit within the queue limit, wait for a job with a deadline, cancel.
 * The limit counts queued jobs in the store, so a full queue answers 429 before any work is stored.
 */
public final class JobService {
    /** Queued jobs past which submissions are refused; <b>50</b> by default. */
    public static final int DEFAULT_QUEUE_LIMIT = 50;
    /** How often a waiter re-reads the store, for jobs run by another process. */
    private static final Duration POLL = Duration.ofMillis(500);
    /** The same when a cross-process bus brings the worker's events: only a safety net for a lost one. */
    private static final Duration BUS_POLL = Duration.ofSeconds(5);

    private final JobStore store;
    private final JobEvents events;
    private final WorkerPool workers; // null in a web-only process
    private final FollowUps followUps;
    private final int queueLimit;
    private final Clock clock;

    /** @param followUps enqueues a job's webhook when it is cancelled before a worker ran it */
    public JobService(JobStore store, JobEvents events, WorkerPool workers, FollowUps followUps, int queueLimit, Clock clock) {
        if (queueLimit < 0) throw new IllegalArgumentException("queueLimit must not be negative, was " + queueLimit);
        this.store = store;
        this.events = events;
        this.workers = workers;
        this.followUps = followUps;
        this.queueLimit = queueLimit;
        this.clock = clock;
    }

    public JobStore store() {
        return store;
    }

    public JobEvents events() {
        return events;
    }

    public int queueLimit() {
        return queueLimit;
    }

    /** Enqueues {@code n}, or throws {@link QueueFullException} when the queue is at its limit. */
    public Job submit(NewJob n) {
        int depth = store.queued();
        if (depth >= queueLimit) throw new QueueFullException(queueLimit, retryAfter(depth));
        Job j = store.enqueue(n);
        events.publish(new JobEvent(j.id(), "queued", JobState.QUEUED, 0, null, clock.instant()));
        return j;
    }

    /** How long the queue ahead should take to drain, for Retry-After: at least 1 s, at most 2 min. */
    Duration retryAfter(int depth) {
        int w = workers == null ? 1 : workers.workers();
        long avg = workers == null ? 3000 : workers.averageJobTime().toMillis();
        long ms = depth * avg / Math.max(1, w);
        return Duration.ofMillis(Math.clamp(ms, 1000, 120_000));
    }

    public Optional<Job> get(String id) {
        return store.get(id);
    }

    /** Jobs newest first, a page at a time; see {@link JobStore#list}. */
    public io.pagelens.store.Listing<Job> list(String visibleTo, java.util.Set<JobState> states, io.pagelens.store.ListQuery query) {
        return store.list(visibleTo, states, query);
    }

    /** As {@link #list(String, java.util.Set, io.pagelens.store.ListQuery)}, of the jobs of {@code scope}'s tenant(s) too. */
    public io.pagelens.store.Listing<Job> list(String visibleTo, io.pagelens.store.TenantScope scope, java.util.Set<JobState> states,
                                               io.pagelens.store.ListQuery query) {
        return store.list(visibleTo, scope, states, query);
    }

    /**
     * Waits until the job reaches a final state or {@code deadline} passes, and returns it as stored then
     * (possibly still queued or running).
     */
    public Job await(String id, Instant deadline) throws InterruptedException {
        Semaphore changed = new Semaphore(0);
        try (JobEvents.Subscription sub = events.subscribe(id, e -> changed.release())) {
            while (true) {
                Job j = store.get(id).orElseThrow(() -> new IllegalArgumentException("no job " + id));
                long left = Duration.between(clock.instant(), deadline).toMillis();
                if (j.state().terminal() || left <= 0) return j;
                long poll = (events.bus().crossProcess() ? BUS_POLL : POLL).toMillis();
                changed.tryAcquire(Math.min(left, poll), TimeUnit.MILLISECONDS);
                changed.drainPermits();
            }
        }
    }

    /**
     * Cancels the job: a queued one at once (and its webhook goes out), a running one is stopped by its
     * worker, which sends the webhook.
     */
    public Optional<Job> cancel(String id) {
        boolean endedHere = store.cancelQueued(id);
        if (!endedHere) store.requestCancel(id);
        Optional<Job> j = store.get(id);
        j.ifPresent(job -> {
            if (endedHere) {
                events.publish(new JobEvent(id, "cancelled", JobState.CANCELLED, job.attempts(), "cancelled by request", clock.instant()));
                followUps.after(id);
            } else if (job.state() == JobState.RUNNING && workers != null) {
                workers.cancelLocal(id);
            }
        });
        return j;
    }
}
