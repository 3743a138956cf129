package io.pagelens.crawl;

import java.util.List;

/**
 * A page's type, how sure the classifier is (0..1: the winner's share of the evidence), and the signals that decided
 * it, strongest first, e.g. {@code "url segment 'preise' +4.0"}, {@code "json-ld Product +5.0"}.
 */
public record PageClassification(PageType type, double confidence, List<String> signals) {
    public PageClassification {
        signals = List.copyOf(signals);
        if (confidence < 0 || confidence > 1) throw new IllegalArgumentException("confidence must be 0..1, was " + confidence);
    }
}
