package io.pagelens.memory;

import io.pagelens.jobs.MutableClock;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static io.pagelens.memory.MemoryBudget.MB;
import static org.assertj.core.api.Assertions.assertThat;

class IdleTrimTest {
    private static final java.time.Instant T0 = java.time.Instant.parse("2026-11-29T10:00:00Z");
    private final AtomicInteger collections = new AtomicInteger();
    private final IdleTrim trim = new IdleTrim(new HeapTrimmer(new HeapTrimmer.Heap() {
        @Override
        public long usedBytes() {
            return 10 * MB;
        }

        @Override
        public long committedBytes() {
            return 80 * MB;
        }

        @Override
        public void collect() {
            collections.incrementAndGet();
        }
    }, new MutableClock(T0)));

    private void sample(int chromiumProcesses, int inFlight, boolean withPss) {
        long pss = withPss ? 50 * MB : MemorySample.UNKNOWN;
        trim.onMemory(new MemorySample(Instant.EPOCH, 100 * MB, 100 * MB, pss, pss, chromiumProcesses, 10 * MB, 80 * MB, 20 * MB, inFlight),
                PressureLevel.OK);
    }

    @Test
    void collectsOnceWhenTheBrowserCloses() {
        sample(0, 0, true);
        assertThat(collections).as("never ran: nothing to give back").hasValue(0);
        sample(6, 1, true);
        sample(6, 0, false);
        assertThat(collections).hasValue(0);
        sample(0, 0, true);
        assertThat(collections).hasValue(1);
        sample(0, 0, true);
        assertThat(collections).as("once per idle period").hasValue(1);
    }
}
