package io.pagelens.crawl;

import java.util.Locale;

/**
 * Why a discovered URL was not stored as a page. The first six are the progress breakdown; the others
 * make every skipped URL accountable.
 */
public enum SkipReason {
    /** robots.txt disallows it for the crawl's agent (or the origin's robots.txt is unreachable). */
    ROBOTS,
    /** Another host, or excluded by includePaths/excludePaths. */
    SCOPE,
    /** Same page as one already kept: same canonical URL or same content hash. */
    DUPLICATE,
    /** Over its trap budget (too many query variants of one path, or a configured path-pattern budget). */
    TRAP,
    /** Only linked with {@code rel=nofollow} (or from a page whose robots meta says nofollow). */
    NOFOLLOW,
    /** Not an HTML page (PDF, image, archive; by extension or Content-Type): recorded, not rendered. */
    NON_HTML,
    /** mailto:, tel:, javascript:, data: and other non-web links. */
    SCHEME,
    /** More link hops from the seed than maxDepth. */
    DEPTH,
    /** It redirected elsewhere; the target is the page. */
    REDIRECT,
    /** Still queued when the crawl ended (limit, maxDuration, cancel). */
    UNVISITED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SkipReason parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
