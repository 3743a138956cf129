package io.pagelens.crawl;

import java.time.Instant;

/** What a crawl worker does next. */
public sealed interface NextStep {
    /** Fetch (capture) this URL. */
    record Fetch(Claim claim) implements NextStep {
    }

    /** Nothing to do now; ask again at {@code until} (politeness delay, pages still in flight, the limit's last slots). */
    record Wait(Instant until) implements NextStep {
    }

    /** The crawl is over; end it with this reason ({@link CrawlCore#finish}). */
    record Finish(CrawlReason reason, String message) implements NextStep {
    }
}
