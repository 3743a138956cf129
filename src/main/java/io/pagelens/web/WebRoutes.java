package io.pagelens.web;

import io.pagelens.api.ApiException;
import io.pagelens.api.Ctx;
import io.pagelens.api.Router;

import java.io.IOException;
import java.io.InputStream;

/**
 * Pages for people, served from {@code resources/io/pagelens/web/}: the dashboard at {@code /dashboard}
 * (capture form, live memory/queue status, projects and their captures, all through the /v1 API), the API
 * reference at {@code /docs} (rendered in the browser from {@code /openapi.json}) and the OpenAPI document.
 */
public final class WebRoutes {
    static final String DOCS = "docs.html";
    static final String DASHBOARD = "dashboard.html";

    /** Registers the pages; {@code /openapi.json} documents every group registered on {@code r}, before or after. */
    public void register(Router r) {
        // assembled on first request, when every group has registered its fragment
        java.util.function.Supplier<byte[]> openApi = new java.util.function.Supplier<>() {
            private volatile byte[] doc;

            @Override
            public byte[] get() {
                if (doc == null) doc = OpenApiDocument.assemble(r.apiDocuments());
                return doc;
            }
        };
        r.open(o -> o
                .get("/openapi.json", ctx -> {
                    ctx.responseHeaders().set("Cache-Control", "public, max-age=300");
                    ctx.send(200, "application/json", openApi.get());
                })
                .get("/docs", ctx -> resource(ctx, DOCS, "text/html; charset=utf-8"))
                // the dashboard is a static page; its calls to /v1 carry the API key the user enters
                .get("/dashboard", ctx -> resource(ctx, DASHBOARD, "text/html; charset=utf-8"))
                .get("/", ctx -> {
                    ctx.responseHeaders().set("Location", "/dashboard");
                    ctx.send(302, "text/plain", new byte[0]);
                }));
    }

    private static void resource(Ctx ctx, String name, String type) throws IOException {
        byte[] body;
        try (InputStream in = WebRoutes.class.getResourceAsStream(name)) {
            if (in == null) throw new ApiException(500, "internal", "resource " + name + " missing from the build");
            body = in.readAllBytes();
        }
        ctx.responseHeaders().set("Cache-Control", "public, max-age=300");
        ctx.send(200, type, body);
    }
}
