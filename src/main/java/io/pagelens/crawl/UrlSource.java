package io.pagelens.crawl;

import java.util.Locale;

/** How a URL entered the frontier. */
public enum UrlSource {
    SEED, LINK, SITEMAP, REDIRECT, CANONICAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UrlSource parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
