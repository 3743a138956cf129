package io.pagelens.memory;

import io.pagelens.jobs.MutableClock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static io.pagelens.memory.MemoryBudget.MB;
import static io.pagelens.memory.PressureLevel.CRITICAL;
import static io.pagelens.memory.PressureLevel.HIGH;
import static io.pagelens.memory.PressureLevel.OK;
import static io.pagelens.memory.PressureLevel.WARN;
import static org.assertj.core.api.Assertions.assertThat;

class PressureResponderTest {
    private static final java.time.Instant T0 = java.time.Instant.parse("2026-11-29T10:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final FakeBrowser browser = new FakeBrowser();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicInteger drops = new AtomicInteger();
    private final AtomicInteger gcs = new AtomicInteger();
    private final PressureResponder responder = new PressureResponder(browser,
            () -> { drops.incrementAndGet(); return 3 * MB; },
            () -> { gcs.incrementAndGet(); return 0; },
            clock, Duration.ofSeconds(10), Duration.ofMillis(500), registry);

    private void at(long usedMb, PressureLevel level) {
        responder.onMemory(MemorySample.ofUsed(clock.instant(), usedMb * MB), level);
    }

    private double count(String name, String tag, String value) {
        var c = registry.find(name).tag(tag, value).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void warn_onlyLogsAndCounts() {
        at(400, WARN);
        assertThat(browser.calls()).isEmpty();
        assertThat(drops).hasValue(0);
        assertThat(count("pagelens.memory.pressure.events", "level", "warn")).isEqualTo(1);
    }

    @Test
    void high_signalsChromiumDropsCachesAndTriesGc_thenRepeatsOnlyAfterTheInterval() {
        at(450, HIGH);
        assertThat(browser.calls()).containsExactly("signal");
        assertThat(drops).hasValue(1);
        assertThat(gcs).hasValue(1);
        assertThat(count("pagelens.memory.pressure.events", "level", "warn")).as("passing through warn counts too").isEqualTo(1);
        assertThat(count("pagelens.memory.pressure.events", "level", "high")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(5));
        at(450, HIGH);
        assertThat(browser.calls()).hasSize(1);
        clock.advance(Duration.ofSeconds(5));
        at(450, HIGH);
        assertThat(browser.calls()).containsExactly("signal", "signal");
        assertThat(count("pagelens.memory.pressure.actions", "action", "drop_caches")).isEqualTo(2);
    }

    @Test
    void critical_climbsTheLadderOneStepPerInterval_abortingLast() {
        at(480, CRITICAL);
        assertThat(browser.calls()).containsExactly("signal", "closeIdle");
        at(480, CRITICAL);
        assertThat(browser.calls()).as("no step before the interval").hasSize(2);
        clock.advance(Duration.ofMillis(500));
        at(480, CRITICAL);
        assertThat(browser.calls()).endsWith("recycle");
        clock.advance(Duration.ofMillis(500));
        at(480, CRITICAL);
        assertThat(browser.calls()).endsWith("recycle", "abort");
        clock.advance(Duration.ofMillis(500));
        at(480, CRITICAL);
        assertThat(browser.calls()).endsWith("abort", "abort");
    }

    @Test
    void critical_ladderStartsOverAfterPressureEases() {
        at(480, CRITICAL);
        clock.advance(Duration.ofMillis(500));
        at(480, CRITICAL);
        assertThat(browser.calls()).containsExactly("signal", "closeIdle", "recycle");
        clock.advance(Duration.ofSeconds(1));
        at(300, OK);
        clock.advance(Duration.ofSeconds(20));
        at(480, CRITICAL);
        assertThat(browser.calls()).containsExactly("signal", "closeIdle", "recycle", "signal", "closeIdle");
        assertThat(responder.level()).isEqualTo(CRITICAL);
    }

    @Test
    void aFailingActionDoesNotStopTheOthers() {
        PressureResponder r = new PressureResponder(new FakeBrowser() {
            @Override
            public synchronized void signalMemoryPressure() {
                throw new IllegalStateException("browser gone");
            }
        }, () -> { drops.incrementAndGet(); return 0; }, () -> 0, clock, Duration.ofSeconds(10), Duration.ofMillis(500), registry);
        r.onMemory(MemorySample.ofUsed(clock.instant(), 450 * MB), HIGH);
        assertThat(drops).hasValue(1);
    }
}
