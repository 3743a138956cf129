package io.pagelens.crawl;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The URLs of one crawl and their states: what the {@link CrawlCore} reads and changes. The durable implementation
 * is {@link FrontierStore} (SQLite or PostgreSQL); a claim is a lease, so a process that dies mid-page gives the URL
 * back when the lease expires, and a done URL is never handed out again.
 */
public interface Frontier {
    String crawlId();

    /** The URLs among {@code urls} (normalised) that the frontier already has. */
    Map<String, KnownUrl> lookup(Collection<String> urls);

    /** How many URLs count against each budget key. */
    Map<String, Integer> budgetUse(Collection<String> budgetKeys);

    /** Records new URLs; one already present (another worker was first) is left as it is. Returns those inserted. */
    List<String> add(List<NewUrl> urls);

    /**
     * Puts back in the queue a URL that was skipped only for being nofollow or too deep, now that a followable or
     * shallower link reached it. False when it is not such a URL.
     */
    boolean revive(NewUrl url);

    /** Registers an origin (once) with its minimum delay between fetches and how its robots.txt was read. */
    void ensureOrigin(String origin, Duration delay, RobotsRules.Source robots);

    /**
     * Takes the queued URL with the lowest depth (then discovery order) of an origin whose delay has passed, and
     * moves that origin's next allowed fetch {@code delay} ahead. Empty when nothing is claimable now, or when
     * {@code maxActive} URLs are already done or in flight (the page limit, checked in the same step as the claim, so
     * concurrent workers never overshoot it).
     */
    Optional<Claim> claim(String worker, Duration lease, long maxActive);

    /** The earliest time a queued URL becomes claimable, or empty when nothing is queued. */
    Optional<Instant> nextClaimableAt();

    /** Extends a claim's lease; false when the lease was lost. */
    boolean renew(Claim claim, Duration lease);

    /** Marks the page done, unless another done page has the same content hash (then it is skipped duplicate). */
    CompleteResult complete(Claim claim, Completion done);

    /**
     * Marks a URL that is queued (or adds it) done with a page fetched under another URL: the target of a redirect.
     * {@link CompleteResult.Lost} when it is not queued (in flight or ended): the fetched page is then a duplicate.
     */
    CompleteResult completeUnclaimed(NewUrl url, Completion done);

    /** Ends a claimed URL as skipped (non-HTML, duplicate, redirect, scope or robots of its final URL). */
    boolean skip(Claim claim, SkipReason reason, String detail, Long duplicateOf, FetchFacts facts);

    /** A failed try: back to the queue when {@code retry} and attempts remain, else failed with {@code code}. */
    boolean fail(Claim claim, String code, String detail, FetchFacts facts, boolean retry, int maxAttempts);

    /** The done URL with this content hash, if any. */
    Optional<KnownUrl> doneWithContentHash(String contentHash);

    /**
     * In-flight URLs whose lease expired go back to the queue, or fail ({@code lease_expired}) once they used
     * {@code maxAttempts}. Returns how many were released.
     */
    int releaseExpiredLeases(int maxAttempts);

    /**
     * Gives back at once every URL in flight for {@code worker} (or its sub-workers {@code worker-N}): the process that
     * drove the crawl is known to be gone, so its leases need not run out first. Attempts are kept, as for an expired lease.
     */
    int releaseLeasesOf(String worker, int maxAttempts);

    /** At the end of a crawl: every queued URL becomes skipped with {@code reason}. Returns how many. */
    int skipQueued(SkipReason reason, String detail);

    CrawlCounts counts();

    /** The time a URL of this crawl last changed state. */
    Optional<Instant> lastProgress();
}
