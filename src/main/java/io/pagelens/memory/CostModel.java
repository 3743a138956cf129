package io.pagelens.memory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.EnumMap;
import java.util.Map;

/**
 * Learned memory cost of one capture, per {@link CaptureKind} and per host once a host has been seen
 * {@value #HOST_MIN_OBSERVATIONS} times. Each estimate is an exponentially weighted mean of the observed
 * growth plus {@value #DEVIATIONS} mean absolute deviations, so a kind whose cost varies reserves more. The
 * deviation counts as at least {@value #MIN_SPREAD} of the mean (so an estimate is at least 1.5 × the mean):
 * measured on the corpus, three full-page captures whose learned deviation had shrunk to a few MB peaked
 * together 25 MB above the admission ceiling.
 * Estimates start from a prior measured on the corpus and are kept within [{@link #floorBytes}, {@link #capBytes}].
 * Thread-safe.
 */
public final class CostModel {
    /** Weight of a new observation. 0.25 follows a change within ~4 captures without jumping on one outlier. */
    static final double ALPHA = 0.25;
    static final double DEVIATIONS = 2.0;
    static final double MIN_SPREAD = 0.25;
    static final int HOST_MIN_OBSERVATIONS = 2;
    static final int MAX_HOSTS = 1_000;

    /**
     * Priors from the shared measurements (headless shell: ~45 MB for a page in a new context; full page
     * in 2,000 px tiles: up to +113 MB on the tallest corpus page); PDF printing sits between.
     */
    public static final Map<CaptureKind, Long> PRIORS = Map.of(
            CaptureKind.VIEWPORT, 64 * MemoryBudget.MB,
            CaptureKind.FULL_PAGE, 128 * MemoryBudget.MB,
            CaptureKind.PDF, 96 * MemoryBudget.MB);

    private final long floorBytes;
    private final long capBytes;
    private final Map<CaptureKind, Estimate> byKind = new EnumMap<>(CaptureKind.class);
    private final Cache<String, Estimate> byHost = Caffeine.newBuilder().maximumSize(MAX_HOSTS).build();

    /**
     * @param floorBytes no estimate goes below this (a capture always costs a renderer)
     * @param capBytes   no estimate goes above this (so one outlier cannot block admission for good)
     */
    public CostModel(long floorBytes, long capBytes) {
        if (floorBytes <= 0) throw new IllegalArgumentException("floorBytes must be positive, was " + floorBytes);
        if (capBytes < floorBytes) throw new IllegalArgumentException("capBytes must be at least floorBytes, was " + capBytes);
        this.floorBytes = floorBytes;
        this.capBytes = capBytes;
        for (CaptureKind k : CaptureKind.values()) byKind.put(k, new Estimate(Math.clamp(PRIORS.get(k), floorBytes, capBytes)));
    }

    /** Floor 16 MB, cap half the budget. */
    public static CostModel forBudget(MemoryBudget budget) {
        long floor = 16 * MemoryBudget.MB;
        return new CostModel(floor, Math.max(floor, budget.bytes() / 2));
    }

    public long estimate(CaptureKind kind, String host) {
        if (host != null) {
            Estimate h = byHost.getIfPresent(key(kind, host));
            if (h != null && h.count() >= HOST_MIN_OBSERVATIONS) return clamp(h.value());
        }
        return estimate(kind);
    }

    public long estimate(CaptureKind kind) {
        return clamp(byKind.get(kind).value());
    }

    /** Records the growth one capture caused. Negative growth (memory freed meanwhile) counts as the floor. */
    public void observe(CaptureKind kind, String host, long growthBytes) {
        long g = Math.clamp(growthBytes, floorBytes, capBytes);
        byKind.get(kind).add(g);
        if (host != null) byHost.get(key(kind, host), k -> byKind.get(kind).copy()).add(g);
    }

    private long clamp(double v) {
        return Math.clamp((long) v, floorBytes, capBytes);
    }

    private static String key(CaptureKind kind, String host) {
        return kind + " " + host;
    }

    /** Mean and mean absolute deviation, weighted towards recent observations. */
    private static final class Estimate {
        private double mean;
        private double deviation;
        private int count;

        Estimate(long prior) {
            mean = prior;
            deviation = prior / 8.0;
        }

        private Estimate(double mean, double deviation) {
            this.mean = mean;
            this.deviation = deviation;
        }

        /** A host starts from its kind's belief, without the kind's count. */
        synchronized Estimate copy() {
            return new Estimate(mean, deviation);
        }

        synchronized void add(long x) {
            double err = x - mean;
            mean += ALPHA * err;
            deviation += ALPHA * (Math.abs(err) - deviation);
            count++;
        }

        synchronized double value() {
            return mean + DEVIATIONS * Math.max(deviation, MIN_SPREAD * mean);
        }

        synchronized int count() {
            return count;
        }
    }
}
