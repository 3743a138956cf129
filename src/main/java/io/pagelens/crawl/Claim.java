package io.pagelens.crawl;

import java.time.Instant;

/**
 * A frontier URL a worker took (state in_flight) until {@code leaseUntil}. Every later change names the claim, and
 * is refused once the lease was lost (expired and given to another worker), so a slow or paused worker can never
 * overwrite the outcome of the one that took over.
 *
 * @param attempt 1 on the first try; a lease that expired counts as a try
 */
public record Claim(String crawlId, long seq, String url, int depth, UrlSource source, String linkText, int attempt,
                    String worker, Instant leaseUntil) {
}
