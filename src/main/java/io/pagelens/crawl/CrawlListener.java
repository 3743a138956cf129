package io.pagelens.crawl;

/** Told what a crawl does as it runs: for webhooks, and the CLI's progress. Calls must be quick and must not throw. */
public interface CrawlListener {
    CrawlListener NONE = new CrawlListener() {
    };

    /** The crawl started (not told again when a crawl resumes). */
    default void started(CrawlRecord crawl) {
    }

    /** A page was captured and stored. */
    default void page(CrawlRecord crawl, BrowserPages.StoredPage page) {
    }

    /** The crawl ended; {@code ended} is the record with its final state, reason and counts. */
    default void ended(CrawlRecord ended) {
    }

    /** Both, in order. */
    default CrawlListener and(CrawlListener other) {
        CrawlListener self = this;
        return new CrawlListener() {
            @Override
            public void started(CrawlRecord crawl) {
                self.started(crawl);
                other.started(crawl);
            }

            @Override
            public void page(CrawlRecord crawl, BrowserPages.StoredPage page) {
                self.page(crawl, page);
                other.page(crawl, page);
            }

            @Override
            public void ended(CrawlRecord ended) {
                self.ended(ended);
                other.ended(ended);
            }
        };
    }
}
