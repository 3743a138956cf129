package io.pagelens.memory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Samples memory on a virtual thread and tells its listeners (the governor, the pressure responder).
 * Adaptive: every {@code fastPeriod} while captures run or pressure is at least WARN, ten times slower
 * when idle, since an idle process cannot spike. The process-tree PSS is read every {@code pssPeriod} at most.
 */
public final class MemoryMonitor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MemoryMonitor.class);
    static final Duration IDLE_PERIOD_MAX = Duration.ofSeconds(1);

    private final MemorySampler sampler;
    private final PressureThresholds thresholds;
    private final Duration fastPeriod;
    private final Duration idlePeriod;
    private final Duration pssPeriod;
    private final Clock clock;
    private final List<MemoryListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object tickLock = new Object();

    private volatile MemorySample latest;
    private volatile PressureLevel level = PressureLevel.OK;
    private volatile Instant lastPss = Instant.MIN;
    private volatile Thread thread;

    public MemoryMonitor(MemorySampler sampler, PressureThresholds thresholds, Duration fastPeriod, Duration pssPeriod, Clock clock) {
        if (fastPeriod.isNegative() || fastPeriod.isZero()) throw new IllegalArgumentException("fastPeriod must be positive, was " + fastPeriod);
        this.sampler = sampler;
        this.thresholds = thresholds;
        this.fastPeriod = fastPeriod;
        Duration tenfold = fastPeriod.multipliedBy(10);
        this.idlePeriod = tenfold.compareTo(IDLE_PERIOD_MAX) < 0 ? tenfold : max(fastPeriod, IDLE_PERIOD_MAX);
        this.pssPeriod = pssPeriod;
        this.clock = clock;
    }

    public MemoryMonitor(MemorySampler sampler, MemorySettings settings, Clock clock) {
        this(sampler, settings.thresholds(), settings.samplePeriod(), settings.pssPeriod(), clock);
    }

    public MemoryMonitor addListener(MemoryListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Starts sampling in the background; idempotent. */
    public synchronized MemoryMonitor start() {
        if (thread == null && !closed.get()) {
            tick();
            thread = Thread.ofVirtual().name("memory-monitor").start(this::loop);
        }
        return this;
    }

    /** Takes one sample now and tells every listener. Also what the background thread does each period. */
    public MemorySample tick() {
        synchronized (tickLock) {
            Instant now = clock.instant();
            boolean withPss = !now.isBefore(lastPss.plus(pssPeriod));
            MemorySample s = sampler.sample(withPss);
            if (s.hasPss()) lastPss = now;
            s = s.withPssFrom(latest);
            PressureLevel next = thresholds.next(level, s.usedBytes());
            latest = s;
            level = next;
            for (MemoryListener l : listeners) {
                try {
                    l.onMemory(s, next);
                } catch (RuntimeException e) {
                    log.atError().setCause(e).addKeyValue("listener", l.getClass().getName()).log("memory listener failed");
                }
            }
            return s;
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The latest sample; null before the first one. */
    public MemorySample latest() {
        return latest;
    }

    public PressureLevel level() {
        return level;
    }

    /** The period the loop sleeps after the latest sample. */
    Duration period() {
        MemorySample s = latest;
        boolean busy = s == null || s.inFlight() > 0 || level.atLeast(PressureLevel.WARN);
        return busy ? fastPeriod : idlePeriod;
    }

    private void loop() {
        while (!closed.get()) {
            try {
                Thread.sleep(period());
                tick();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a sample that cannot be read (cgroup removed, /proc race) must not end monitoring
                log.atWarn().setCause(e).log("memory sample failed");
            }
        }
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) return;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
