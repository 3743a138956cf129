package io.pagelens.crawl;

import java.util.List;

/**
 * What fetching (or rendering) a claimed URL gave, as the crawl core judges it. For a network error or timeout use
 * {@link #failure}.
 *
 * @param finalUrl      the URL the page came from after redirects (absolute), or null when it is the claimed one
 * @param redirects     redirects followed on the way (0 when none)
 * @param httpStatus    status of the final response; 0 for a network error
 * @param contentType   media type of the final response ({@code text/html}), "" when unknown
 * @param links         the page's links (from the rendered DOM for browser captures)
 * @param canonical     absolute {@code rel=canonical} target, or null
 * @param contentHash   {@link ContentFingerprint} of the page, or null when it has no body
 * @param error         what went wrong, for network errors and refused redirects; null otherwise
 */
public record PageFetch(String finalUrl, int redirects, int httpStatus, String contentType, List<FoundLink> links, String canonical,
                        String contentHash, String error) {
    /** Start of {@link #error} when the egress guard refused the host: failed for good, never retried. */
    public static final String EGRESS_BLOCKED = "blocked by the egress guard: ";

    public PageFetch {
        links = links == null ? List.of() : List.copyOf(links);
        contentType = contentType == null ? "" : contentType;
    }

    /** An HTML (or other) response. */
    public static PageFetch of(String finalUrl, int redirects, int status, String contentType, PageLinks page, String contentHash) {
        return new PageFetch(finalUrl, redirects, status, contentType, page == null ? List.of() : page.links(),
                page == null ? null : page.canonical(), contentHash, null);
    }

    /** No response: network error, timeout, or a redirect chain that was cut. */
    public static PageFetch failure(String finalUrl, int redirects, String error) {
        return new PageFetch(finalUrl, redirects, 0, "", List.of(), null, null, error);
    }
}
