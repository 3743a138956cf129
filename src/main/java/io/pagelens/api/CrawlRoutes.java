package io.pagelens.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.api.auth.ApiKey;
import io.pagelens.capture.Urls;
import io.pagelens.crawl.CrawlCaptureSpec;
import io.pagelens.crawl.CrawlCounts;
import io.pagelens.crawl.CrawlJobHandler;
import io.pagelens.crawl.CrawlOptions;
import io.pagelens.crawl.CrawlRecord;
import io.pagelens.crawl.CrawlSettings;
import io.pagelens.crawl.CrawlStore;
import io.pagelens.crawl.CrawlView;
import io.pagelens.crawl.FrontierStore;
import io.pagelens.crawl.FrontierUrl;
import io.pagelens.crawl.SiteMapper;
import io.pagelens.crawl.TypeOverride;
import io.pagelens.crawl.TypeOverrideStore;
import io.pagelens.crawl.TypeOverrides;
import io.pagelens.crawl.UrlState;
import io.pagelens.jobs.JobService;
import io.pagelens.json.Jackson;
import io.pagelens.store.CaptureKey;
import io.pagelens.store.Listing;
import io.pagelens.store.ProjectInfo;
import io.pagelens.store.Storage;
import io.pagelens.store.TenantScope;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * {@code /v1/crawls}: start a crawl (Firecrawl's options; it runs as a job on the durable queue), read it with its
 * counts, follow it as Server-Sent Events, cancel it, and page through its URLs; and a project's page-type overrides
 * ({@code /v1/projects/{id}/type-overrides}).
 */
public final class CrawlRoutes implements RouteGroup {
    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    static final Duration MAX_STREAM = Duration.ofMinutes(30);

    private final Storage storage;
    private final CrawlSettings settings;
    private final boolean webhooks;
    private final BooleanSupplier draining;
    private final Clock clock;
    private final SiteMapper mapper;
    private JobService jobs;

    /** @param mapper answers {@code POST /v1/map}; null: 503 (a web node does not fetch) */
    public CrawlRoutes(Storage storage, CrawlSettings settings, boolean webhooks, BooleanSupplier draining, SiteMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.storage = storage;
        this.settings = settings;
        this.webhooks = webhooks;
        this.draining = draining;
        this.clock = clock;
    }

    @Override
    public void register(Router r, JobService jobs) {
        this.jobs = jobs;
        r.document(CrawlRoutes.class, "openapi/crawls.json");
        r.path("/v1/crawls", g -> g
                .post("", this::create)
                .get("", this::list)
                .get("/{id}", this::get)
                .delete("/{id}", this::cancel)
                .post("/{id}/cancel", this::cancel)
                .post("/{id}/resume", this::resume)
                .get("/{id}/pages", this::pages)
                .get("/{id}/events", this::events));
        r.path("/v1/map", g -> g.post("", this::map));
        r.path("/v1/projects", g -> g
                .get("/{id}/type-overrides", this::overrides)
                .put("/{id}/type-overrides", this::replaceOverrides));
    }

    private CrawlStore crawls() {
        return new CrawlStore(storage.database(), clock);
    }

    private static String owner(Ctx ctx) {
        ApiKey key = ctx.principal();
        return key == null ? null : key.id();
    }

    /** The body as a JSON object of options (a crawl's or a map's), read as a tree: their parsers name each field. */
    private static ObjectNode bodyObject(Ctx ctx) throws IOException {
        byte[] bytes = ctx.bodyBytes();
        if (bytes.length == 0) throw new ApiException(400, "empty_body", "request body is empty; send a JSON object");
        JsonNode body = Jackson.MAPPER.readTree(bytes);
        if (body == null || !body.isObject()) throw ApiException.invalid("body", "must be a JSON object");
        return (ObjectNode) body;
    }

    private void create(Ctx ctx) throws IOException {
        ObjectNode options = bodyObject(ctx);
        String rawUrl = options.path("url").isTextual() ? options.remove("url").asText() : null;
        if (rawUrl == null) throw ApiException.invalid("url", "is required (the page the crawl starts from)");
        JsonNode projectNode = options.remove("projectId");
        String projectName = projectNode == null || projectNode.isNull() ? CaptureKey.DEFAULT_PROJECT : projectNode.asText();
        URI seed = Urls.parseHttpUrl(rawUrl);
        CrawlOptions o = CrawlOptions.parse(options, settings);
        if (o.webhook() != null && !webhooks) {
            throw ApiException.invalid("webhook", "webhooks are disabled on this server (PAGELENS_WEBHOOK_SECRET is not set)");
        }
        CaptureKey.requireName("projectId", projectName);
        CrawlCaptureSpec.of(o.capture(), projectName, seed); // the page options, checked now: errors name capture.FIELD
        ProjectInfo project = crawlProject(ctx.tenant(), projectName);
        storage.adoptSiteUrl(project.id(), seed.toString()); // a crawl names the project's site when nothing did
        // the crawl and every page it stores belong to its project's tenant
        CrawlRecord crawl = crawls().create(project.tenant(), owner(ctx), project.id(), seed, o);
        try {
            jobs.submit(CrawlJobHandler.jobFor(crawl));
        } catch (RuntimeException e) {
            crawls().cancel(TenantScope.ALL, crawl.id()); // never left queued without a job to drive it
            throw e;
        }
        ctx.responseHeaders().set("Location", "/v1/crawls/" + crawl.id());
        ctx.json(201, view(crawls().get(crawl.id()).orElseThrow()));
    }

    /**
     * The project a crawl stores into: a name is the caller's own tenant's project (made when missing, as a capture
     * does); an id may name any project visible in the scope (an admin's of another tenant). Never another tenant's
     * project for a one-tenant key: its id or name is simply not found there.
     */
    private ProjectInfo crawlProject(TenantScope scope, String idOrName) {
        TenantScope own = TenantScope.of(scope.owner());
        return storage.project(own, idOrName).or(() -> storage.project(scope, idOrName))
                .orElseGet(() -> storage.createProject(own, idOrName, null));
    }

    private ObjectNode view(CrawlRecord r) {
        CrawlCounts counts = r.finalCounts() != null ? r.finalCounts() : new FrontierStore(storage.database(), clock).forCrawl(r.id()).counts();
        String project = r.projectId() == null ? null : storage.project(r.projectId()).map(ProjectInfo::name).orElse(null);
        return CrawlView.of(r, counts, project);
    }

    private CrawlRecord visible(Ctx ctx) {
        String id = ctx.param("id");
        return crawls().get(ctx.tenant(), id).filter(r -> KeyRows.sees(ctx, r.owner())).orElseThrow(() -> ApiException.notFound("crawl", id));
    }

    private void list(Ctx ctx) throws IOException {
        Listing<CrawlRecord> l = crawls().list(ctx.tenant(), KeyRows.ownerFilter(ctx), ProjectRoutes.query(ctx));
        ctx.json(200, ListPage.of(l, this::view));
    }

    private void get(Ctx ctx) throws IOException {
        ctx.json(200, view(visible(ctx)));
    }

    private void cancel(Ctx ctx) throws IOException {
        CrawlRecord r = visible(ctx);
        if (r.state().terminal()) {
            throw new ApiException(409, "crawl_finished", "crawl " + r.id() + " already ended (" + r.state().id() + ")");
        }
        crawls().cancel(ctx.tenant(), r.id());
        ctx.json(202, view(crawls().get(r.id()).orElseThrow()));
    }

    private void resume(Ctx ctx) throws IOException {
        CrawlRecord r = visible(ctx);
        if (!crawls().reopen(ctx.tenant(), r.id()).orElse(false)) {
            throw new ApiException(409, "crawl_not_resumable", "crawl " + r.id() + " is " + r.state().id()
                    + ": only a cancelled or failed crawl can be resumed");
        }
        CrawlRecord reopened = crawls().get(r.id()).orElseThrow();
        try {
            jobs.submit(CrawlJobHandler.jobFor(reopened));
        } catch (RuntimeException e) {
            crawls().cancel(TenantScope.ALL, r.id()); // never left queued without a job to drive it
            throw e;
        }
        ctx.json(202, view(crawls().get(r.id()).orElseThrow()));
    }

    /** {@code ?state=done,failed}: the URL states to list; none means all. */
    private static Set<UrlState> states(Ctx ctx) {
        Set<UrlState> states = EnumSet.noneOf(UrlState.class);
        for (String s : ctx.query("state").orElse("").split(",")) {
            if (s.isBlank()) continue;
            UrlState found = null;
            for (UrlState u : UrlState.values()) if (u.id().equalsIgnoreCase(s.trim())) found = u;
            if (found == null) throw ApiException.invalid("state", "unknown state '" + s.trim() + "' (expected queued, in_flight, done, failed or skipped)");
            states.add(found);
        }
        return states.isEmpty() ? null : states;
    }

    private void pages(Ctx ctx) throws IOException {
        CrawlRecord r = visible(ctx);
        Listing<FrontierUrl> l = new FrontierStore(storage.database(), clock).list(r.id(), states(ctx), ProjectRoutes.query(ctx));
        ctx.json(200, ListPage.of(l, CrawlView::page));
    }

    /**
     * The crawl as it runs: {@code progress} (the crawl with its counts) whenever they change, {@code page} for each
     * stored page, then one event named by the final state (completed, failed, cancelled) and the end of the stream.
     */
    private void events(Ctx ctx) throws IOException, InterruptedException {
        CrawlRecord r = visible(ctx);
        FrontierStore frontier = new FrontierStore(storage.database(), clock);
        try (SseStream sse = ctx.sse()) {
            java.util.Set<Long> sent = new java.util.HashSet<>();
            String last = null;
            long started = System.nanoTime();
            long lastWrite = started;
            while (!draining.getAsBoolean() && System.nanoTime() - started < MAX_STREAM.toNanos()) {
                CrawlRecord now = crawls().get(r.id()).orElseThrow();
                // pages stored since the last look (done pages finish in any order of discovery: all are looked at)
                String cursor = null;
                do {
                    Listing<FrontierUrl> done = frontier.list(r.id(), EnumSet.of(UrlState.DONE), new io.pagelens.store.ListQuery(500, cursor));
                    for (FrontierUrl u : done.items()) {
                        if (sent.add(u.seq())) {
                            sse.send("page", Jackson.MAPPER.writeValueAsString(CrawlView.page(u)));
                            lastWrite = System.nanoTime();
                        }
                    }
                    cursor = done.nextCursor();
                } while (cursor != null);
                String json = Jackson.MAPPER.writeValueAsString(view(now));
                if (now.state().terminal()) {
                    sse.send(now.state().id(), json);
                    return;
                }
                String counts = view(now).get("counts").toString() + now.state().id();
                if (!counts.equals(last)) {
                    sse.send("progress", json);
                    last = counts;
                    lastWrite = System.nanoTime();
                } else if (System.nanoTime() - lastWrite > KEEP_ALIVE.toNanos()) {
                    sse.keepAlive();
                    lastWrite = System.nanoTime();
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    /** Options of a map: the crawl's, but what only a crawl has (capture, webhook). */
    private void map(Ctx ctx) throws IOException, InterruptedException {
        ObjectNode options = bodyObject(ctx);
        String rawUrl = options.path("url").isTextual() ? options.remove("url").asText() : null;
        if (rawUrl == null) throw ApiException.invalid("url", "is required (the site to map)");
        JsonNode projectNode = options.remove("projectId");
        for (String f : List.of("capture", "webhook")) {
            if (options.has(f)) throw ApiException.invalid(f, "is a crawl option; a map captures and calls nothing");
        }
        URI seed = Urls.parseHttpUrl(rawUrl);
        CrawlOptions o = CrawlOptions.parse(options, settings);
        TypeOverrides overrides = TypeOverrides.NONE;
        if (projectNode != null && !projectNode.isNull()) {
            ProjectInfo p = storage.project(ctx.tenant(), projectNode.asText()).orElseThrow(() -> ApiException.invalid("projectId", "no such project"));
            overrides = new TypeOverrideStore(storage.database()).of(p.id());
        }
        if (mapper == null) {
            throw new ApiException(503, "map_unavailable", "this process does not fetch pages (web role); maps run on processes with the browser (serve --role all)");
        }
        SiteMapper.Result m = mapper.map(seed, o, overrides);
        ObjectNode out = Jackson.MAPPER.createObjectNode();
        out.put("url", m.seed().toString());
        out.put("reason", m.reason().id());
        out.set("counts", CrawlView.counts(m.counts()));
        out.set("links", Jackson.MAPPER.valueToTree(m.links()));
        ctx.json(200, out);
    }

    private ProjectInfo project(Ctx ctx) {
        String id = ctx.param("id");
        return storage.project(ctx.tenant(), id).orElseThrow(() -> ApiException.notFound("project", id));
    }

    private void overrides(Ctx ctx) throws IOException {
        ProjectInfo p = project(ctx);
        ctx.json(200, overridesView(new TypeOverrideStore(storage.database()).of(p.id())));
    }

    /** Replaces the project's rules: {@code {"rules": [{"pathPattern": "^/shop/", "type": "category"}]}}. */
    private void replaceOverrides(Ctx ctx) throws IOException {
        ProjectInfo p = project(ctx);
        JsonNode body = Jackson.MAPPER.readTree(ctx.bodyBytes());
        if (body == null || !body.path("rules").isArray()) throw ApiException.invalid("rules", "must be an array of {pathPattern, type}");
        List<TypeOverride> rules = new ArrayList<>();
        int i = 0;
        for (JsonNode n : body.get("rules")) {
            String field = "rules[" + i++ + "]";
            if (!n.path("pathPattern").isTextual()) throw ApiException.invalid(field + ".pathPattern", "is required");
            if (!n.path("type").isTextual()) throw ApiException.invalid(field + ".type", "is required");
            try {
                rules.add(TypeOverride.of(n.get("pathPattern").asText(), n.get("type").asText()));
            } catch (io.pagelens.capture.InvalidRequestException e) {
                throw ApiException.invalid(field + "." + e.field(), e.getMessage().substring(e.field().length() + 2));
            }
        }
        TypeOverrides o = new TypeOverrides(rules);
        new TypeOverrideStore(storage.database()).replace(p.id(), o);
        ctx.json(200, overridesView(o));
    }

    private static ObjectNode overridesView(TypeOverrides o) {
        ObjectNode n = Jackson.MAPPER.createObjectNode();
        var a = n.putArray("rules");
        for (TypeOverride r : o.rules()) a.addObject().put("pathPattern", r.pathPattern()).put("type", r.type().id());
        return n;
    }
}
