package io.pagelens.api;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Verb + path pattern + handler, grouped by path prefix, as Javalin's ApiBuilder does:
 * <pre>{@code
 * router.path("/v1/jobs", r -> r.get("/{id}", jobs::get).delete("/{id}", jobs::cancel));
 * }</pre>
 * Matching is a linear scan: a few dozen routes cost less than any index would.
 */
public final class Router {
    private final List<Route> routes = new ArrayList<>();
    /** OpenAPI fragments of the registered groups; shared with sub-routers. */
    private final List<URL> apiDocs;
    private final String prefix;
    private final boolean open;

    public Router() {
        this("", false, new ArrayList<>());
    }

    private Router(String prefix, boolean open, List<URL> apiDocs) {
        this.prefix = prefix;
        this.open = open;
        this.apiDocs = apiDocs;
    }

    /**
     * Adds the OpenAPI fragment that documents a route group: a JSON resource next to {@code owner} with
     * {@code tags}, {@code paths} and {@code components.schemas}, merged into {@code /openapi.json}. Each group
     * documents its own routes, so features never edit one shared document.
     */
    public Router document(Class<?> owner, String resource) {
        URL url = owner.getResource(resource);
        if (url == null) throw new IllegalStateException("OpenAPI fragment " + resource + " of " + owner.getName() + " is missing from the build");
        apiDocs.add(url);
        return this;
    }

    /** The OpenAPI fragments registered so far, in registration order. */
    public List<URL> apiDocuments() {
        return List.copyOf(apiDocs);
    }

    /** Routes under {@code prefix}, registered by {@code group}. */
    public Router path(String prefix, Consumer<Router> group) {
        Router sub = new Router(this.prefix + prefix, open, apiDocs);
        group.accept(sub);
        routes.addAll(sub.routes);
        return this;
    }

    /** Routes that need no API key (health, docs, metrics). */
    public Router open(Consumer<Router> group) {
        Router sub = new Router(prefix, true, apiDocs);
        group.accept(sub);
        routes.addAll(sub.routes);
        return this;
    }

    public Router get(String path, Handler h) { return add("GET", path, h); }
    public Router post(String path, Handler h) { return add("POST", path, h); }
    public Router put(String path, Handler h) { return add("PUT", path, h); }
    public Router delete(String path, Handler h) { return add("DELETE", path, h); }

    public Router add(String method, String path, Handler h) {
        String full = (prefix + path).isEmpty() ? "/" : prefix + path;
        for (Route r : routes) {
            if (r.method().equals(method) && r.pattern().equals(full)) {
                throw new IllegalStateException("route " + method + " " + full + " registered twice");
            }
        }
        routes.add(new Route(method, full, h, open));
        return this;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }

    /** The outcome of looking up a request: a route and its parameters, or the verbs the path allows. */
    public record Match(Route route, Map<String, String> params, TreeSet<String> allowed) {
        public boolean found() {
            return route != null;
        }
    }

    /** The matching route with the most literal segments, so {@code /jobs/stats} beats {@code /jobs/{id}}. */
    public Match find(String method, String path) {
        List<String> segs = Route.split(path);
        TreeSet<String> allowed = new TreeSet<>();
        Route best = null;
        Map<String, String> bestParams = Map.of();
        for (Route r : routes) {
            Optional<Map<String, String>> p = r.match(segs);
            if (p.isEmpty()) continue;
            // HEAD is served by the GET handler; the server drops the body
            if (r.method().equals(method) || (method.equals("HEAD") && r.method().equals("GET"))) {
                if (best == null || p.get().size() < bestParams.size()) {
                    best = r;
                    bestParams = p.get();
                }
            } else {
                allowed.add(r.method());
            }
        }
        return new Match(best, bestParams, allowed);
    }
}
