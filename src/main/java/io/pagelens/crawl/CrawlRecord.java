package io.pagelens.crawl;

import java.net.URI;
import java.time.Instant;

/**
 * A crawl as stored. {@code finalCounts} is set when it ended (live counts come from its {@link Frontier}).
 *
 * @param owner  the API key that started it (null from the CLI)
 * @param tenant the tenant it belongs to (its project's); a lookup in another tenant's scope finds nothing (404)
 */
public record CrawlRecord(String id, String owner, String projectId, URI seed, CrawlOptions options, CrawlState state,
                          CrawlReason reason, String errorMessage, boolean cancelRequested, String worker, Instant leaseUntil,
                          CrawlCounts finalCounts, Instant deadlineAt, Instant createdAt, Instant startedAt, Instant finishedAt,
                          Instant progressAt, String tenant) {
    public CrawlRecord {
        if (tenant == null) tenant = io.pagelens.store.TenantScope.DEFAULT;
    }
}
