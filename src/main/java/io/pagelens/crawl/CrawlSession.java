package io.pagelens.crawl;

import io.pagelens.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drives one stored crawl to its end in this process, with plain HTTP fetches: takes the crawl's lease (a queued crawl
 * starts, an orphaned one resumes from its frontier, the dead worker's URLs given back at once), keeps the lease alive
 * from a heartbeat thread (which also sees cancel requests), runs the {@link HttpCrawler}, and ends the crawl record
 * with its reason and frozen counts. The browser engine of the next round has the same shape around the capture.
 */
public final class CrawlSession {
    private static final Logger log = LoggerFactory.getLogger(CrawlSession.class);

    private final Database db;
    private final CrawlFetcher fetcher;
    private final CrawlSettings settings;
    private final Clock clock;

    public CrawlSession(Database db, CrawlFetcher fetcher, CrawlSettings settings, Clock clock) {
        this.db = db;
        this.fetcher = fetcher;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs the crawl if this worker can take it; empty when another live worker has it or it already ended. */
    public Optional<HttpCrawler.Result> run(String crawlId, String worker, HttpCrawler.PageSink sink) throws InterruptedException {
        HttpCrawler.PageHandler http = new HttpCrawler(fetcher, settings, clock).pages(sink);
        return run(crawlId, worker, crawl -> http);
    }

    /** Makes the page handler of one acquired crawl (the browser engine needs the crawl's project and capture options). */
    @FunctionalInterface
    public interface Pages {
        HttpCrawler.PageHandler forCrawl(CrawlRecord crawl);
    }

    /** {@link #run(String, String, HttpCrawler.PageSink)} with pages fetched by {@code pages}. */
    public Optional<HttpCrawler.Result> run(String crawlId, String worker, Pages pages) throws InterruptedException {
        CrawlStore crawls = new CrawlStore(db, clock);
        Optional<CrawlStore.Acquired> got = crawls.acquire(crawlId, worker, settings.lease());
        if (got.isEmpty()) return Optional.empty();
        CrawlRecord crawl = got.get().crawl();
        Frontier frontier = new FrontierStore(db, clock).forCrawl(crawlId);
        if (got.get().previousWorker() != null) {
            int released = frontier.releaseLeasesOf(got.get().previousWorker(), settings.maxAttempts());
            log.atInfo().addKeyValue("crawl", crawlId).addKeyValue("previousWorker", got.get().previousWorker())
                    .addKeyValue("released", released).log("crawl resumed");
        }
        CrawlCore core = new CrawlCore(CrawlPlan.of(crawl), frontier, crawl.options().respectRobots()
                ? new RobotsCache(fetcher, crawl.options().robotsAgent()) : RobotsPolicy.IGNORE, settings, clock, crawl.deadlineAt());
        AtomicBoolean cancelled = new AtomicBoolean(crawl.cancelRequested());
        AtomicBoolean lost = new AtomicBoolean();
        Thread heartbeat = Thread.ofVirtual().name("crawl-heartbeat-" + crawlId).start(() -> beat(crawls, crawlId, worker, cancelled, lost));
        HttpCrawler.Result r;
        try {
            r = new HttpCrawler(fetcher, settings, clock).run(core, worker, pages.forCrawl(crawl), () -> cancelled.get() || lost.get());
        } catch (InterruptedException e) {
            // this process stops (shutdown, job cancelled): the crawl is not over, the next worker resumes it at once
            heartbeat.interrupt();
            heartbeat.join();
            crawls.release(crawlId, worker);
            throw e;
        } finally {
            heartbeat.interrupt();
            heartbeat.join();
        }
        if (lost.get()) {
            log.atWarn().addKeyValue("crawl", crawlId).log("crawl lease lost to another worker; stopped without ending it");
            return Optional.of(r);
        }
        if (!crawls.finish(crawlId, worker, r.reason(), r.message(), r.counts())) {
            log.atWarn().addKeyValue("crawl", crawlId).log("crawl could not be ended: its lease was lost");
        }
        return Optional.of(r);
    }

    private void beat(CrawlStore crawls, String crawlId, String worker, AtomicBoolean cancelled, AtomicBoolean lost) {
        // at most 2 s apart: a beat is also how a cancel request reaches the worker, so a cancel takes effect within 2 s
        long every = Math.max(100, Math.min(settings.lease().toMillis() / 3, 2_000));
        try {
            while (true) {
                Thread.sleep(every);
                try {
                    Optional<CrawlRecord> r = crawls.renew(crawlId, worker, settings.lease());
                    if (r.isEmpty()) {
                        lost.set(true);
                        return;
                    }
                    if (r.get().cancelRequested()) cancelled.set(true);
                } catch (RuntimeException e) { // a database hiccup: the lease has two more beats before it runs out
                    log.atWarn().addKeyValue("crawl", crawlId).setCause(e).log("crawl heartbeat failed; retrying");
                }
            }
        } catch (InterruptedException e) {
            // the crawl ended
        }
    }
}
