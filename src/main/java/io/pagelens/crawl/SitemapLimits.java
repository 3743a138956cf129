package io.pagelens.crawl;

import io.pagelens.config.Env;

/**
 * Bounds of reading a site's sitemaps, so a hostile or huge sitemap cannot exhaust memory or time.
 *
 * @param maxFiles sitemap files fetched per crawl, indexes included (default {@value #DEFAULT_MAX_FILES})
 * @param maxUrls  page URLs taken from all sitemaps together (default {@value #DEFAULT_MAX_URLS}, the protocol's
 *                 per-file limit); the rest are ignored and the report says so
 * @param maxBytes bytes of one sitemap after decompression (default 10 MiB; the protocol allows 50 MB, but one
 *                 sitemap is parsed in memory, so the 512 MB budget caps it lower); a larger one is skipped
 * @param maxDepth index nesting: 1 reads only the files named, 2 also the sitemaps an index lists (default
 *                 {@value #DEFAULT_MAX_DEPTH}: index of indexes)
 */
public record SitemapLimits(int maxFiles, int maxUrls, long maxBytes, int maxDepth) {
    public static final int DEFAULT_MAX_FILES = 50;
    public static final int DEFAULT_MAX_URLS = 50_000;
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    public static final int DEFAULT_MAX_DEPTH = 3;
    public static final SitemapLimits DEFAULTS = new SitemapLimits(DEFAULT_MAX_FILES, DEFAULT_MAX_URLS, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);

    public SitemapLimits {
        if (maxFiles < 0) throw new IllegalArgumentException("maxFiles must not be negative");
        if (maxUrls < 0) throw new IllegalArgumentException("maxUrls must not be negative");
        if (maxBytes < 1) throw new IllegalArgumentException("maxBytes must be positive");
        if (maxDepth < 1) throw new IllegalArgumentException("maxDepth must be at least 1");
    }

    /** {@code PAGELENS_CRAWL_SITEMAP_MAX_FILES}, {@code _MAX_URLS}, {@code _MAX_MB}, {@code _MAX_DEPTH}. */
    public static SitemapLimits fromEnv(Env env) {
        return new SitemapLimits(
                env.integer("PAGELENS_CRAWL_SITEMAP_MAX_FILES", DEFAULT_MAX_FILES, 0, 10_000),
                env.integer("PAGELENS_CRAWL_SITEMAP_MAX_URLS", DEFAULT_MAX_URLS, 0, 10_000_000),
                env.integer("PAGELENS_CRAWL_SITEMAP_MAX_MB", (int) (DEFAULT_MAX_BYTES >> 20), 1, 50) * 1024L * 1024,
                env.integer("PAGELENS_CRAWL_SITEMAP_MAX_DEPTH", DEFAULT_MAX_DEPTH, 1, 10));
    }
}
