package io.pagelens.web;

import io.pagelens.api.ApiException;
import io.pagelens.api.Ctx;
import io.pagelens.api.Router;
import io.pagelens.api.auth.ApiKey;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Pages for people, served from {@code resources/io/pagelens/web/}: the dashboard at {@code /} and {@code /dashboard}
 * (a small static bundle under {@code /dashboard/assets/} that calls the /v1 API with the session cookie), sign-in
 * ({@code /login} with the one-time link from the terminal or an API key, {@code /logout}), the API reference at
 * {@code /docs} (rendered in the browser from {@code /openapi.json}) and the OpenAPI document.
 */
public final class WebRoutes {
    static final String DOCS = "docs.html";
    static final String APP = "app.html";
    static final String SIGN_IN = "signin.html";
    /** Asset names: flat, lower case, one of the served types; anything else is a 404. */
    private static final Pattern ASSET = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(js|css|svg)");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml");
    /** Pages are same-origin only: no inline script or style, nothing from elsewhere, never framed. */
    static final String CSP = "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'; "
            + "frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final WebAccess access;
    /** The bundle is a fixed set of small files (tens of KB): read once, with its ETag. */
    private final Map<String, Asset> assets = new ConcurrentHashMap<>();

    private record Asset(byte[] body, String etag) {
    }

    public WebRoutes(WebAccess access) {
        this.access = access;
    }

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
                .get("/docs", ctx -> {
                    ctx.responseHeaders().set("Cache-Control", "public, max-age=300");
                    ctx.send(200, "text/html; charset=utf-8", resource(DOCS));
                })
                .get("/", this::app)
                .get("/dashboard", this::app)
                .get("/dashboard/assets/{name}", this::asset)
                .get("/login", this::loginWithLink)
                .post("/login", this::loginWithKey)
                .post("/logout", this::logout));
    }

    /** The dashboard for a signed-in browser (or open access), else the sign-in page. */
    private void app(Ctx ctx) throws IOException {
        if (access.open()) {
            page(ctx, 200, APP, Map.of("csrf", "", "signout", ""));
            return;
        }
        Optional<String> token = Cookies.value(ctx, SessionGuard.COOKIE);
        Optional<ApiKey> key = token.flatMap(access.guard()::session);
        if (key.isEmpty()) {
            signIn(ctx, 200, token.isPresent() ? "Your session has ended. Sign in again." : "");
            return;
        }
        String csrf = DashboardSessions.csrfToken(token.get());
        page(ctx, 200, APP, Map.of("csrf", csrf, "signout", """
                <form method="post" action="/logout" class="signout"><input type="hidden" name="csrf" value="%s">\
                <button type="submit" class="link">Sign out (%s)</button></form>""".formatted(csrf, Html.escape(who(key.get())))));
    }

    /** The signed-in key as the header names it: its name, and its tenant when that is not the default one. */
    private static String who(ApiKey k) {
        return k.tenant().equals(io.pagelens.store.TenantScope.DEFAULT) ? k.name() : k.name() + " · tenant " + k.tenant();
    }

    /** {@code GET /login?token=}: the one-time link from the terminal; used once, then a session cookie. */
    private void loginWithLink(Ctx ctx) throws IOException {
        if (access.open()) {
            redirect(ctx, "/");
            return;
        }
        Optional<String> session = ctx.query("token").filter(t -> t.length() <= 200).flatMap(access.sessions()::redeem);
        if (session.isEmpty()) {
            signIn(ctx, 401, "This login link was already used or has expired. Restart pagelens on its terminal for a new link, or sign in with an API key.");
            return;
        }
        startSession(ctx, session.get());
    }

    /** {@code POST /login} with form field {@code key}: sign in with an API key (a server without a terminal). */
    private void loginWithKey(Ctx ctx) throws IOException {
        if (access.open()) {
            redirect(ctx, "/");
            return;
        }
        sameOrigin(ctx);
        String token = form(ctx).getOrDefault("key", "").trim();
        Optional<ApiKey> key = token.isEmpty() ? Optional.empty() : access.keys().findByToken(token).filter(k -> !k.revoked());
        if (key.isEmpty()) {
            signIn(ctx, 401, "That API key is unknown or revoked.");
            return;
        }
        startSession(ctx, access.sessions().open(key.get().id()));
    }

    private void logout(Ctx ctx) throws IOException {
        if (!access.open()) {
            sameOrigin(ctx);
            Optional<String> token = Cookies.value(ctx, SessionGuard.COOKIE);
            if (token.isPresent()) {
                String sent = ctx.header(SessionGuard.CSRF_HEADER).orElseGet(() -> form(ctx).get("csrf"));
                if (!DashboardSessions.same(sent, DashboardSessions.csrfToken(token.get()))) {
                    throw new ApiException(403, "csrf", "sign-out did not come from the dashboard page; reload it and try again");
                }
                access.sessions().end(token.get());
                access.guard().forget(token.get());
            }
            ctx.responseHeaders().add("Set-Cookie", Cookies.session(ctx, "", 0));
        }
        redirect(ctx, "/");
    }

    private void startSession(Ctx ctx, String session) throws IOException {
        ctx.responseHeaders().add("Set-Cookie", Cookies.session(ctx, session, DashboardSessions.SESSION_TTL.toSeconds()));
        redirect(ctx, "/");
    }

    /**
     * A cross-site form post carries an {@code Origin} of another site: refuse it (sign-in/out CSRF). Browsers send
     * Origin on every POST; a request without one is not from a browser page.
     */
    private static void sameOrigin(Ctx ctx) {
        Optional<String> origin = ctx.header("Origin");
        if (origin.isEmpty() || origin.get().equals("null")) return;
        String host = ctx.header("Host").orElse("");
        String originHost = URI.create(origin.get()).getRawAuthority();
        if (originHost == null || !originHost.equalsIgnoreCase(host)) {
            throw new ApiException(403, "csrf", "this form was posted from another site (" + origin.get() + ")");
        }
    }

    private static Map<String, String> form(Ctx ctx) {
        try {
            String body = new String(ctx.bodyBytes(), StandardCharsets.UTF_8);
            Map<String, String> out = new java.util.HashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) out.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException | IllegalArgumentException e) {
            throw new ApiException(400, "bad_request", "the form could not be read");
        }
    }

    private void signIn(Ctx ctx, int status, String message) throws IOException {
        page(ctx, status, SIGN_IN, Map.of("message", message.isEmpty() ? "" : "<p class=\"error\" role=\"alert\">" + Html.escape(message) + "</p>"));
    }

    /** An HTML page with its {@code {{name}}} slots filled; never cached (it carries the CSRF token). */
    private void page(Ctx ctx, int status, String name, Map<String, String> slots) throws IOException {
        String html = new String(resource(name), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> e : slots.entrySet()) html = html.replace("{{" + e.getKey() + "}}", e.getValue());
        ctx.responseHeaders().set("Cache-Control", "no-store");
        ctx.responseHeaders().set("Content-Security-Policy", CSP);
        ctx.responseHeaders().set("X-Content-Type-Options", "nosniff");
        ctx.responseHeaders().set("Referrer-Policy", "no-referrer"); // a login link's token never leaves in a Referer
        ctx.send(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private void asset(Ctx ctx) throws IOException {
        String name = ctx.param("name");
        if (!ASSET.matcher(name).matches()) throw ApiException.notFound("asset", name);
        Asset a = assets.computeIfAbsent(name, n -> {
            try (InputStream in = WebRoutes.class.getResourceAsStream("assets/" + n)) {
                if (in == null) return null;
                byte[] body = in.readAllBytes();
                return new Asset(body, "\"" + io.pagelens.api.auth.ApiKeyStore.hash(new String(body, StandardCharsets.ISO_8859_1)).substring(0, 16) + "\"");
            } catch (IOException e) {
                return null;
            }
        });
        if (a == null) throw ApiException.notFound("asset", name);
        // revalidated on each load (a 304 is a few bytes), so an upgraded server never runs an old script
        ctx.responseHeaders().set("Cache-Control", "no-cache");
        ctx.responseHeaders().set("ETag", a.etag());
        ctx.responseHeaders().set("X-Content-Type-Options", "nosniff");
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (ctx.header("If-None-Match").map(a.etag()::equals).orElse(false)) {
            ctx.send(304, type, new byte[0]);
            return;
        }
        ctx.send(200, type, a.body());
    }

    private static void redirect(Ctx ctx, String to) throws IOException {
        ctx.responseHeaders().set("Location", to);
        ctx.responseHeaders().set("Cache-Control", "no-store");
        ctx.responseHeaders().set("Referrer-Policy", "no-referrer");
        ctx.send(303, "text/plain", new byte[0]);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = WebRoutes.class.getResourceAsStream(name)) {
            if (in == null) throw new ApiException(500, "internal", "resource " + name + " missing from the build");
            return in.readAllBytes();
        }
    }
}
