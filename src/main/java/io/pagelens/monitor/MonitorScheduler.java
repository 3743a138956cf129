package io.pagelens.monitor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pagelens.jobs.JobEvent;
import io.pagelens.jobs.JobService;
import io.pagelens.jobs.JobState;
import io.pagelens.observe.MeterNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The ticker that turns due monitors into jobs of the durable queue (priority normal, below interactive captures).
 * Every process with workers runs one; they need no coordination: a due time is one row of {@code monitor_runs}
 * inserted with its job in one transaction, and a second scheduler's insert of the same due time is ignored. After
 * downtime a monitor's missed due times are coalesced into one run (the latest), and the coalescing is logged.
 */
public final class MonitorScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MonitorScheduler.class);
    private static final int BATCH = 200;

    private final MonitorStore store;
    private final JobService jobs;
    private final MonitorSettings settings;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private Thread thread;

    public MonitorScheduler(MonitorStore store, JobService jobs, MonitorSettings settings, Clock clock, MeterRegistry metrics) {
        this.store = store;
        this.jobs = jobs;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Enqueues every run that is due now; returns how many this call enqueued. */
    public int tick() {
        int enqueued = 0;
        while (true) {
            Instant now = clock.instant();
            List<Monitor> due = store.fireable(now, BATCH);
            int before = enqueued;
            for (Monitor m : due) {
                if (enqueue(m, now)) enqueued++;
            }
            if (due.size() < BATCH || enqueued == before) return enqueued;
        }
    }

    private boolean enqueue(Monitor m, Instant now) {
        // the latest due time whose fire time (due + jitter) has come
        Schedule.Catchup c = m.spec().schedule().catchUp(m.nextDueAt(), now.minusMillis(m.jitterMs()));
        Optional<MonitorRun> run = store.enqueueDue(m, c, runId -> MonitorRunHandler.job(m, runId), jobs.store());
        if (run.isEmpty()) return false;
        MonitorRun r = run.get();
        if (c.missed() > 0) {
            log.atInfo().addKeyValue("monitor", m.id()).addKeyValue("missed", c.missed()).addKeyValue("since", m.nextDueAt())
                    .addKeyValue("runs", c.run()).log("monitor runs coalesced");
            metrics.counter(MeterNames.MONITOR_COALESCED).increment(c.missed());
        }
        Timer.builder(MeterNames.MONITOR_ENQUEUE_LAG).description("time from a run's fire time to its enqueueing")
                .register(metrics).record(Duration.between(r.fireAt(), clock.instant()).abs());
        jobs.events().publish(new JobEvent(r.jobId(), "queued", JobState.QUEUED, 0, "monitor " + m.id(), clock.instant())); // wakes workers
        return true;
    }

    /** Starts ticking on a virtual thread every {@code PAGELENS_MONITOR_TICK}. */
    public MonitorScheduler start() {
        thread = Thread.ofVirtual().name("monitor-scheduler").start(() -> {
            while (!stopping.get()) {
                try {
                    tick();
                } catch (RuntimeException e) {
                    // the database may be briefly unreachable: the next tick tries again
                    log.atWarn().addKeyValue("error", e.getMessage()).log("monitor scheduler error");
                }
                try {
                    Thread.sleep(settings.tick());
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        log.atInfo().addKeyValue("tickMs", settings.tick().toMillis()).log("monitor scheduler started");
        return this;
    }

    @Override
    public void close() {
        if (!stopping.compareAndSet(false, true) || thread == null) return;
        thread.interrupt();
        try {
            if (!thread.join(Duration.ofSeconds(5))) log.atWarn().log("monitor scheduler did not stop in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
