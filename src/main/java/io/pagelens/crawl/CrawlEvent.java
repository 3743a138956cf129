package io.pagelens.crawl;

import io.pagelens.capture.InvalidRequestException;

import java.util.Locale;

/** Webhook events of a crawl (Firecrawl's names). */
public enum CrawlEvent {
    STARTED, PAGE, COMPLETED, FAILED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CrawlEvent parse(String field, String s) {
        for (CrawlEvent e : values()) {
            if (e.id().equalsIgnoreCase(s == null ? "" : s.strip())) return e;
        }
        throw new InvalidRequestException(field, "must be one of started, page, completed, failed, was '" + s + "'");
    }
}
