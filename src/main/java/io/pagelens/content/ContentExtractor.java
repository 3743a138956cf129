package io.pagelens.content;

import java.net.URI;

/**
 * Turns rendered HTML into Markdown, text, links and metadata, with no browser. Used by the capture
 * engine on the DOM Chromium rendered and by {@code pagelens markdown} on saved pages.
 */
public interface ContentExtractor {
    PageContent extract(String html, URI pageUrl, ContentOptions options);
}
