package io.pagelens.api;

import io.pagelens.jobs.JobService;
import io.pagelens.store.ListQuery;
import io.pagelens.store.PageInfo;
import io.pagelens.store.ProjectInfo;
import io.pagelens.store.Retention;
import io.pagelens.store.Storage;

import java.io.IOException;
import java.time.Duration;

/** {@code /v1/projects}: projects, their pages, and their capture history, in keyset-paginated pages. */
public final class ProjectRoutes implements RouteGroup {
    private final Storage storage;

    public ProjectRoutes(Storage storage) {
        this.storage = storage;
    }

    /** Body of {@code POST /v1/projects}. */
    public record NewProject(String name, Integer keepVersions, Long maxAgeMs, @com.fasterxml.jackson.annotation.JsonAlias("url") String siteUrl) {
    }

    public record ProjectView(String id, String name, Integer keepVersions, Long maxAgeMs, String createdAt, String siteUrl) {
        static ProjectView of(ProjectInfo p) {
            Retention r = p.retention();
            return new ProjectView(p.id(), p.name(), r.keepVersions(), r.maxAge() == null ? null : r.maxAge().toMillis(), p.createdAt().toString(),
                    p.siteUrl());
        }
    }

    public record PageView(String id, String projectId, String pageType, String url, String createdAt) {
        static PageView of(PageInfo p) {
            return new PageView(p.id(), p.projectId(), p.pageType(), p.url(), p.createdAt().toString());
        }
    }

    @Override
    public void register(Router r, JobService jobs) {
        r.document(ProjectRoutes.class, "openapi/projects.json");
        r.path("/v1/projects", g -> g
                .get("", this::list)
                .post("", this::create)
                .get("/{id}", ctx -> ctx.json(200, ProjectView.of(project(ctx))))
                .get("/{id}/pages", this::pages)
                .get("/{id}/captures", this::captures));
    }

    static ListQuery query(Ctx ctx) {
        return new ListQuery(ctx.queryInt("limit", ListQuery.DEFAULT_LIMIT, 1, ListQuery.MAX_LIMIT), ctx.query("after").orElse(null));
    }

    private ProjectInfo project(Ctx ctx) {
        String id = ctx.param("id");
        return storage.project(ctx.tenant(), id).orElseThrow(() -> ApiException.notFound("project", id));
    }

    private void list(Ctx ctx) throws IOException {
        ctx.json(200, ListPage.of(storage.projects(ctx.tenant(), query(ctx)), ProjectView::of));
    }

    private void create(Ctx ctx) throws IOException {
        NewProject n = ctx.body(NewProject.class);
        if (n.name() == null) throw ApiException.invalid("name", "name is required");
        if (n.keepVersions() != null && n.keepVersions() < 0) throw ApiException.invalid("keepVersions", "must not be negative");
        if (n.maxAgeMs() != null && n.maxAgeMs() < 1) throw ApiException.invalid("maxAgeMs", "must be positive");
        if (storage.project(io.pagelens.store.TenantScope.of(ctx.tenant().owner()), n.name()).isPresent()) {
            throw new ApiException(409, "conflict", "a project named '" + n.name() + "' exists", "name");
        }
        String site = n.siteUrl() == null || n.siteUrl().isBlank() ? null : n.siteUrl().trim();
        if (site != null && (site.length() > 2000 || !site.matches("(?i)https?://[^\\s/?#]+.*"))) {
            throw ApiException.invalid("siteUrl", "siteUrl must be an http or https URL, was '" + (site.length() > 80 ? site.substring(0, 80) + "…" : site) + "'");
        }
        Retention retention = new Retention(n.keepVersions(), n.maxAgeMs() == null ? null : Duration.ofMillis(n.maxAgeMs()));
        ProjectInfo p = storage.createProject(ctx.tenant(), n.name(), retention, site);
        ctx.responseHeaders().set("Location", "/v1/projects/" + p.id());
        ctx.json(201, ProjectView.of(p));
    }

    private void pages(Ctx ctx) throws IOException {
        ctx.json(200, ListPage.of(storage.pages(project(ctx).id(), query(ctx)), PageView::of));
    }

    private void captures(Ctx ctx) throws IOException {
        boolean history = ctx.query("history").map(Boolean::parseBoolean).orElse(false);
        ctx.json(200, ListPage.of(storage.captures(project(ctx).id(), history, query(ctx)), c -> CaptureView.of(c, null, null, null)));
    }
}
