package io.pagelens.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.analysis.variant.Mutations;
import io.pagelens.jobs.JobService;
import io.pagelens.json.Jackson;
import io.pagelens.store.ProjectInfo;
import io.pagelens.store.Storage;
import io.pagelens.store.VariantInfo;

import java.io.IOException;
import java.util.Map;

/**
 * {@code /v1/projects/{id}/variants}: a project's page variants, named lists of DOM mutations validated by
 * {@link Mutations#parse} (the format and its limits: docs/analysis.md). A capture with {@code variantId} renders one.
 */
public final class VariantRoutes implements RouteGroup {
    /** Longest description kept. */
    static final int MAX_DESCRIPTION_CHARS = 2_000;

    private final Storage storage;
    private final InputLimits limits;

    public VariantRoutes(Storage storage) {
        this(storage, InputLimits.DEFAULTS);
    }

    /** @param limits bounds the mutation list ({@code PAGELENS_MAX_MUTATIONS}) and its selectors */
    public VariantRoutes(Storage storage, InputLimits limits) {
        this.storage = storage;
        this.limits = limits;
    }

    /** Body of {@code POST /v1/projects/{id}/variants}. */
    public record NewVariant(String name, String description, JsonNode mutations) {
    }

    public record VariantView(String id, String projectId, String name, String description, JsonNode mutations, String createdAt,
                              Map<String, String> links) {
        static VariantView of(VariantInfo v) {
            JsonNode mutations;
            try {
                mutations = Jackson.LENIENT.readTree(v.mutationsJson());
            } catch (IOException e) {
                mutations = null;
            }
            return new VariantView(v.id(), v.projectId(), v.name(), v.description(), mutations, v.createdAt().toString(),
                    Map.of("self", "/v1/projects/" + v.projectId() + "/variants/" + v.id()));
        }
    }

    @Override
    public void register(Router r, JobService jobs) {
        r.document(VariantRoutes.class, "openapi/variants.json");
        r.path("/v1/projects/{id}/variants", g -> g
                .get("", this::list)
                .post("", this::create)
                .get("/{variant}", this::get)
                .delete("/{variant}", this::delete));
    }

    private ProjectInfo project(Ctx ctx) {
        String id = ctx.param("id");
        return storage.project(ctx.tenant(), id).orElseThrow(() -> ApiException.notFound("project", id)); // tenant hook
    }

    private VariantInfo variant(Ctx ctx, ProjectInfo p) {
        String id = ctx.param("variant");
        return storage.variant(p.id(), id).orElseThrow(() -> ApiException.notFound("variant", id));
    }

    private void create(Ctx ctx) throws IOException {
        ProjectInfo p = project(ctx);
        NewVariant n = ctx.body(NewVariant.class);
        if (n.name() == null) throw ApiException.invalid("name", "name is required");
        if (n.description() != null && n.description().length() > MAX_DESCRIPTION_CHARS) {
            throw ApiException.invalid("description", "at most " + MAX_DESCRIPTION_CHARS + " characters");
        }
        if (n.mutations() != null && n.mutations().isArray()) {
            limits.mutations("mutations", n.mutations().size());
            for (int i = 0; i < n.mutations().size(); i++) limits.selector("mutations[" + i + "].selector", n.mutations().get(i).path("selector").asText(null));
        }
        Mutations.parse(n.mutations(), "mutations"); // 4xx naming mutations[i].field
        if (storage.variant(p.id(), n.name()).isPresent()) {
            throw new ApiException(409, "conflict", "project " + p.name() + " has a variant named '" + n.name() + "'", "name");
        }
        VariantInfo v = storage.createVariant(p.id(), n.name(), n.description(), Jackson.MAPPER.writeValueAsString(n.mutations()));
        ctx.responseHeaders().set("Location", "/v1/projects/" + p.id() + "/variants/" + v.id());
        ctx.json(201, VariantView.of(v));
    }

    private void list(Ctx ctx) throws IOException {
        ctx.json(200, ListPage.of(storage.variants(project(ctx).id(), ProjectRoutes.query(ctx)), VariantView::of));
    }

    private void get(Ctx ctx) throws IOException {
        ctx.json(200, VariantView.of(variant(ctx, project(ctx))));
    }

    /** Deletes the variant; captures made with it stay (under its name). */
    private void delete(Ctx ctx) throws IOException {
        ProjectInfo p = project(ctx);
        storage.deleteVariant(p.id(), variant(ctx, p).id());
        ctx.send(204, "application/json", new byte[0]);
    }
}
