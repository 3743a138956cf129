package io.pagelens.crawl;

/**
 * A link on a fetched page, as the crawl core takes it.
 *
 * @param url      absolute URL (resolved against the page and its {@code <base>}), or the raw href for non-web schemes
 * @param text     anchor text (or aria-label, title, image alt), whitespace folded
 * @param nofollow {@code rel=nofollow} on the link, or a robots meta nofollow on the page
 */
public record FoundLink(String url, String text, boolean nofollow, LinkPlace place) {
}
