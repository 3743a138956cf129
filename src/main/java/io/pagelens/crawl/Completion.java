package io.pagelens.crawl;

import java.util.List;

/**
 * What a done page recorded in the frontier: the HTTP outcome, its content hash (for duplicate detection), its
 * page type with confidence and the signals that decided it, and the stored capture.
 */
public record Completion(int httpStatus, String contentType, String finalUrl, String contentHash, PageType pageType,
                         double typeConfidence, List<String> typeSignals, String captureId) {
    public Completion {
        typeSignals = typeSignals == null ? List.of() : List.copyOf(typeSignals);
    }
}
