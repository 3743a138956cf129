package io.pagelens.content;

import java.util.List;
import java.util.Map;

/**
 * What a page says about itself. Absent values are null (strings) or empty (collections).
 *
 * @param openGraph og:* and twitter:* properties, keys as written (e.g. {@code og:title})
 * @param jsonLd    raw JSON-LD blocks, as strings
 */
public record PageMetadata(String title, String description, String byline, String excerpt, String siteName,
                           String publishedTime, String lang, String dir, boolean readerable, String canonical,
                           Map<String, String> openGraph, List<String> jsonLd) {
    public static final PageMetadata EMPTY = new PageMetadata(null, null, null, null, null, null, null, null, false,
            null, Map.of(), List.of());

    public PageMetadata {
        openGraph = openGraph == null ? Map.of() : Map.copyOf(openGraph);
        jsonLd = jsonLd == null ? List.of() : List.copyOf(jsonLd);
    }
}
