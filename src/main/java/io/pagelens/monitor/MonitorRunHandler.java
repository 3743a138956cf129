package io.pagelens.monitor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pagelens.capture.CaptureException;
import io.pagelens.jobs.Job;
import io.pagelens.jobs.JobContext;
import io.pagelens.jobs.JobFailure;
import io.pagelens.jobs.JobHandler;
import io.pagelens.jobs.JobPriority;
import io.pagelens.jobs.JobStore;
import io.pagelens.jobs.NewJob;
import io.pagelens.json.Jackson;
import io.pagelens.observe.MeterNames;
import io.pagelens.store.ListQuery;
import io.pagelens.store.PageInfo;
import io.pagelens.store.ProjectInfo;
import io.pagelens.store.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a monitor's due run (jobs of kind {@value #KIND}, enqueued by the {@link MonitorScheduler}): checks each page,
 * then ends the run with its change status and, in the same transaction, enqueues the webhook when something changed.
 * Idempotent per run: a job whose run has ended returns its summary without capturing again.
 */
public final class MonitorRunHandler implements JobHandler {
    public static final String KIND = "monitor.run";
    /** Attempts of a run whose captures fail with a retryable error (browser restart, timeout). */
    public static final int MAX_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(MonitorRunHandler.class);

    private final MonitorStore store;
    private final JobStore jobs;
    private final PageCheck check;
    private final Storage storage;
    private final MonitorSettings settings;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final ProjectRediscovery rediscovery;

    public MonitorRunHandler(MonitorStore store, JobStore jobs, io.pagelens.pipeline.CaptureService captures, Storage storage,
                             MonitorSettings settings, MeterRegistry metrics, Clock clock) {
        this(store, jobs, captures, storage, settings, metrics, clock, null);
    }

    /** @param rediscovery maps a project's site for monitors with {@code crawl}; null: such runs fail */
    public MonitorRunHandler(MonitorStore store, JobStore jobs, io.pagelens.pipeline.CaptureService captures, Storage storage,
                             MonitorSettings settings, MeterRegistry metrics, Clock clock, ProjectRediscovery rediscovery) {
        this.rediscovery = rediscovery;
        this.store = store;
        this.jobs = jobs;
        this.storage = storage;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.check = new PageCheck(captures, storage, store, clock);
    }

    /** The payload of a run job. */
    public record Payload(String monitorId, String runId) {
    }

