package io.pagelens.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.api.auth.ApiKey;
import io.pagelens.jobs.JobService;
import io.pagelens.json.Jackson;
import io.pagelens.monitor.Monitor;
import io.pagelens.monitor.MonitorRun;
import io.pagelens.monitor.MonitorService;
import io.pagelens.monitor.MonitorSpec;
import io.pagelens.monitor.PageChange;
import io.pagelens.store.ListQuery;
import io.pagelens.store.Storage;
import io.pagelens.store.blob.BlobContent;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * {@code /v1/monitors}: create, list, change and delete monitors, their runs (with an SSE stream), and each page's
 * change history with its diff image and text diff. A key sees its tenant's monitors that it made (and ownerless
 * ones); an admin key sees all; any other is 404, as an id that does not exist.
 */
public final class MonitorRoutes implements RouteGroup {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final Duration MAX_STREAM = Duration.ofMinutes(30);

    private final MonitorService monitors;
    private final Storage storage;
    private final boolean webhooks;
    private final BooleanSupplier draining;

    /** @param webhooks whether this server signs webhooks (PAGELENS_WEBHOOK_SECRET set) */
    public MonitorRoutes(MonitorService monitors, Storage storage, boolean webhooks, BooleanSupplier draining) {
        this.monitors = monitors;
        this.storage = storage;
        this.webhooks = webhooks;
        this.draining = draining;
    }

    /** A monitor as the API shows it: its definition, schedule state and notification health. */
    public record MonitorView(String id, MonitorSpec definition, boolean enabled, String nextDueAt, long jitterMs, String lastStatus,
                              String lastRunAt, Notifications notifications, String createdAt, String updatedAt) {
        static MonitorView of(Monitor m) {
            return new MonitorView(m.id(), m.spec(), m.enabled(), text(m.nextDueAt()), m.jitterMs(),
                    m.lastStatus() == null ? null : m.lastStatus().id(), text(m.lastRunAt()),
                    new Notifications(m.notifyFailures(), m.notifyError(), text(m.notifyAt())), text(m.createdAt()), text(m.updatedAt()));
        }
    }

    /** @param failures deliveries that failed for good since the last success; @param lastError why the last one failed */
    public record Notifications(int failures, String lastError, String lastAt) {
    }

    public record RunView(String id, String monitorId, String dueAt, int coalesced, String state, String jobId, String changeStatus,
                          JsonNode summary, String error, String enqueuedAt, String startedAt, String finishedAt) {
        static RunView of(MonitorRun r) {
            return new RunView(r.id(), r.monitorId(), text(r.dueAt()), r.coalesced(), r.state(), r.jobId(),
                    r.changeStatus() == null ? null : r.changeStatus().id(), r.summary() == null ? null : tree(r.summary()), r.error(),
                    text(r.enqueuedAt()), text(r.startedAt()), text(r.finishedAt()));
        }
    }

    public record ChangeView(String id, String runId, String url, String changeStatus, Integer httpStatus, String captureId,
                             String previousCaptureId, Double changedPercent, JsonNode regions, Integer addedWords, Integer removedWords,
                             String textDiff, String createdAt, JsonNode links) {
        static ChangeView of(PageChange c) {
            ObjectNode d = c.describe();
            return new ChangeView(c.id(), c.runId(), c.url(), c.status().id(), c.httpStatus(), c.captureId(), c.previousCaptureId(),
                    c.changedPercent(), c.regions() == null ? null : tree(c.regions()), c.addedWords(), c.removedWords(),
                    c.textDiffExcerpt(), text(c.createdAt()), d.get("links"));
        }
    }

    @Override
    public void register(Router r, JobService jobs) {
        r.document(MonitorRoutes.class, "openapi/monitors.json");
        r.path("/v1/monitors", g -> g
                .get("", this::list)
                .post("", this::create)
                .get("/{id}", this::get)
                .add("PATCH", "/{id}", this::patch)
                .delete("/{id}", this::delete)
                .get("/{id}/runs", this::runs)
                .get("/{id}/runs/events", this::events)
                .get("/{id}/changes", this::changes)
                .get("/{id}/changes/{changeId}/diff.png", ctx -> blob(ctx, true))
                .get("/{id}/changes/{changeId}/diff.txt", ctx -> blob(ctx, false)));
    }

    private static String owner(Ctx ctx) {
        ApiKey key = ctx.principal();
        return key == null ? null : key.id();
    }

    private Monitor monitor(Ctx ctx) {
        String id = ctx.param("id");
        return monitors.get(id, ctx.tenant(), KeyRows.ownerFilter(ctx)).orElseThrow(() -> ApiException.notFound("monitor", id));
    }

