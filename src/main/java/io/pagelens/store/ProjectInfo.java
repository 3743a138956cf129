package io.pagelens.store;

import java.time.Instant;

/**
 * A project: a named set of pages whose captures are kept together, with its own retention.
 *
 * @param url the site's home page (given at creation or set by a crawl), or null
 */
public record ProjectInfo(String id, String name, Retention retention, Instant createdAt, String url) {
    public ProjectInfo(String id, String name, Retention retention, Instant createdAt) {
        this(id, name, retention, createdAt, null);
    }
}
