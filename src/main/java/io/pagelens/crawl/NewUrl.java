package io.pagelens.crawl;

/**
 * A URL the crawl core decided to record: queued for fetching, or skipped at once with a reason.
 *
 * @param url       normalised URL (the frontier's unique key per crawl), or the raw link for {@link SkipReason#SCHEME}
 * @param origin    {@code scheme://host[:port]}: the politeness key ("" for non-http URLs)
 * @param budgetKey trap budget key it counts against; null when it does not count (skipped at discovery)
 * @param parentSeq the frontier seq of the page it was found on (null for the seed and sitemap URLs)
 * @param linkText  anchor text or nav label of the first link to it (trimmed to 500 characters)
 * @param skip      null to queue it, else why it is skipped; {@code detail} says more
 */
public record NewUrl(String url, String origin, String budgetKey, int depth, UrlSource source, Long parentSeq,
                     String linkText, SkipReason skip, String detail) {
    public static final int MAX_LINK_TEXT = 500;

    public NewUrl {
        if (linkText != null && linkText.length() > MAX_LINK_TEXT) linkText = linkText.substring(0, MAX_LINK_TEXT);
        if (detail != null && detail.length() > 1_000) detail = detail.substring(0, 1_000);
    }

    public boolean queued() {
        return skip == null;
    }
}
