package io.pagelens.server;

import io.pagelens.api.CrawlRoutes;
import io.pagelens.crawl.CrawlFetcher;
import io.pagelens.crawl.CrawlJobHandler;
import io.pagelens.crawl.CrawlRunner;
import io.pagelens.crawl.CrawlSettings;
import io.pagelens.crawl.CrawlStore;
import io.pagelens.crawl.CrawlWebhooks;
import io.pagelens.crawl.JdkCrawlFetcher;
import io.pagelens.egress.EgressGuard;
import io.pagelens.jobs.JobStore;
import io.pagelens.pipeline.CaptureService;
import io.pagelens.store.Storage;

import java.time.Clock;

/**
 * The crawler of a serving process, made once: robots.txt and sitemaps fetched through the egress guard, pages
 * through the one capture service, crawls run as jobs, webhook events queued as signed deliveries.
 */
public record CrawlPipeline(CrawlJobHandler handler, CrawlFetcher fetcher, CrawlSettings settings, Storage storage) {
    public static CrawlPipeline of(CaptureService captures, Storage storage, EgressGuard egress, CrawlSettings settings, Clock clock) {
        CrawlFetcher fetcher = new JdkCrawlFetcher(egress, settings.userAgent());
        CrawlRunner runner = new CrawlRunner(storage, fetcher, settings, captures, new CrawlWebhooks(new JobStore(storage.database(), clock), clock), clock);
        return new CrawlPipeline(new CrawlJobHandler(runner, new CrawlStore(storage.database(), clock), clock), fetcher, settings, storage);
    }

    /** The {@code /v1/crawls} routes; {@code webhooks} whether this server delivers them (a webhook secret is set). */
    public CrawlRoutes routes(boolean webhooks, Clock clock) {
        return new CrawlRoutes(storage, settings, webhooks, () -> false, clock);
    }
}