    private void create(Ctx ctx) throws IOException {
        MonitorSpec spec = ctx.body(MonitorSpec.class);
        checkWebhook(spec);
        Monitor m = monitors.create(spec, owner(ctx), ctx.tenant());
        ctx.responseHeaders().set("Location", "/v1/monitors/" + m.id());
        ctx.json(201, MonitorView.of(m));
    }

    private void checkWebhook(MonitorSpec spec) {
        if (spec.webhook() != null && !webhooks) {
            throw ApiException.invalid("webhook", "webhooks are disabled on this server (PAGELENS_WEBHOOK_SECRET is not set)");
        }
    }

    private void list(Ctx ctx) throws IOException {
        ctx.json(200, ListPage.of(monitors.list(ctx.tenant(), KeyRows.ownerFilter(ctx), ProjectRoutes.query(ctx)), MonitorView::of));
    }

    private void get(Ctx ctx) throws IOException {
        ctx.json(200, MonitorView.of(monitor(ctx)));
    }

    private void patch(Ctx ctx) throws IOException {
        Monitor m = monitor(ctx);
        ObjectNode patch = ctx.body(ObjectNode.class);
        Monitor changed = monitors.update(m, patch);
        checkWebhook(changed.spec());
        ctx.json(200, MonitorView.of(changed));
    }

    private void delete(Ctx ctx) throws IOException {
        Monitor m = monitor(ctx);
        monitors.delete(m.id());
        ctx.send(204, "application/json", new byte[0]);
    }

    private void runs(Ctx ctx) throws IOException {
        Monitor m = monitor(ctx);
        ctx.json(200, ListPage.of(monitors.store().runs(m.id(), ProjectRoutes.query(ctx)), RunView::of));
    }

    private void changes(Ctx ctx) throws IOException {
        Monitor m = monitor(ctx);
        boolean all = ctx.query("all").map(Boolean::parseBoolean).orElse(false);
        int limit = ctx.queryInt("limit", ListQuery.DEFAULT_LIMIT, 1, ListQuery.MAX_LIMIT);
        List<ChangeView> items = monitors.store().history(m.id(), ctx.query("url").orElse(null), !all, limit).stream()
                .map(ChangeView::of).toList();
        ctx.json(200, Map.of("items", items));
    }

    private void blob(Ctx ctx, boolean image) throws IOException {
        Monitor m = monitor(ctx);
        String cid = ctx.param("changeId");
        PageChange c = monitors.store().change(cid).filter(x -> x.monitorId().equals(m.id()))
                .orElseThrow(() -> ApiException.notFound("change", cid));
        String sha = image ? c.diffImageSha256() : c.textDiffSha256();
        if (sha == null) throw ApiException.notFound(image ? "diff image" : "text diff", cid);
        Optional<BlobContent> b = storage.openBlob(sha);
        if (b.isEmpty()) throw ApiException.notFound(image ? "diff image" : "text diff", cid);
        ctx.responseHeaders().set("ETag", "\"" + sha + "\"");
        ctx.stream(200, image ? "image/png" : "text/x-diff; charset=utf-8", b.get().length(), b.get().stream());
    }

    /**
     * Server-Sent Events of a monitor's runs: {@code run} with a run's view each time one is enqueued or changes state,
     * starting with the latest few. The store is polled, so runs made by other processes show up too.
     */
    private void events(Ctx ctx) throws IOException, InterruptedException {
        Monitor m = monitor(ctx);
        Map<String, String> seen = new HashMap<>();
        try (SseStream sse = ctx.sse()) {
            long started = System.nanoTime();
            long lastWrite = started;
            while (!draining.getAsBoolean() && System.nanoTime() - started < MAX_STREAM.toNanos()) {
                List<MonitorRun> recent = monitors.store().runs(m.id(), ListQuery.first(10)).items();
                for (MonitorRun r : recent.reversed()) {
                    if (!r.state().equals(seen.put(r.id(), r.state()))) {
                        sse.send("run", Jackson.MAPPER.writeValueAsString(RunView.of(r)));
                        lastWrite = System.nanoTime();
                    }
                }
                if (monitors.store().get(m.id()).isEmpty()) {
                    sse.send("deleted", "{\"monitorId\":\"" + m.id() + "\"}");
                    return;
                }
                if (System.nanoTime() - lastWrite > KEEP_ALIVE.toNanos()) {
                    sse.keepAlive();
                    lastWrite = System.nanoTime();
                }
                Thread.sleep(POLL);
            }
        }
    }

    private static String text(Instant i) {
        return i == null ? null : i.toString();
    }

    private static JsonNode tree(String json) {
        try {
            return Jackson.MAPPER.readTree(json);
        } catch (IOException e) {
            return Jackson.MAPPER.getNodeFactory().textNode(json);
        }
    }
}
