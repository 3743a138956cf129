package io.pagelens.crawl;

import java.net.URI;

/** A crawl's seed and options, with what follows from them: scope, trap budget, normaliser. */
public record CrawlPlan(URI seed, CrawlOptions options, CrawlScope scope, TrapBudget budget, UrlNormalizer normalizer) {
    public static CrawlPlan of(URI seed, CrawlOptions options) {
        UrlNormalizer n = options.normalizer();
        URI s = n.normalize(seed.toString()).map(URI::create).orElseThrow(() -> new io.pagelens.capture.InvalidRequestException("url", "cannot be normalised"));
        return new CrawlPlan(s, options, new CrawlScope(s, options), new TrapBudget(options.traps()), n);
    }

    public static CrawlPlan of(CrawlRecord crawl) {
        return of(crawl.seed(), crawl.options());
    }
}
