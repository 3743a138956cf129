package io.pagelens.crawl;

/**
 * What the crawl core decided about a fetched page. For {@link Store} the caller saves the capture and then calls
 * {@link CrawlCore#complete}; every other verdict has already been written to the frontier.
 */
public sealed interface PageVerdict {
    /**
     * Keep this page: save its capture under {@code pageUrl} (the claimed URL, or the redirect target).
     *
     * @param adopted true when {@code pageUrl} is a redirect target, not the claimed URL
     */
    record Store(Claim claim, String pageUrl, boolean adopted, PageFetch fetch) implements PageVerdict {
    }

    /** Not a page of its own (duplicate, non-HTML, redirect, out of scope, seed fetched only for its links). */
    record Skipped(SkipReason reason, String detail) implements PageVerdict {
    }

    /** Failed for good, or put back for another try ({@code retry}). */
    record Failed(String code, String detail, boolean retry) implements PageVerdict {
    }

    /** The claim was lost meanwhile (lease expired, another worker owns the URL): drop the result. */
    record Lost() implements PageVerdict {
    }
}
