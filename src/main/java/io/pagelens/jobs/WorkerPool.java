package io.pagelens.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pagelens.observe.MeterNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Workers that claim jobs from the {@link JobStore} and run them, each on its own virtual thread. One
 * housekeeper thread renews the leases of running jobs (and notices cancel requests made through another
 * process) and puts jobs of dead workers back in the queue. Runs in the web process by default; a
 * {@code --role worker} process would run only this.
 */
public final class WorkerPool implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

    /**
     * @param workers jobs run at once by this process (captures are further bounded by memory admission)
     * @param lease   how long a claimed job stays ours without renewal; renewed every third of it
     * @param poll      how often idle workers look for due jobs (enqueues in this process wake them at once)
     * @param retention finished jobs are deleted this long after they ended
     */
    public record Settings(int workers, Duration lease, Duration poll, Backoff backoff, Duration retention) {
        public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
        public static final Settings DEFAULTS = new Settings(2, Duration.ofSeconds(60), Duration.ofSeconds(1), Backoff.DEFAULT, DEFAULT_RETENTION);

        public Settings {
            if (retention.isNegative() || retention.isZero()) throw new IllegalArgumentException("retention must be positive, was " + retention);
            if (workers < 1 || workers > 64) throw new IllegalArgumentException("workers must be between 1 and 64, was " + workers);
            if (lease.toMillis() < 300) throw new IllegalArgumentException("lease must be at least 300 ms, was " + lease);
            if (poll.isNegative() || poll.isZero()) throw new IllegalArgumentException("poll must be positive");
        }
    }

    /**
     * A job running here. Interrupts reach its thread only while the handler runs: an interrupt during the
     * worker's own queue updates would break their JDBC call and leave the row as it was.
     */
    private record Running(Job job, Thread thread, AtomicBoolean cancel, AtomicBoolean lost, AtomicBoolean inHandler) {
        synchronized void interrupt() {
            if (inHandler.get()) thread.interrupt();
        }

        /** Called by the worker thread when the handler returns or throws; clears an interrupt that raced it. */
        synchronized void leaveHandler() {
            inHandler.set(false);
            Thread.interrupted();
        }
    }

    private final JobStore store;
    private final JobEvents events;
    private final Map<String, JobHandler> handlers;
    private final Settings settings;
    private final Clock clock;
    private final String instance = "w-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private Thread housekeeper;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Runnable wake = this::wakeAll;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile double avgJobMillis = 3000;
    private final MeterRegistry metrics;
    private final FollowUps followUps;
    private final Duration idlePoll;
    /** Idle poll when a cross-process bus wakes workers: only a safety net for a lost notification, not a storm. */
    static final Duration BUS_POLL = Duration.ofSeconds(5);

    /** @param metrics where {@code pagelens.jobs.finished} (by kind and outcome) goes */
    public WorkerPool(JobStore store, JobEvents events, List<JobHandler> handlers, FollowUps followUps, Settings settings,
                      Clock clock, MeterRegistry metrics) {
        this.metrics = metrics;
        this.store = store;
        this.events = events;
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(JobHandler::kind, Function.identity()));
        this.settings = settings;
        this.clock = clock;
        this.followUps = followUps;
        this.idlePoll = events.bus().crossProcess() && settings.poll().compareTo(BUS_POLL) < 0 ? BUS_POLL : settings.poll();
    }

    public WorkerPool start() {
        if (!started.compareAndSet(false, true)) throw new IllegalStateException("worker pool already started");
        events.onWork(wake);
        reap();
        for (int i = 0; i < settings.workers(); i++) {
            String name = instance + "-" + i;
            threads.add(Thread.ofVirtual().name("job-worker-" + i).start(() -> loop(name)));
        }
        housekeeper = Thread.ofVirtual().name("job-housekeeper").start(this::housekeep);
        threads.add(housekeeper);
        log.atInfo().addKeyValue("instance", instance).addKeyValue("workers", settings.workers())
                .addKeyValue("leaseMs", settings.lease().toMillis()).addKeyValue("events", events.bus().describe())
                .addKeyValue("idlePollMs", idlePoll.toMillis()).log("workers started");
        return this;
    }

    public int workers() {
        return settings.workers();
    }

    /** Jobs running in this process now. */
    public int active() {
        return running.size();
    }

    /** Smoothed run time of recent jobs, for Retry-After estimates. */
    public Duration averageJobTime() {
        return Duration.ofMillis((long) avgJobMillis);
    }

    /** Stops a job running in this process at once; the store's cancel flag covers other processes. */
    public void cancelLocal(String jobId) {
        Running r = running.get(jobId);
        if (r != null && r.cancel().compareAndSet(false, true)) r.interrupt();
    }

    private void wakeAll() {
        lock.lock();
        try {
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop(String worker) {
        while (!stopping.get()) {
            try {
                Optional<Job> job = store.claim(worker, settings.lease());
                if (job.isPresent()) {
                    run(job.get());
                    continue;
                }
                lock.lock();
                try {
                    if (!stopping.get()) work.await(idlePoll.toMillis(), TimeUnit.MILLISECONDS);
                } finally {
                    lock.unlock();
                }
            } catch (InterruptedException e) {
                if (stopping.get()) return;
            } catch (RuntimeException e) {
                // the database may be briefly unreachable; back off instead of spinning
                log.atWarn().addKeyValue("worker", worker).addKeyValue("error", e.getMessage()).log("worker error");
                sleepQuietly(settings.poll());
            }
        }
    }

    private void run(Job job) {
        long t0 = System.nanoTime();
        Running r = new Running(job, Thread.currentThread(), new AtomicBoolean(job.cancelRequested()), new AtomicBoolean(),
                new AtomicBoolean());
        running.put(job.id(), r);
        try {
            publish(job, "running", JobState.RUNNING, "attempt " + job.attempts() + " of " + job.maxAttempts());
            if (job.deadlineAt() != null && !clock.instant().isBefore(job.deadlineAt())) {
                finishFailed(job, new JobFailure("deadline_exceeded", "the request deadline passed while the job waited in the queue", false));
                return;
            }
            if (r.cancel().get()) {
                finishCancelled(job);
                return;
            }
            JobHandler h = handlers.get(job.kind());
            if (h == null) {
                finishFailed(job, new JobFailure("no_handler", "no worker here runs jobs of kind '" + job.kind() + "'", false));
                return;
            }
            String result;
            r.inHandler().set(true);
            try {
                result = h.run(job, step -> publish(job, "progress", JobState.RUNNING, step));
            } finally {
                r.leaveHandler(); // a cancel that came after the work finished does not undo it
            }
            if (r.lost().get()) return;
            if (store.succeed(job, result)) {
                publish(job, "succeeded", JobState.SUCCEEDED, null);
                followUps.after(job.id());
            } else {
                log.atWarn().addKeyValue("job", job.id()).addKeyValue("reason", "lease_taken_before_success").log("job lost");
            }
        } catch (JobFailure f) {
            if (r.lost().get()) return;
            if (r.cancel().get()) finishCancelled(job);
            else if (stopping.get() && "cancelled".equals(f.code())) requeue(job);
            else finishFailed(job, f);
        } catch (InterruptedException e) {
            if (r.cancel().get()) finishCancelled(job);
            else if (!r.lost().get()) requeue(job);
        } catch (RuntimeException e) {
            if (r.lost().get()) return;
            log.atError().addKeyValue("job", job.id()).addKeyValue("kind", job.kind()).setCause(e).log("job crashed");
            finishFailed(job, new JobFailure("internal", "internal error while running the job; see the server log", false, e));
        } finally {
            running.remove(job.id());
            long took = System.nanoTime() - t0;
            Timer.builder(MeterNames.JOBS_RUN).tag("kind", job.kind()).register(metrics).record(Duration.ofNanos(took));
            avgJobMillis = avgJobMillis * 0.8 + took / 1e6 * 0.2;
        }
    }

    private void finishFailed(Job job, JobFailure f) {
        if (f.retryable() && job.attempts() < job.maxAttempts()) {
            Duration wait = settings.backoff().after(job.attempts());
            if (store.retry(job, f.code(), f.getMessage(), wait)) {
                log.atInfo().addKeyValue("job", job.id()).addKeyValue("attempt", job.attempts()).addKeyValue("waitMs", wait.toMillis())
                        .addKeyValue("code", f.code()).log("job will retry");
                publish(job, "retrying", JobState.QUEUED, f.code() + ": " + f.getMessage());
                // wake a worker when the backoff ends, in case nothing else does
                Thread.ofVirtual().start(() -> {
                    sleepQuietly(wait);
                    wakeAll();
                });
            }
            return;
        }
        if (store.fail(job, f.code(), f.getMessage())) {
            log.atInfo().addKeyValue("job", job.id()).addKeyValue("attempt", job.attempts()).addKeyValue("code", f.code())
                    .addKeyValue("message", f.getMessage()).log("job failed");
            publish(job, "failed", JobState.FAILED, f.code() + ": " + f.getMessage());
            followUps.after(job.id());
        }
    }

    private void finishCancelled(Job job) {
        if (store.cancelled(job)) {
            publish(job, "cancelled", JobState.CANCELLED, "cancelled by request");
            followUps.after(job.id());
        }
    }

    private void requeue(Job job) {
        if (store.requeue(job)) {
            log.atInfo().addKeyValue("job", job.id()).log("job requeued");
            publish(job, "requeued", JobState.QUEUED, "worker stopping; the job will run again");
        }
    }

    private void publish(Job job, String type, JobState state, String detail) {
        if (state.terminal() || type.equals("retrying") || type.equals("requeued")) {
            metrics.counter(MeterNames.JOBS_FINISHED, "kind", job.kind(), "outcome", type).increment();
        }
        events.publish(new JobEvent(job.id(), type, state, job.attempts(), detail, clock.instant()));
    }

    /** How often finished jobs past their retention are deleted. */
    static final Duration PURGE_EVERY = Duration.ofHours(1);

    /** Renews leases, forwards cancel requests made elsewhere, reaps jobs of dead workers, purges old jobs. */
    private void housekeep() {
        Duration every = settings.lease().dividedBy(3);
        long nextPurge = System.nanoTime(); // purge on the first pass (nanoTime may be negative: never compare with 0)
        while (!stopping.get()) {
            try {
                if (System.nanoTime() - nextPurge >= 0) {
                    int n = store.purgeFinished(clock.instant().minus(settings.retention()));
                    if (n > 0) log.atInfo().addKeyValue("count", n).addKeyValue("retention", settings.retention()).log("finished jobs purged");
                    nextPurge = System.nanoTime() + PURGE_EVERY.toNanos();
                }
                Thread.sleep(every);
                for (Running r : running.values()) {
                    Optional<Job> now = store.renew(r.job(), settings.lease());
                    if (now.isEmpty()) {
                        log.atWarn().addKeyValue("job", r.job().id()).log("job lease lost");
                        r.lost().set(true);
                        r.interrupt();
                    } else if (now.get().cancelRequested() && r.cancel().compareAndSet(false, true)) {
                        r.interrupt();
                    }
                }
                reap();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.atWarn().addKeyValue("error", e.getMessage()).log("housekeeping error");
            }
        }
    }

    /** Jobs of dead workers: back to the queue (wake a worker for them), or ended (their webhooks go out). */
    private void reap() {
        JobStore.Reaped r = store.reapExpiredLeases();
        for (String id : r.ended()) followUps.after(id);
        if (r.requeued() > 0) {
            log.atInfo().addKeyValue("requeued", r.requeued()).log("jobs of a stopped worker requeued");
            events.publishWork(); // wakes idle workers here and in every other process
        }
    }

    /**
     * Stops claiming, lets running jobs finish for up to {@code grace}, then interrupts the rest and puts
     * them back in the queue. Idempotent.
     */
    public void shutdown(Duration grace) {
        if (!stopping.compareAndSet(false, true)) return;
        events.offWork(wake);
        wakeAll();
        Instant until = Instant.now().plus(grace);
        while (!running.isEmpty() && Instant.now().isBefore(until)) sleepQuietly(Duration.ofMillis(50));
        int left = running.size();
        for (Running r : running.values()) r.interrupt();
        // idle workers wake from the signal above; only the housekeeper sleeps and needs an interrupt
        if (housekeeper != null) housekeeper.interrupt();
        for (Thread t : threads) {
            try {
                if (!t.join(Duration.ofSeconds(5))) log.atWarn().addKeyValue("thread", t.getName()).log("worker did not stop in time");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        log.atInfo().addKeyValue("instance", instance).addKeyValue("interrupted", left).log("workers stopped");
    }

    /**
     * Stops every thread without touching the queue, as a killed process would: running jobs keep their
     * lease until it expires. For tests of crash recovery.
     */
    public void abandon() {
        stopping.set(true);
        events.offWork(wake);
        for (Running r : running.values()) {
            r.lost().set(true);
            r.interrupt();
        }
        if (housekeeper != null) housekeeper.interrupt();
        wakeAll();
    }

    @Override
    public void close() {
        shutdown(Duration.ZERO);
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
