package io.pagelens.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.analysis.brand.BrandProfile;
import io.pagelens.analysis.suggest.Suggestions;
import io.pagelens.analysis.suggest.VariantSuggester;
import io.pagelens.jobs.JobPriority;
import io.pagelens.jobs.JobService;
import io.pagelens.json.Jackson;
import io.pagelens.memory.BoundedCache;
import io.pagelens.memory.Caches;
import io.pagelens.pipeline.CaptureOrder;
import io.pagelens.pipeline.CaptureSpec;
import io.pagelens.pipeline.OrderCodec;
import io.pagelens.pipeline.StoredVariants;
import io.pagelens.store.CaptureKey;
import io.pagelens.store.ProjectInfo;
import io.pagelens.store.Storage;
import io.pagelens.store.StoredBrand;
import io.pagelens.store.StoredCapture;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Brand profiles and the variants suggested from them:
 * <ul>
 *   <li>{@code GET /v1/projects/{id}/brand}: the profile of the project's home page ({@code url}), computed on first
 *       request, stored, and held in the global bounded cache ({@value #CACHE}, {@link #CACHE_TTL}); {@code ?refresh=true}
 *       computes it again;</li>
 *   <li>{@code POST /v1/brand {"url"}}: the profile of any page (cached, not stored as a project's);</li>
 *   <li>{@code POST /v1/projects/{id}/variants/suggest}: variants proposed from the project's profile by the rules of
 *       {@code SuggestionRules} (and copy from the LLM endpoint when one is configured).</li>
 * </ul>
 * A profile is computed by a capture of the page with {@code analysis.brand} and a stable render, queued and run like
 * every capture (one capture service, the egress guard, the browser pool), and read from its report.
 */
public final class BrandRoutes implements RouteGroup {
    static final String CACHE = "brand-profiles";
    static final Duration CACHE_TTL = Duration.ofHours(1);

    private final Storage storage;
    private final QueuedCapture captures;
    private final Duration requestDeadline;
    private final Clock clock;
    private final BoundedCache<String, String> cache;
    private final VariantSuggester suggester;
    private JobService jobs;

    /** @param suggester the rules, with the LLM client when PAGELENS_LLM_URL is set */
    public BrandRoutes(Storage storage, OrderCodec codec, ApiSettings settings, Clock clock, Caches caches, VariantSuggester suggester) {
        this.storage = storage;
        this.captures = new QueuedCapture(codec, storage, settings.maxAttempts());
        this.requestDeadline = settings.requestDeadline();
        this.clock = clock;
        this.cache = caches == null ? null : caches.create(CACHE, (String k, String v) -> 2 * (k.length() + v.length()), CACHE_TTL);
        this.suggester = suggester;
    }

    /** As {@code serve} wires it: the rules, with copy from the LLM endpoint when PAGELENS_LLM_URL is set. */
    public static BrandRoutes of(Storage storage, OrderCodec codec, ApiSettings settings, Clock clock, Caches caches, io.pagelens.config.Env env) {
        VariantSuggester suggester = io.pagelens.analysis.suggest.LlmSettings.fromEnv(env)
                .map(l -> new VariantSuggester(new io.pagelens.analysis.suggest.ChatCompletionsClient(l, caches)))
                .orElseGet(VariantSuggester::rulesOnly);
        return new BrandRoutes(storage, codec, settings, clock, caches, suggester);
    }

    /** Body of {@code POST /v1/brand}. */
    public record BrandRequest(String url) {
    }

    @Override
    public void register(Router r, JobService jobs) {
        this.jobs = jobs;
        r.document(BrandRoutes.class, "openapi/brand.json");
        r.get("/v1/projects/{id}/brand", this::projectBrand);
        r.post("/v1/projects/{id}/variants/suggest", this::suggest);
        r.post("/v1/brand", this::anyPage);
    }

    private ProjectInfo project(Ctx ctx) {
        String id = ctx.param("id");
        return storage.project(ctx.tenant(), id).orElseThrow(() -> ApiException.notFound("project", id));
    }

    private void projectBrand(Ctx ctx) throws Exception {
        boolean refresh = ctx.query("refresh").map(Boolean::parseBoolean).orElse(false);
        ctx.json(200, Jackson.LENIENT.readTree(projectView(project(ctx), refresh)));
    }

    /** The project's profile view as JSON: from the cache, else the store, else (or when refreshing) a new capture. */
    private String projectView(ProjectInfo p, boolean refresh) throws Exception {
        String key = "project:" + p.id();
        if (!refresh) {
            String hit = cache.getIfPresent(key);
            if (hit != null) return hit;
            Optional<StoredBrand> stored = storage.brand(p.id());
            if (stored.isPresent()) return remember(key, view(stored.get()));
        }
        if (p.siteUrl() == null) {
            throw ApiException.invalid("siteUrl", "project " + p.name() + " has no siteUrl (its home page): create it with {\"name\", \"siteUrl\"}, or crawl it");
        }
        StoredCapture c = capture(p.siteUrl(), p.name(), p.tenant());
        StoredBrand saved = storage.saveBrand(p.id(), c.url(), c.id(), Jackson.MAPPER.writeValueAsString(profileOf(c)));
        return remember(key, view(saved));
    }

    private void anyPage(Ctx ctx) throws Exception {
        BrandRequest b = ctx.body(BrandRequest.class);
        if (b.url() == null) throw ApiException.invalid("url", "url is required");
        String url = io.pagelens.capture.Urls.parseHttpUrl(b.url()).toString(); // 4xx naming url
        String tenant = ctx.tenant().owner();
        String key = "url:" + tenant + ":" + url; // per tenant: the view names a capture of the caller's tenant
        String hit = cache.getIfPresent(key);
        if (hit == null) {
            StoredCapture c = capture(url, CaptureKey.DEFAULT_PROJECT, tenant);
            hit = remember(key, view(new StoredBrand(null, c.url(), c.id(), Jackson.MAPPER.writeValueAsString(profileOf(c)), c.capturedAt())));
        }
        ctx.json(200, Jackson.LENIENT.readTree(hit));
    }

    private void suggest(Ctx ctx) throws Exception {
        ProjectInfo p = project(ctx);
        JsonNode view = Jackson.LENIENT.readTree(projectView(p, false));
        BrandProfile profile = Jackson.LENIENT.treeToValue(view.path("brand"), BrandProfile.class);
        Suggestions s = suggester.suggest(profile);
        ObjectNode out = Jackson.MAPPER.valueToTree(s);
        // each also as the body POST /v1/projects/{id}/variants takes: a name from its rule, setAttribute's value as {name, value}
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (JsonNode sg : out.path("suggestions")) {
            int n = seen.merge(sg.path("rule").asText("suggestion"), 1, Integer::sum);
            ObjectNode variant = ((ObjectNode) sg).putObject("variant")
                    .put("name", sg.path("rule").asText("suggestion") + (n == 1 ? "" : "-" + n)).put("description", sg.path("name").asText());
            variant.set("mutations", sg.path("mutations").deepCopy());
            for (JsonNode m : variant.path("mutations")) {
                ObjectNode mo = (ObjectNode) m;
                if (mo.has("attribute")) {
                    String value = mo.path("value").asText();
                    mo.putObject("value").put("name", mo.remove("attribute").asText()).put("value", value);
                }
            }
        }
        out.put("projectId", p.id()).put("url", view.path("url").asText(null));
        ctx.json(200, out);
    }

    private String remember(String key, ObjectNode view) throws IOException {
        String json = Jackson.MAPPER.writeValueAsString(view);
        cache.put(key, json);
        return json;
    }

    /** A stored capture of the page's first viewport with the brand step, queued as every capture is. */
    private StoredCapture capture(String url, String project, String tenant) throws Exception {
        ObjectNode spec = Jackson.MAPPER.createObjectNode().put("url", url).put("projectId", project).put("pageType", "home");
        spec.putArray("formats").add("screenshot");
        spec.putObject("analysis").put("brand", true).put("stableRender", true);
        Instant now = clock.instant();
        CaptureOrder order = CaptureOrder.from(Jackson.STRICT.treeToValue(spec, CaptureSpec.class))
                .storing(CaptureOrder.Storing.ALWAYS).deadline(now.plus(requestDeadline)).defaultPriority(JobPriority.INTERACTIVE)
                .tenant(tenant).variants(StoredVariants.of(storage, io.pagelens.store.TenantScope.of(tenant))).build(now);
        return captures.run(jobs, order);
    }

    private static JsonNode profileOf(StoredCapture c) {
        Object brand = c.report().steps().get("brand");
        if (brand == null) throw new ApiException(500, "internal", "capture " + c.id() + " has no brand profile in its report");
        return Jackson.MAPPER.valueToTree(brand);
    }

    private static ObjectNode view(StoredBrand b) throws IOException {
        ObjectNode out = Jackson.MAPPER.createObjectNode();
        if (b.projectId() != null) out.put("projectId", b.projectId());
        out.put("url", b.url()).put("captureId", b.captureId()).put("computedAt", b.computedAt().toString());
        out.set("brand", Jackson.LENIENT.readTree(b.profileJson()));
        return out;
    }
}
