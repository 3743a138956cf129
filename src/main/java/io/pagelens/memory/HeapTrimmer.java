package io.pagelens.memory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code System.gc()} only where it is measured to help. With the serial collector started with
 * {@code -XX:MaxHeapFreeRatio=30 -XX:-ShrinkHeapInSteps} a full collection shrinks the committed heap and
 * gives the pages back to the OS, which is what the dyno counts (measured: 58 to 16 MB committed after
 * captures; without those flags it barely shrinks). A heap committed below {@link #MIN_COMMITTED_BYTES} has
 * nothing to give back. "Used" cannot decide it: it counts garbage until a collection. Each collection
 * measures the committed heap before and after; after {@value #FUTILE_LIMIT} collections in a row that
 * returned less than {@link #USEFUL_BYTES}, collections pause for {@link #PAUSE}.
 */
public final class HeapTrimmer {
    private static final Logger log = LoggerFactory.getLogger(HeapTrimmer.class);
    static final long MIN_COMMITTED_BYTES = 24 * MemoryBudget.MB;
    static final long USEFUL_BYTES = 4 * MemoryBudget.MB;
    static final int FUTILE_LIMIT = 3;
    static final Duration PAUSE = Duration.ofMinutes(10);

    /** The heap as the trimmer sees it; tests fake it. */
    public interface Heap {
        long usedBytes();

        long committedBytes();

        void collect();

        static Heap jvm() {
            MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
            return new Heap() {
                @Override
                public long usedBytes() {
                    return bean.getHeapMemoryUsage().getUsed();
                }

                @Override
                public long committedBytes() {
                    return bean.getHeapMemoryUsage().getCommitted();
                }

                @Override
                public void collect() {
                    System.gc();
                }
            };
        }
    }

    private final Heap heap;
    private final Clock clock;
    private int futile;
    private Instant pausedUntil = Instant.MIN;

    public HeapTrimmer(Heap heap, Clock clock) {
        this.heap = heap;
        this.clock = clock;
    }

    /** Collects when worth it; returns the committed bytes given back (0 when skipped). */
    public synchronized long maybeCollect() {
        Instant now = clock.instant();
        if (now.isBefore(pausedUntil)) return 0;
        long committed = heap.committedBytes();
        long used = heap.usedBytes();
        if (committed < MIN_COMMITTED_BYTES) return 0;
        heap.collect();
        long committedAfter = heap.committedBytes();
        long freed = Math.max(0, committed - committedAfter);
        futile = freed < USEFUL_BYTES ? futile + 1 : 0;
        if (futile >= FUTILE_LIMIT) {
            pausedUntil = now.plus(PAUSE);
            futile = 0;
        }
        log.atInfo().addKeyValue("action", "gc")
                .addKeyValue("heapUsedBeforeMb", mb(used)).addKeyValue("heapUsedAfterMb", mb(heap.usedBytes()))
                .addKeyValue("heapCommittedBeforeMb", mb(committed)).addKeyValue("heapCommittedAfterMb", mb(committedAfter))
                .addKeyValue("pausedUntil", pausedUntil.equals(Instant.MIN) ? "-" : pausedUntil.toString())
                .log("memory action");
        return freed;
    }

    private static long mb(long b) {
        return b / MemoryBudget.MB;
    }
}
