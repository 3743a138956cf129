package io.pagelens.api;

import io.pagelens.api.auth.ApiKey;
import io.pagelens.jobs.Job;
import io.pagelens.jobs.JobEvent;
import io.pagelens.jobs.JobEvents;
import io.pagelens.jobs.JobService;
import io.pagelens.jobs.JobState;
import io.pagelens.json.Jackson;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** {@code /v1/jobs}: list (by state, newest first, cursor paging), read, cancel, and follow a job's progress as Server-Sent Events. */
public final class JobRoutes {
    /** How often an event stream re-reads the store (jobs run by another process) and pings the client. */
    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    /** An event stream ends after this even if the job has not (a client can reconnect). */
    static final Duration MAX_STREAM = Duration.ofMinutes(30);

    private final JobService jobs;
    private final java.util.function.BooleanSupplier draining;

    /** @param draining true once the server shuts down: event streams end so the listener can close */
    public JobRoutes(JobService jobs, java.util.function.BooleanSupplier draining) {
        this.jobs = jobs;
        this.draining = draining;
    }

    public void register(Router r) {
        r.document(JobRoutes.class, "openapi/jobs.json");
        r.path("/v1/jobs", g -> g
                .get("", this::list)
                .get("/{id}", this::get)
                .delete("/{id}", this::cancel)
                .get("/{id}/events", this::events));
    }

    /**
     * A job the caller may see: one of its tenant's that it submitted (or an internal one of its tenant); an admin key
     * sees every job. Any other is not found.
     */
    Job visible(Ctx ctx, String id) {
        Job j = jobs.get(id).orElseThrow(() -> ApiException.notFound("job", id));
        String owner = ownerFilter(ctx);
        if (!ctx.tenant().sees(j.tenant()) || (owner != null && j.owner() != null && !j.owner().equals(owner))) {
            throw ApiException.notFound("job", id);
        }
        return j;
    }

    /** The key whose jobs a non-admin caller sees; null for an admin key and open access. */
    private static String ownerFilter(Ctx ctx) {
        ApiKey key = ctx.principal();
        return key == null || key.admin() ? null : key.id();
    }

    private void list(Ctx ctx) throws IOException {
        ListPage<JobView> page = ListPage.of(jobs.list(ownerFilter(ctx), ctx.tenant(), states(ctx), ProjectRoutes.query(ctx)), JobView::of);
        ctx.json(200, page);
    }

    /** {@code ?state=queued,running}: the states to list; none means all. */
    private static Set<JobState> states(Ctx ctx) {
        Set<JobState> states = EnumSet.noneOf(JobState.class);
        for (String s : ctx.query("state").orElse("").split(",")) {
            if (s.isBlank()) continue;
            try {
                states.add(JobState.parse(s.trim()));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("state", "unknown state '" + s.trim() + "' (expected queued, running, succeeded, failed or cancelled)");
            }
        }
        return states;
    }

    private void get(Ctx ctx) throws IOException {
        ctx.json(200, JobView.of(visible(ctx, ctx.param("id"))));
    }

    private void cancel(Ctx ctx) throws IOException {
        Job j = visible(ctx, ctx.param("id"));
        if (j.state().terminal()) {
            throw new ApiException(409, "job_finished", "job " + j.id() + " already ended (" + j.state().id() + ")");
        }
        Job after = jobs.cancel(j.id()).orElseThrow();
        ctx.json(202, JobView.of(after));
    }

    private void events(Ctx ctx) throws IOException, InterruptedException {
        Job j = visible(ctx, ctx.param("id"));
        BlockingQueue<JobEvent> queue = new LinkedBlockingQueue<>();
        try (JobEvents.Subscription sub = jobs.events().subscribe(j.id(), queue::add); SseStream sse = ctx.sse()) {
            sse.send("state", Jackson.MAPPER.writeValueAsString(JobView.of(j)));
            JobState last = j.state();
            long started = System.nanoTime();
            long lastWrite = started;
            while (!last.terminal() && !draining.getAsBoolean() && System.nanoTime() - started < MAX_STREAM.toNanos()) {
                JobEvent e = queue.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (e != null && !e.state().terminal()) {
                    sse.send(e.type(), Jackson.MAPPER.writeValueAsString(eventBody(e)));
                    last = e.state();
                    lastWrite = System.nanoTime();
                    continue;
                }
                // terminal events and quiet periods: the store is the truth (also for jobs run elsewhere)
                Job now = jobs.get(j.id()).orElseThrow();
                if (now.state() != last || now.state().terminal()) {
                    last = now.state();
                    sse.send(now.state().terminal() ? now.state().id() : "state", Jackson.MAPPER.writeValueAsString(JobView.of(now)));
                    lastWrite = System.nanoTime();
                } else if (System.nanoTime() - lastWrite > KEEP_ALIVE.toNanos()) {
                    sse.keepAlive();
                    lastWrite = System.nanoTime();
                }
            }
        }
    }

    private static Map<String, Object> eventBody(JobEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jobId", e.jobId());
        m.put("type", e.type());
        m.put("state", e.state().id());
        m.put("attempt", e.attempt());
        if (e.detail() != null) m.put("detail", e.detail());
        m.put("at", e.at().toString());
        return m;
    }
}
