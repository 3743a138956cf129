package io.pagelens.crawl;

import java.time.Duration;

/**
 * Bounds of one GET made by the crawler.
 *
 * @param maxBytes body bytes read at most; the rest is not read and the body counts as truncated
 * @param timeout  time for the whole exchange (connect, headers and body)
 */
public record FetchLimits(long maxBytes, Duration timeout) {
    /** RFC 9309 asks crawlers to parse at least 500 KiB of a robots.txt. */
    public static final FetchLimits ROBOTS = new FetchLimits(500L * 1024, Duration.ofSeconds(15));

    public FetchLimits {
        if (maxBytes < 1) throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
    }
}
