package io.pagelens.server;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pagelens.api.ApiSettings;
import io.pagelens.api.MonitorRoutes;
import io.pagelens.crawl.CrawlSettings;
import io.pagelens.crawl.JdkCrawlFetcher;
import io.pagelens.crawl.SiteMapper;
import io.pagelens.egress.EgressGuard;
import io.pagelens.jobs.JobHandler;
import io.pagelens.jobs.JobService;
import io.pagelens.jobs.JobStore;
import io.pagelens.jobs.WebhookHandler;
import io.pagelens.jobs.WebhookSigner;
import io.pagelens.monitor.MonitorNotifyHandler;
import io.pagelens.monitor.MonitorRunHandler;
import io.pagelens.monitor.MonitorScheduler;
import io.pagelens.monitor.MonitorService;
import io.pagelens.monitor.MonitorSettings;
import io.pagelens.monitor.MonitorStore;
import io.pagelens.monitor.ProjectRediscovery;
import io.pagelens.pipeline.CaptureService;
import io.pagelens.store.Storage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Monitors in a serving process, made once: the service behind the routes, the run and notification job handlers (run
 * by workers), and the scheduler each worker process starts ({@link #scheduler}). {@code serve} and the tests wire it the
 * same way.
 */
public record MonitorParts(MonitorService service, List<JobHandler> handlers, MonitorRoutes routes, MonitorSettings settings,
                           MeterRegistry registry, Clock clock) {
    /**
     * @param captures the capture service, or null in a web-only process (which runs no monitor jobs)
     */
    public static MonitorParts of(Storage storage, CaptureService captures, ApiSettings api, MonitorSettings settings, EgressGuard egress,
                                  MeterRegistry registry, Clock clock) {
        return of(storage, captures, api, settings, egress, CrawlSettings.DEFAULTS, registry, clock);
    }

    /** @param crawl the crawl settings project monitors with {@code crawl} map their site with (ceilings, user agent) */
    public static MonitorParts of(Storage storage, CaptureService captures, ApiSettings api, MonitorSettings settings, EgressGuard egress,
                                  CrawlSettings crawl, MeterRegistry registry, Clock clock) {
        MonitorStore store = new MonitorStore(storage.database(), clock);
        MonitorService service = new MonitorService(store, storage, settings, crawl);
        List<JobHandler> handlers = new ArrayList<>();
        if (captures != null) {
            // re-discovery is the plain-HTTP map of /v1/map, through the egress guard
            ProjectRediscovery rediscovery = new ProjectRediscovery(new SiteMapper(new JdkCrawlFetcher(egress, crawl.userAgent()), crawl, captures, clock),
                    crawl, storage);
            handlers.add(new MonitorRunHandler(store, new JobStore(storage.database(), clock), captures, storage, settings, registry, clock,
                    rediscovery));
            if (api.webhookSecret() != null) {
                handlers.add(new MonitorNotifyHandler(new WebhookHandler(new WebhookSigner(api.webhookSecret()), clock, egress), store, registry));
            }
        }
        Gauge.builder(io.pagelens.observe.MeterNames.MONITORS, store, MonitorStore::count).description("monitors stored").register(registry);
        return new MonitorParts(service, List.copyOf(handlers), new MonitorRoutes(service, storage, api.webhookSecret() != null, () -> false),
                settings, registry, clock);
    }

    /** The ticker of a process that runs jobs; start it once the server is up, close it before the server. */
    public MonitorScheduler scheduler(JobService jobs) {
        return new MonitorScheduler(service.store(), jobs, settings, clock, registry);
    }
}
