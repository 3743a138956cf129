package io.pagelens.memory;

import io.pagelens.jobs.MutableClock;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.pagelens.memory.MemoryBudget.MB;
import static org.assertj.core.api.Assertions.assertThat;

class HeapTrimmerTest {
    private static final java.time.Instant T0 = java.time.Instant.parse("2026-11-29T10:00:00Z");
    private final MutableClock clock = new MutableClock(T0);

    /** A heap whose collection shrinks committed memory to {@code committedAfter}. */
    private static final class FakeHeap implements HeapTrimmer.Heap {
        long used = 20 * MB;
        long committed = 100 * MB;
        long committedAfter = 40 * MB;
        int collections;

        @Override
        public long usedBytes() {
            return used;
        }

        @Override
        public long committedBytes() {
            return committed;
        }

        @Override
        public void collect() {
            collections++;
            committed = committedAfter;
        }
    }

    @Test
    void collectsWhenMuchHeapIsCommitted_evenIfItLooksUsed_andReportsWhatWasReturned() {
        FakeHeap heap = new FakeHeap();
        heap.used = 95 * MB; // mostly garbage: only a collection can tell
        assertThat(new HeapTrimmer(heap, clock).maybeCollect()).isEqualTo(60 * MB);
        assertThat(heap.collections).isEqualTo(1);
    }

    @Test
    void skipsWhenLittleIsCommitted() {
        FakeHeap heap = new FakeHeap();
        heap.committed = 20 * MB;
        assertThat(new HeapTrimmer(heap, clock).maybeCollect()).isZero();
        assertThat(heap.collections).isZero();
    }

    @Test
    void pausesAfterCollectionsThatDidNotHelp() {
        FakeHeap heap = new FakeHeap();
        heap.committedAfter = heap.committed; // nothing returned to the OS
        HeapTrimmer t = new HeapTrimmer(heap, clock);
        for (int i = 0; i < 5; i++) t.maybeCollect();
        assertThat(heap.collections).isEqualTo(HeapTrimmer.FUTILE_LIMIT);
        clock.advance(HeapTrimmer.PAUSE.plus(Duration.ofSeconds(1)));
        t.maybeCollect();
        assertThat(heap.collections).isEqualTo(HeapTrimmer.FUTILE_LIMIT + 1);
    }
}