    static NewJob job(Monitor m, String runId) {
        try {
            return new NewJob(KIND, JobPriority.NORMAL, Jackson.MAPPER.writeValueAsString(new Payload(m.id(), runId)), null, MAX_ATTEMPTS,
                    null, m.owner(), null).withTenant(m.tenant());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String run(Job job, JobContext ctx) throws JobFailure, InterruptedException {
        Payload p;
        try {
            p = Jackson.LENIENT.forType(Payload.class).readValue(job.payload());
        } catch (IOException e) {
            throw new JobFailure("bad_payload", "monitor run payload unreadable: " + e.getMessage(), false);
        }
        MonitorRun run = store.run(p.runId()).orElseThrow(() -> new JobFailure("monitor_gone", "the monitor or its run was deleted", false));
        if (run.ended()) return run.summary(); // a repeated job: the run happened already
        if (!store.startRun(run.id(), job.id())) return null;
        Timer.builder(MeterNames.MONITOR_LAG).description("time from a run's fire time (due time plus jitter) to its start")
                .register(metrics).record(Duration.between(run.fireAt(), clock.instant()).abs());
        MonitorRun mine = new MonitorRun(run.id(), run.monitorId(), run.dueAt(), run.fireAt(), run.coalesced(), "running", job.id(),
                null, null, null, run.enqueuedAt(), run.startedAt(), null);
        try {
            return execute(mine, ctx, job.attempts() >= job.maxAttempts());
        } catch (JobFailure f) {
            if (!f.retryable() || job.attempts() >= job.maxAttempts()) store.failRun(mine, f.code() + ": " + f.getMessage());
            metrics.counter(MeterNames.MONITOR_RUNS, "status", "failed").increment();
            throw f;
        }
    }

    /**
     * Checks the run's pages and ends it. Used by the job and by {@code pagelens monitor run}, which makes its own run row.
     *
     * @param lastAttempt whether a failed page ends the run (false: the job is retried)
     */
    public String execute(MonitorRun run, JobContext ctx, boolean lastAttempt) throws JobFailure, InterruptedException {
        Monitor m = byProjectName(store.get(run.monitorId()).orElseThrow(() -> new JobFailure("monitor_gone", "the monitor was deleted", false)));
        RunPages runPages = runPages(m);
        List<String[]> pages = runPages.check();
        ChangeStatus overall = null;
        ArrayNode summaries = Jackson.MAPPER.createArrayNode();
        List<PageChange> changes = new ArrayList<>();
        CaptureException lastError = null;
        for (String[] page : pages) {
            ctx.progress("checking " + page[0]);
            try {
                PageChange c = check.check(m, run, page[0], page[1]);
                changes.add(c);
                summaries.add(c.describe());
                overall = overall == null ? c.status() : overall.and(c.status());
                metrics.counter(MeterNames.MONITOR_CHANGES, "status", c.status().id()).increment();
            } catch (CaptureException e) {
                lastError = e;
                summaries.add(Jackson.MAPPER.createObjectNode().put("url", page[0]).putObject("error")
                        .put("code", e.error().code()).put("message", e.getMessage()));
                log.atInfo().addKeyValue("monitor", m.id()).addKeyValue("url", page[0]).addKeyValue("code", e.error().code()).log("monitor page failed");
            } catch (IOException e) {
                throw new JobFailure("internal", "comparing captures failed: " + e.getMessage(), true, e);
            }
        }
        if (overall == null && lastError != null) {
            // nothing could be checked: the run fails (and is retried if the capture error allows)
            throw new JobFailure(lastError.error().code(), lastError.getMessage(), lastError.error().retryable() && !lastAttempt, lastError);
        }
        // known pages the re-discovery no longer finds: removed, once (after the checks, so a failed run reports them on its retry)
        for (String[] page : runPages.gone()) {
            PageChange c = check.vanished(m, run, page[0], page[1]);
            changes.add(c);
            summaries.add(c.describe());
            overall = overall == null ? c.status() : overall.and(c.status());
            metrics.counter(MeterNames.MONITOR_CHANGES, "status", c.status().id()).increment();
        }
        if (overall == null) overall = ChangeStatus.SAME; // a project without pages
        ObjectNode summary = Jackson.MAPPER.createObjectNode().put("changeStatus", overall.id()).put("pages", pages.size() + runPages.gone().size());
        summary.set("results", summaries);
        NewJob notification = overall.notifies() ? Notification.of(m, run, overall, changes, clock).orElse(null) : null;
        Optional<String> notifyJob = store.finishRun(run, overall, summary.toString(), notification, jobs);
        metrics.counter(MeterNames.MONITOR_RUNS, "status", overall.id()).increment();
        log.atInfo().addKeyValue("monitor", m.id()).addKeyValue("run", run.id()).addKeyValue("changeStatus", overall.id())
                .addKeyValue("pages", pages.size() + runPages.gone().size()).addKeyValue("notification", notifyJob.orElse("none")).log("monitor run done");
        return summary.toString();
    }

    /**
     * A project monitor given the project's id captures into the project by its name (a capture's projectId is a
     * name; an id would make a second project named after it, and the known pages would never grow).
     */
    private Monitor byProjectName(Monitor m) throws JobFailure {
        MonitorSpec s = m.spec();
        if (s.projectId() == null) return m;
        ProjectInfo project = storage.project(io.pagelens.store.TenantScope.of(m.tenant()), s.projectId())
                .orElseThrow(() -> new JobFailure("project_gone", "project '" + s.projectId() + "' does not exist", false));
        if (project.name().equals(s.projectId())) return m;
        return m.withSpec(s.merge(Jackson.MAPPER.createObjectNode().put("projectId", project.name())));
    }

    /** A run's pages ({url, pageType}): those to capture, and those known but no longer discovered (removed without a capture). */
    private record RunPages(List<String[]> check, List<String[]> gone) {
    }

    /** The pages of a run: the fixed URLs, or the project's known pages (up to PAGELENS_MONITOR_MAX_PAGES). */
    private List<String[]> pages(Monitor m) throws JobFailure {
        MonitorSpec s = m.spec();
        if (!s.watchesProject()) return s.fixedUrls().stream().map(u -> new String[]{u, null}).toList();
        ProjectInfo project = storage.project(io.pagelens.store.TenantScope.of(m.tenant()), s.projectId())
                .orElseThrow(() -> new JobFailure("project_gone", "project '" + s.projectId() + "' does not exist", false));
        List<String[]> out = new ArrayList<>();
        String after = null;
        do {
            var page = storage.pages(project.id(), new ListQuery(Math.min(ListQuery.MAX_LIMIT, settings.maxPages() - out.size()), after));
            for (PageInfo p : page.items()) out.add(new String[]{p.url(), p.pageType()});
            after = page.nextCursor();
        } while (after != null && out.size() < settings.maxPages());
        return out;
    }

    /**
     * The pages of a run: the fixed URLs, or the project's known pages (up to PAGELENS_MONITOR_MAX_PAGES), or with
     * {@code crawl} the pages the map finds now (a known page keeps its type) plus the known pages it no longer finds
     * (once: a page this monitor already reported removed is not reported again until it is found again).
     */
    private RunPages runPages(Monitor m) throws JobFailure, InterruptedException {
        MonitorSpec s = m.spec();
        List<String[]> known = pages(m);
        if (!s.rediscovers()) return new RunPages(known, List.of());
        if (rediscovery == null) throw new JobFailure("rediscovery_unavailable", "this process cannot map sites (no crawl fetcher)", false);
        ProjectInfo project = storage.project(io.pagelens.store.TenantScope.of(m.tenant()), s.projectId())
                .orElseThrow(() -> new JobFailure("project_gone", "project '" + s.projectId() + "' does not exist", false));
        ProjectRediscovery.Found found = rediscovery.discover(m, project, settings.maxPages());
        java.util.Map<String, String> types = new java.util.HashMap<>();
        List<String[]> gone = new ArrayList<>();
        for (String[] k : known) {
            types.putIfAbsent(ProjectRediscovery.normal(found.normalizer(), k[0]), k[1]);
            if (!found.has(k[0]) && !reportedRemoved(m, k[0])) gone.add(k);
        }
        List<String[]> check = found.urls().stream().map(u -> new String[]{u, types.get(u)}).toList();
        return new RunPages(check, gone);
    }

    /** Whether this monitor's latest entry for the page says removed (a vanished page is reported once). */
    private boolean reportedRemoved(Monitor m, String url) {
        List<PageChange> last = store.history(m.id(), url, false, 1);
        return !last.isEmpty() && last.getFirst().status() == ChangeStatus.REMOVED;
    }

    /** Run jobs end with their run: no follow-up (the notification was enqueued with the run's end). */
    @Override
    public Optional<NewJob> followUp(Job finished) {
        return Optional.empty();
    }
}
