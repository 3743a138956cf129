package io.pagelens.crawl;

import java.util.Locale;

/** A crawl's life: queued, running, then one terminal state (with a reason, see {@link CrawlReason}). */
public enum CrawlState {
    QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    public static CrawlState parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
