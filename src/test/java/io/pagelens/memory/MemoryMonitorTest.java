package io.pagelens.memory;

import io.pagelens.jobs.MutableClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.pagelens.memory.MemoryBudget.MB;
import static org.assertj.core.api.Assertions.assertThat;

class MemoryMonitorTest {
    private static final java.time.Instant T0 = java.time.Instant.parse("2026-11-29T10:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final List<Boolean> pssAsked = new ArrayList<>();
    private long used = 100 * MB;
    private int inFlight;

    private final MemorySampler sampler = withPss -> {
        pssAsked.add(withPss);
        long pss = withPss ? 50 * MB : MemorySample.UNKNOWN;
        return new MemorySample(clock.instant(), used, used, pss, pss, withPss ? 3 : 0, 10 * MB, 20 * MB, 5 * MB, inFlight);
    };

    private final MemoryMonitor monitor = new MemoryMonitor(sampler, PressureThresholds.percentOf(500 * MB, 80, 88, 94),
            Duration.ofMillis(100), Duration.ofSeconds(2), clock);

    @Test
    void tellsListenersTheSampleAndItsLevel() {
        List<PressureLevel> seen = new ArrayList<>();
        monitor.addListener((s, level) -> seen.add(level));
        monitor.tick();
        used = 450 * MB;
        monitor.tick();
        assertThat(seen).containsExactly(PressureLevel.OK, PressureLevel.HIGH);
        assertThat(monitor.level()).isEqualTo(PressureLevel.HIGH);
        assertThat(monitor.latest().usedBytes()).isEqualTo(450 * MB);
    }

    @Test
    void readsPssOnlyEveryPssPeriod_andCarriesTheLastOneForward() {
        monitor.tick();
        clock.advance(Duration.ofMillis(500));
        MemorySample between = monitor.tick();
        clock.advance(Duration.ofMillis(1500));
        monitor.tick();
        assertThat(pssAsked).containsExactly(true, false, true);
        assertThat(between.chromiumPssBytes()).isEqualTo(50 * MB);
        assertThat(between.chromiumProcesses()).isEqualTo(3);
    }

    @Test
    void samplesFastWhileBusyOrUnderPressure_slowWhenIdle() {
        monitor.tick();
        assertThat(monitor.period()).isEqualTo(Duration.ofSeconds(1));
        inFlight = 1;
        monitor.tick();
        assertThat(monitor.period()).isEqualTo(Duration.ofMillis(100));
        inFlight = 0;
        used = 420 * MB;
        monitor.tick();
        assertThat(monitor.period()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() {
        List<PressureLevel> seen = new ArrayList<>();
        monitor.addListener((s, l) -> { throw new IllegalStateException("boom"); });
        monitor.addListener((s, l) -> seen.add(l));
        monitor.tick();
        assertThat(seen).hasSize(1);
    }

    @Test
    void backgroundThreadSamplesUntilClosed() throws InterruptedException {
        MemoryMonitor real = new MemoryMonitor(sampler, PressureThresholds.percentOf(500 * MB, 80, 88, 94),
                Duration.ofMillis(10), Duration.ofSeconds(2), java.time.Clock.systemUTC());
        inFlight = 1;
        real.start();
        MemoryGovernorTest.eventually(() -> pssAsked.size() >= 3);
        real.close();
        int n = pssAsked.size();
        Thread.sleep(50);
        assertThat(pssAsked.size()).isEqualTo(n);
    }
}
