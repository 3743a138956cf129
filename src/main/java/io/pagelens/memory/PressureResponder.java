package io.pagelens.memory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pagelens.browser.BrowserControl;
import io.pagelens.observe.MeterNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The graded response to memory pressure (the governor itself stops admitting from HIGH):
 * <ol>
 *   <li>WARN: log and count.</li>
 *   <li>HIGH: tell Chromium memory is critical ({@code Memory.simulatePressureNotification}), drop every
 *       cache, and collect the heap where that is measured to help ({@link HeapTrimmer}); repeated every
 *       {@code repeat} while pressure stays high.</li>
 *   <li>CRITICAL: one step per {@code step} while it lasts: close idle contexts, then recycle the browser
 *       once in-flight work ends, then abort the youngest capture (repeated: the last resort).</li>
 * </ol>
 * Every action is logged with the usage before it and, on the first sample {@code settle} later, after it.
 * Not thread-safe: the {@link MemoryMonitor} calls it from one thread at a time.
 */
public final class PressureResponder implements MemoryListener {
    private static final Logger log = LoggerFactory.getLogger(PressureResponder.class);
    public static final Duration DEFAULT_REPEAT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_STEP = Duration.ofMillis(500);
    public static final Duration SETTLE = Duration.ofSeconds(1);

    /** Actions on the ladder, in order; their names tag the actions metric and the logs. */
    enum Action {
        SIGNAL_CHROMIUM, DROP_CACHES, GC, CLOSE_IDLE_CONTEXTS, RECYCLE_BROWSER, ABORT_YOUNGEST;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final BrowserControl browser;
    private final LongSupplier dropCaches;
    private final LongSupplier collectHeap;
    private final Clock clock;
    private final Duration repeat;
    private final Duration step;
    private final MeterRegistry registry;

    private PressureLevel level = PressureLevel.OK;
    private Instant lastHighActions = Instant.MIN;
    private Instant nextCriticalStep = Instant.MIN;
    private int criticalStep;
    private final List<Pending> pending = new ArrayList<>();

    /**
     * @param dropCaches  empties caches, returns bytes freed (e.g. {@code caches::dropAll})
     * @param collectHeap collects when it helps, returns bytes given back (e.g. {@code trimmer::maybeCollect})
     */
    public PressureResponder(BrowserControl browser, LongSupplier dropCaches, LongSupplier collectHeap, Clock clock,
                             Duration repeat, Duration step, MeterRegistry registry) {
        this.browser = browser;
        this.dropCaches = dropCaches;
        this.collectHeap = collectHeap;
        this.clock = clock;
        this.repeat = repeat;
        this.step = step;
        this.registry = registry;
    }

    public PressureResponder(BrowserControl browser, Caches caches, HeapTrimmer trimmer, Clock clock, MeterRegistry registry) {
        this(browser, caches::dropAll, trimmer::maybeCollect, clock, DEFAULT_REPEAT, DEFAULT_STEP, registry);
    }

    @Override
    public void onMemory(MemorySample sample, PressureLevel next) {
        Instant now = clock.instant();
        settle(sample, now);
        PressureLevel prev = level;
        level = next;
        if (next != prev) {
            for (PressureLevel l : PressureLevel.values()) {
                if (l.compareTo(prev) > 0 && l.compareTo(next) <= 0) counter(MeterNames.MEMORY_PRESSURE_EVENTS, "level", l).increment();
            }
            var event = next.compareTo(prev) > 0 ? log.atWarn() : log.atInfo();
            event.addKeyValue("from", prev).addKeyValue("to", next).addKeyValue("usedMb", mb(sample.usedBytes()))
                    .addKeyValue("heapMb", mb(sample.heapUsedBytes())).addKeyValue("chromiumMb", mb(sample.chromiumPssBytes()))
                    .addKeyValue("inFlight", sample.inFlight()).log("memory pressure changed");
        }
        if (next.atLeast(PressureLevel.HIGH) && (!prev.atLeast(PressureLevel.HIGH) || !now.isBefore(lastHighActions.plus(repeat)))) {
            lastHighActions = now;
            act(Action.SIGNAL_CHROMIUM, sample, now, () -> {
                browser.signalMemoryPressure();
                return "";
            });
            act(Action.DROP_CACHES, sample, now, () -> "freedCacheMb=" + mb(dropCaches.getAsLong()));
            long freed = collectHeap.getAsLong();
            if (freed > 0) record(Action.GC, sample, now, "heapReturnedMb=" + mb(freed));
        }
        if (next != PressureLevel.CRITICAL) {
            criticalStep = 0;
            nextCriticalStep = Instant.MIN;
        } else if (!now.isBefore(nextCriticalStep)) {
            nextCriticalStep = now.plus(step);
            switch (criticalStep++) {
                case 0 -> act(Action.CLOSE_IDLE_CONTEXTS, sample, now, () -> "closed=" + browser.closeIdleContexts());
                case 1 -> act(Action.RECYCLE_BROWSER, sample, now, () -> {
                    browser.recycleWhenIdle();
                    return "";
                });
                default -> act(Action.ABORT_YOUNGEST, sample, now, () -> "aborted=" + browser.abortYoungest(
                        "memory pressure is critical: " + mb(sample.usedBytes()) + " MB used; the youngest capture was aborted to keep the others alive"));
            }
        }
    }

    public PressureLevel level() {
        return level;
    }

    private void act(Action action, MemorySample before, Instant now, java.util.function.Supplier<String> body) {
        String detail;
        try {
            detail = body.get();
        } catch (RuntimeException e) {
            log.atError().setCause(e).addKeyValue("action", action.tag()).log("memory action failed");
            return;
        }
        record(action, before, now, detail);
    }

    private void record(Action action, MemorySample before, Instant now, String detail) {
        counter(MeterNames.MEMORY_PRESSURE_ACTIONS, "action", action).increment();
        log.atWarn().addKeyValue("action", action.tag()).addKeyValue("level", level).addKeyValue("beforeMb", mb(before.usedBytes()))
                .addKeyValue("inFlight", before.inFlight()).addKeyValue("detail", detail).log("memory action");
        pending.add(new Pending(action, before.usedBytes(), now));
    }

    /** Logs the after-figure of actions taken at least {@link #SETTLE} ago. */
    private void settle(MemorySample sample, Instant now) {
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (now.isBefore(p.at.plus(SETTLE))) continue;
            it.remove();
            log.atInfo().addKeyValue("action", p.action.tag()).addKeyValue("beforeMb", mb(p.beforeBytes))
                    .addKeyValue("afterMb", mb(sample.usedBytes())).addKeyValue("deltaMb", mb(sample.usedBytes() - p.beforeBytes))
                    .addKeyValue("afterS", Duration.between(p.at, now).toMillis() / 1000.0).log("memory action result");
        }
    }

    private Counter counter(String name, String tag, Enum<?> value) {
        return Counter.builder(name).tag(tag, value.name().toLowerCase(Locale.ROOT)).register(registry);
    }

    private static long mb(long bytes) {
        return bytes == MemorySample.UNKNOWN ? -1 : Math.round(bytes / (double) MemoryBudget.MB);
    }

    private record Pending(Action action, long beforeBytes, Instant at) {
    }
}
