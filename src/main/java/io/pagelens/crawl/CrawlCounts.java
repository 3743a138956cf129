package io.pagelens.crawl;

import java.util.EnumMap;
import java.util.Map;

/**
 * Progress of a crawl, from its frontier. {@code found} counts every distinct URL recorded (skipped ones included);
 * the other counts split it by state, and {@code skipped} by reason.
 */
public record CrawlCounts(long found, long queued, long inFlight, long done, long failed, Map<SkipReason, Long> skipped) {
    public static final CrawlCounts ZERO = new CrawlCounts(0, 0, 0, 0, 0, Map.of());

    public CrawlCounts {
        EnumMap<SkipReason, Long> m = new EnumMap<>(SkipReason.class);
        for (SkipReason r : SkipReason.values()) m.put(r, skipped.getOrDefault(r, 0L));
        skipped = java.util.Collections.unmodifiableMap(m);
    }

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    public long skipped(SkipReason r) {
        return skipped.get(r);
    }
}
