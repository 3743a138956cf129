package io.pagelens.crawl;

import io.pagelens.jobs.Job;
import io.pagelens.jobs.JobContext;
import io.pagelens.jobs.JobFailure;
import io.pagelens.jobs.JobHandler;
import io.pagelens.jobs.JobPriority;
import io.pagelens.jobs.NewJob;
import io.pagelens.json.Jackson;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs crawls as jobs on the durable queue (kind {@value #KIND}, priority crawl): the job drives its crawl through a
 * {@link CrawlRunner} until the crawl ends. After a crash the job is claimed again (its lease ran out) and the crawl
 * resumes from its frontier once the dead driver's crawl lease has run out too; done pages are never captured again.
 */
public final class CrawlJobHandler implements JobHandler {
    public static final String KIND = "crawl";
    /** Tries of a crawl job: each restart of the process that drove it counts one. */
    public static final int MAX_ATTEMPTS = 20;
    private static final Duration NAP = Duration.ofMillis(500);

    /** The job's payload. */
    public record Payload(String crawlId) {
    }

    private final CrawlRunner runner;
    private final CrawlStore crawls;
    private final Clock clock;
    /** One name per process: the crawl lease tells which process drives it. */
    private final String instance = "crawler-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);

    private final java.util.function.Function<String, CrawlCounts> counts;

    /** @param counts a crawl's live counts (frozen into it when its job ends first) */
    public CrawlJobHandler(CrawlRunner runner, CrawlStore crawls, java.util.function.Function<String, CrawlCounts> counts, Clock clock) {
        this.counts = counts;
        this.runner = runner;
        this.crawls = crawls;
        this.clock = clock;
    }

    /** The job that drives a crawl just created. */
    public static NewJob jobFor(CrawlRecord crawl) {
        try {
            return new NewJob(KIND, JobPriority.CRAWL, Jackson.MAPPER.writeValueAsString(new Payload(crawl.id())), null, MAX_ATTEMPTS,
                    null, crawl.owner(), null).withTenant(crawl.tenant());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String run(Job job, JobContext ctx) throws JobFailure, InterruptedException {
        String id;
        try {
            id = Jackson.LENIENT.forType(Payload.class).<Payload>readValue(job.payload()).crawlId();
        } catch (IOException e) {
            throw new JobFailure("bad_payload", "crawl job payload unreadable: " + e.getMessage(), false);
        }
        String worker = instance + "-" + job.id();
        ctx.progress("crawling");
        while (true) {
            CrawlRecord r = crawls.get(id).orElseThrow(() -> new JobFailure("crawl_not_found", "crawl " + id + " does not exist", false));
            if (r.state().terminal()) return result(r);
            Optional<HttpCrawler.Result> ran = runner.run(id, worker);
            if (ran.isPresent()) {
                CrawlRecord after = crawls.get(id).orElseThrow();
                if (after.state().terminal()) return result(after);
                continue; // lost the lease to another driver: wait for it below
            }
            // another process's lease still holds (it crashed, or it is alive): wait for it to run out or for the end
            Instant until = r.leaseUntil() == null ? clock.instant().plus(NAP) : r.leaseUntil();
            long ms = Math.max(NAP.toMillis(), Math.min(5_000, Duration.between(clock.instant(), until).toMillis() + 50));
            Thread.sleep(ms);
        }
    }

    /**
     * A crawl job that ended (failed for good, cancelled, out of attempts) while its crawl had not: nobody will drive
     * the crawl any more, so it ends failed (stalled) with its counts. No crawl stays active forever.
     */
    @Override
    public Optional<NewJob> followUp(Job finished) {
        if (!finished.state().terminal()) return Optional.empty();
        try {
            String id = Jackson.LENIENT.forType(Payload.class).<Payload>readValue(finished.payload()).crawlId();
            crawls.get(id).filter(r -> !r.state().terminal()).ifPresent(r -> crawls.failStalled(id, clock.instant().plusMillis(1),
                    "its crawl job ended (" + finished.state().id() + (finished.errorMessage() == null ? "" : ": " + finished.errorMessage())
                            + ") before the crawl did", counts.apply(id)));
        } catch (IOException | RuntimeException e) {
            // an unreadable payload names no crawl
        }
        return Optional.empty();
    }

    private static String result(CrawlRecord r) {
        return Jackson.MAPPER.createObjectNode().put("crawlId", r.id()).put("state", r.state().id())
                .put("reason", r.reason() == null ? null : r.reason().id()).toString();
    }
}
