package io.pagelens.crawl;

import java.util.Locale;

/** Where a frontier URL is: queued, claimed by a worker, or ended (done, failed, skipped). */
public enum UrlState {
    QUEUED, IN_FLIGHT, DONE, FAILED, SKIPPED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean ended() {
        return this == DONE || this == FAILED || this == SKIPPED;
    }

    public static UrlState parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
