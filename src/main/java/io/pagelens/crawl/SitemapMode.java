package io.pagelens.crawl;

import io.pagelens.capture.InvalidRequestException;

import java.util.Locale;

/** Firecrawl's {@code sitemap} option: how sitemaps take part in discovery. */
public enum SitemapMode {
    /** Sitemap URLs and links found on pages (default). */
    INCLUDE,
    /** Links only; sitemaps are not read. */
    SKIP,
    /** The seed and sitemap URLs only; links on pages are not followed. */
    ONLY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SitemapMode parse(String s) {
        for (SitemapMode m : values()) {
            if (m.id().equalsIgnoreCase(s == null ? "" : s.strip())) return m;
        }
        throw new InvalidRequestException("sitemap", "must be include, skip or only, was '" + s + "'");
    }
}
