package io.pagelens.crawl;

import org.jsoup.nodes.Document;

import java.net.URI;

/**
 * What the page-type classifier is given about one page.
 *
 * @param url      the final URL (after redirects)
 * @param doc      the rendered DOM as HTML, parsed by jsoup with {@code url} as base
 * @param linkText the label of the link that led to the page (a nav entry such as "Preise"), or null
 */
public record PageEvidence(URI url, Document doc, String linkText) {
    public PageEvidence {
        java.util.Objects.requireNonNull(url, "url");
        java.util.Objects.requireNonNull(doc, "doc");
    }
}
