package io.pagelens.crawl;

import java.time.Instant;
import java.util.List;

/** One URL of a crawl as stored: for listing a crawl's pages and for tests. */
public record FrontierUrl(String crawlId, long seq, String url, String origin, int depth, UrlSource source, Long parentSeq,
                          String linkText, UrlState state, String reason, String detail, int attempts, Integer httpStatus,
                          String contentType, String finalUrl, String contentHash, PageType pageType, Double typeConfidence,
                          List<String> typeSignals, String captureId, Long duplicateOf, Instant discoveredAt, Instant updatedAt) {
    public FrontierUrl {
        typeSignals = typeSignals == null ? List.of() : List.copyOf(typeSignals);
    }
}
