package io.pagelens.memory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pagelens.observe.MeterNames;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Admission by memory, in the manner of Caffeine's {@code maximumWeight} with a weigher: each capture
 * weighs its learned cost ({@link CostModel}) against the headroom left under the admission ceiling.
 *
 * <pre>headroom = ceiling - used - outstanding reservations</pre>
 *
 * where {@code used} is the latest {@link MemorySample} and a capture's outstanding reservation is its cost
 * minus its share of the growth seen since it started (so memory is not counted twice once it shows up in
 * the sample). Concurrency therefore rises and falls with real memory, never above {@code maxConcurrency}, and
 * never more than {@code maxHeavy} full-page or PDF captures at once.
 * With nothing in flight one capture is always admitted unless pressure is critical, so work never stops.
 * Waiting is strictly first come, first served; a waiter gives up at its deadline with an
 * {@link Admission.AdmissionException} that says why. At {@link PressureLevel#HIGH} and above nothing new
 * is admitted while captures run.
 *
 * <p>When a capture ends, its observed growth (peak during the capture minus the figure at its start,
 * divided by the mean number of captures that ran beside it) teaches the cost model.
 */
public final class MemoryGovernor implements Admission, MemoryListener {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MemoryGovernor.class);
    /** Waiters re-check at least this often, so a missed signal or a moved clock never strands one. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final long ceilingBytes;
    private final int maxConcurrency;
    private final int maxHeavy;
    private final CostModel costs;
    private final Clock clock;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Flight> flights = new ArrayList<>();
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private long used;
    private PressureLevel level = PressureLevel.OK;

    private final Map<CaptureKind, Counter> admitted = new EnumMap<>(CaptureKind.class);
    private final Map<CaptureKind, Counter> timeouts = new EnumMap<>(CaptureKind.class);
    private final Map<CaptureKind, Timer> waits = new EnumMap<>(CaptureKind.class);

    /**
     * @param ceilingBytes   admission ceiling: the budget minus the safety margin
     * @param maxConcurrency captures in flight at most, whatever memory says
     */
    public MemoryGovernor(long ceilingBytes, int maxConcurrency, CostModel costs, Clock clock, MeterRegistry registry) {
        this(ceilingBytes, maxConcurrency, maxConcurrency, costs, clock, registry);
    }

    /** @param maxHeavy full-page and PDF captures in flight at most (capped by {@code maxConcurrency}) */
    public MemoryGovernor(long ceilingBytes, int maxConcurrency, int maxHeavy, CostModel costs, Clock clock, MeterRegistry registry) {
        if (ceilingBytes <= 0) throw new IllegalArgumentException("ceilingBytes must be positive, was " + ceilingBytes);
        if (maxConcurrency < 1) throw new IllegalArgumentException("maxConcurrency must be at least 1, was " + maxConcurrency);
        if (maxHeavy < 1) throw new IllegalArgumentException("maxHeavy must be at least 1, was " + maxHeavy);
        this.maxHeavy = Math.min(maxHeavy, maxConcurrency);
        this.ceilingBytes = ceilingBytes;
        this.maxConcurrency = maxConcurrency;
        this.costs = costs;
        this.clock = clock;
        for (CaptureKind k : CaptureKind.values()) {
            String tag = k.name().toLowerCase(Locale.ROOT);
            admitted.put(k, Counter.builder(MeterNames.ADMISSION_ADMITTED).tag("kind", tag).register(registry));
            timeouts.put(k, Counter.builder(MeterNames.ADMISSION_TIMEOUTS).tag("kind", tag).register(registry));
            waits.put(k, Timer.builder(MeterNames.ADMISSION_WAIT).tag("kind", tag).publishPercentileHistogram()
                    .maximumExpectedValue(Duration.ofMinutes(2)).register(registry));
            Gauge.builder(MeterNames.CAPTURE_COST_ESTIMATE, costs, c -> c.estimate(k)).tag("kind", tag)
                    .baseUnit("bytes").register(registry);
        }
        Gauge.builder(MeterNames.ADMISSION_IN_FLIGHT, this, g -> g.status().inFlight()).register(registry);
        Gauge.builder(MeterNames.ADMISSION_QUEUE, this, g -> g.status().waiting()).register(registry);
        Gauge.builder(MeterNames.ADMISSION_RESERVED, this, g -> g.status().reservedBytes()).baseUnit("bytes").register(registry);
        Gauge.builder(MeterNames.ADMISSION_HEADROOM, this, g -> g.status().headroomBytes()).baseUnit("bytes").register(registry);
    }

    public MemoryGovernor(MemorySettings settings, CostModel costs, Clock clock, MeterRegistry registry) {
        this(settings.ceilingBytes(), settings.maxConcurrency(), settings.maxHeavy(), costs, clock, registry);
    }

    @Override
    public Permit admit(CaptureKind kind, String host, Instant deadline) throws InterruptedException, AdmissionException {
        long startNanos = System.nanoTime();
        Object me = new Object();
        lock.lock();
        try {
            queue.addLast(me);
            try {
                while (true) {
                    // estimated afresh on each check: what finished while this one waited has taught the model
                    long cost = costs.estimate(kind, host);
                    if (queue.peekFirst() == me && admissible(kind, cost)) {
                        queue.removeFirst();
                        Flight f = new Flight(kind, host, cost, used);
                        flights.add(f);
                        admitted.get(kind).increment();
                        waits.get(kind).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
                        return () -> release(f);
                    }
                    long remaining = Duration.between(clock.instant(), deadline).toNanos();
                    if (remaining <= 0) {
                        timeouts.get(kind).increment();
                        waits.get(kind).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
                        throw new AdmissionException(refusal(kind, host, cost));
                    }
                    changed.awaitNanos(Math.min(remaining, POLL_NANOS));
                }
            } finally {
                queue.remove(me);
                changed.signalAll(); // the next in line may fit now
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onMemory(MemorySample sample, PressureLevel level) {
        lock.lock();
        try {
            this.used = sample.usedBytes();
            this.level = level;
            int n = flights.size();
            for (Flight f : flights) f.observe(used, n);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes waiters to re-check now (after a clock change in tests, or a setting change). */
    public void recheck() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public GovernorStatus status() {
        lock.lock();
        try {
            long reserved = outstanding();
            return new GovernorStatus(level, used, ceilingBytes, reserved, ceilingBytes - used - reserved, flights.size(),
                    queue.size(), maxConcurrency, costEstimates());
        } finally {
            lock.unlock();
        }
    }

    private Map<CaptureKind, Long> costEstimates() {
        Map<CaptureKind, Long> m = new EnumMap<>(CaptureKind.class);
        for (CaptureKind k : CaptureKind.values()) m.put(k, costs.estimate(k));
        return m;
    }

    private boolean admissible(CaptureKind kind, long cost) {
        if (flights.isEmpty()) return level != PressureLevel.CRITICAL; // never zero progress
        if (level.atLeast(PressureLevel.HIGH) || flights.size() >= maxConcurrency) return false;
        if (kind.heavy() && heavyInFlight() >= maxHeavy) return false;
        return ceilingBytes - used - outstanding() >= cost;
    }

    private long heavyInFlight() {
        return flights.stream().filter(f -> f.kind.heavy()).count();
    }

    /** Reservations not yet visible in the sample: each capture's cost minus its share of the growth since it began. */
    private long outstanding() {
        int n = flights.size();
        long sum = 0;
        for (Flight f : flights) sum += Math.max(0, f.cost - Math.max(0, used - f.baseline) / n);
        return sum;
    }

    private String refusal(CaptureKind kind, String host, long cost) {
        String why;
        if (flights.isEmpty() && level == PressureLevel.CRITICAL) why = "memory pressure is critical";
        else if (level.atLeast(PressureLevel.HIGH)) why = "memory pressure is " + level.name().toLowerCase(Locale.ROOT) + ", admission paused";
        else if (flights.size() >= maxConcurrency) why = "all " + maxConcurrency + " capture slots are busy";
        else if (kind.heavy() && heavyInFlight() >= maxHeavy) why = "all " + maxHeavy + " full-page/PDF slots are busy";
        else if (queue.peekFirst() != null && !flights.isEmpty() && ceilingBytes - used - outstanding() >= cost) why = "earlier captures are still queued";
        else why = "not enough memory headroom";
        return String.format(Locale.ROOT,
                "no capacity for a %s capture%s before its deadline: %s (needs ~%d MB; %d MB used, %d MB reserved, ceiling %d MB; %d in flight, %d waiting)",
                kind.name().toLowerCase(Locale.ROOT), host == null ? "" : " of " + host, why, mb(cost), mb(used),
                mb(outstanding()), mb(ceilingBytes), flights.size(), queue.size() - 1);
    }

    private void release(Flight f) {
        if (!f.released.compareAndSet(false, true)) return;
        lock.lock();
        try {
            flights.remove(f);
            if (f.samples > 0) {
                long growth = f.growth();
                costs.observe(f.kind, f.host, growth);
                log.atDebug().addKeyValue("kind", f.kind).addKeyValue("host", f.host).addKeyValue("reservedMb", mb(f.cost))
                        .addKeyValue("growthMb", mb(growth)).addKeyValue("peakMb", mb(f.peak)).addKeyValue("baselineMb", mb(f.baseline))
                        .addKeyValue("meanConcurrency", f.concurrencySum / (double) f.samples).addKeyValue("samples", f.samples)
                        .addKeyValue("nextEstimateMb", mb(costs.estimate(f.kind, f.host))).log("capture cost observed");
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static long mb(long bytes) {
        return Math.round(bytes / (double) MemoryBudget.MB);
    }

    /** One admitted capture: its reservation and what the samples showed while it ran. Guarded by the lock. */
    private static final class Flight {
        final CaptureKind kind;
        final String host;
        final long cost;
        final long baseline;
        final AtomicBoolean released = new AtomicBoolean();
        long peak;
        long concurrencySum;
        int samples;

        Flight(CaptureKind kind, String host, long cost, long baseline) {
            this.kind = kind;
            this.host = host;
            this.cost = cost;
            this.baseline = baseline;
            this.peak = baseline;
        }

        void observe(long used, int inFlight) {
            peak = Math.max(peak, used);
            concurrencySum += inFlight;
            samples++;
        }

        /** Growth attributed to this capture: the rise over its life shared among the captures that ran with it. */
        long growth() {
            double meanConcurrency = Math.max(1.0, concurrencySum / (double) samples);
            return Math.round((peak - baseline) / meanConcurrency);
        }
    }
}
