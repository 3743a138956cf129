package io.pagelens.content;

import java.util.List;

/** Text formats derived from one rendered HTML document. */
public record PageContent(String markdown, String text, List<Link> links, PageMetadata metadata) {
    public PageContent {
        links = List.copyOf(links);
    }
}
