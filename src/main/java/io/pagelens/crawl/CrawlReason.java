package io.pagelens.crawl;

/** Why a crawl ended as it did; ids as the API shows them. */
public enum CrawlReason {
    /** completed: the frontier ran out. */
    FINISHED("finished"),
    /** completed: {@code limit} pages were stored. */
    LIMIT_REACHED("limitReached"),
    /** completed: {@code maxDuration} passed. */
    MAX_DURATION_REACHED("maxDurationReached"),
    /** cancelled by request. */
    CANCELLED("cancelled"),
    /** failed: the frontier did not move for the stall timeout, or nothing was claimable and nothing in flight. */
    STALLED("stalled"),
    /** failed: the seed could not be fetched (network error, HTTP error, robots.txt unreachable or disallowing it). */
    SEED_FAILED("seedFailed"),
    /** failed: an error of pagelens itself (see the message). */
    ERROR("error");

    private final String id;

    CrawlReason(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public CrawlState state() {
        return switch (this) {
            case FINISHED, LIMIT_REACHED, MAX_DURATION_REACHED -> CrawlState.COMPLETED;
            case CANCELLED -> CrawlState.CANCELLED;
            case STALLED, SEED_FAILED, ERROR -> CrawlState.FAILED;
        };
    }

    public static CrawlReason parse(String id) {
        for (CrawlReason r : values()) {
            if (r.id.equals(id)) return r;
        }
        throw new IllegalArgumentException("unknown crawl reason " + id);
    }
}
