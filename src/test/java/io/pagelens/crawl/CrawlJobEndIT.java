package io.pagelens.crawl;

import io.pagelens.jobs.Job;
import io.pagelens.jobs.JobStore;
import io.pagelens.store.BothDatabases;
import io.pagelens.store.Database;
import io.pagelens.store.DatabaseSuite;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A crawl whose job ended first (failed for good) is ended failed/stalled with its counts: no crawl stays running. */
class CrawlJobEndIT extends DatabaseSuite {
    @BothDatabases
    void jobEndedBeforeItsCrawl_endsTheCrawl(Database db) {
        Clock clock = Clock.systemUTC();
        CrawlStore crawls = new CrawlStore(db, clock);
        CrawlRecord crawl = crawls.create(null, null, URI.create("http://127.0.0.1:9/"), CrawlOptions.defaults(CrawlSettings.DEFAULTS));
        crawls.acquire(crawl.id(), "dead-worker", Duration.ofMinutes(5)).orElseThrow();
        JobStore jobs = new JobStore(db, clock);
        jobs.enqueue(CrawlJobHandler.jobFor(crawl));
        Job running = jobs.claim("w", Duration.ofMinutes(1)).orElseThrow();
        CrawlJobHandler handler = new CrawlJobHandler(null, crawls, id -> new FrontierStore(db, clock).forCrawl(id).counts(), clock);

        assertThat(handler.followUp(running)).isEmpty();
        assertThat(crawls.get(crawl.id()).orElseThrow().state()).as("a running job's crawl is left alone").isEqualTo(CrawlState.RUNNING);

        assertThat(jobs.fail(running, "boom", "the worker failed")).isTrue();
        handler.followUp(jobs.get(running.id()).orElseThrow());
        CrawlRecord end = crawls.get(crawl.id()).orElseThrow();
        assertThat(end.state()).isEqualTo(CrawlState.FAILED);
        assertThat(end.reason()).isEqualTo(CrawlReason.STALLED);
        assertThat(end.errorMessage()).contains("crawl job ended (failed: the worker failed)");
        assertThat(end.finalCounts()).isNotNull();
    }
}
