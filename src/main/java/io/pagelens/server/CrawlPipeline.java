package io.pagelens.server;

import io.pagelens.api.CrawlRoutes;
import io.pagelens.crawl.CrawlFetcher;
import io.pagelens.crawl.CrawlJobHandler;
import io.pagelens.crawl.CrawlRunner;
import io.pagelens.crawl.CrawlSettings;
import io.pagelens.crawl.CrawlStore;
import io.pagelens.crawl.CrawlWebhooks;
import io.pagelens.crawl.FrontierStore;
import io.pagelens.crawl.JdkCrawlFetcher;
import io.pagelens.crawl.SiteMapper;
import io.pagelens.egress.EgressGuard;
import io.pagelens.jobs.JobStore;
import io.pagelens.pipeline.CaptureService;
import io.pagelens.store.Storage;

import java.time.Clock;

/**
 * The crawler of a serving process, made once: robots.txt and sitemaps fetched through the egress guard, pages
 * through the one capture service, crawls run as jobs, webhook events queued as signed deliveries.
 */
public record CrawlPipeline(CrawlJobHandler handler, CrawlFetcher fetcher, CrawlSettings settings, Storage storage, CaptureService captures) {
    public static CrawlPipeline of(CaptureService captures, Storage storage, EgressGuard egress, CrawlSettings settings, Clock clock) {
        CrawlFetcher fetcher = new JdkCrawlFetcher(egress, settings.userAgent());
        CrawlRunner runner = new CrawlRunner(storage, fetcher, settings, captures, new CrawlWebhooks(new JobStore(storage.database(), clock), clock), clock);
        return new CrawlPipeline(new CrawlJobHandler(runner, new CrawlStore(storage.database(), clock),
                id -> new FrontierStore(storage.database(), clock).forCrawl(id).counts(), clock), fetcher, settings, storage, captures);
    }

    /**
     * The {@code /v1/crawls} and {@code /v1/map} routes; {@code webhooks} whether this server delivers them (a webhook
     * secret is set), {@code maps} whether this process may fetch (a web node without browser and egress guard answers
     * maps with 503).
     */
    public CrawlRoutes routes(boolean webhooks, boolean maps, Clock clock) {
        return new CrawlRoutes(storage, settings, webhooks, () -> false, maps ? new SiteMapper(fetcher, settings, captures, clock) : null, clock);
    }
}
