package io.pagelens.crawl;

import java.io.IOException;
import java.net.URI;

/**
 * How the crawler GETs robots.txt, sitemaps and (for maps and plain-HTTP discovery) pages. One request per call:
 * redirects are returned, not followed, so every hop is checked against robots and scope before it is requested
 * ({@link RedirectFollower}). The egress guard plugs in here: an implementation that refuses private addresses.
 */
@FunctionalInterface
public interface CrawlFetcher {
    /**
     * @throws IOException          on a network error or timeout (the caller records it, never retries blindly)
     * @throws InterruptedException when the crawl is being stopped
     */
    FetchResponse get(URI url, FetchLimits limits) throws IOException, InterruptedException;
}
