package io.pagelens.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Serves the shared corpus site on 127.0.0.1 at a random port, as corpus/serve.py does: robots.txt and
 * sitemap.xml get the real origin in place of the placeholder. Tests may add routes of their own
 * ({@link #route}) for behaviours the corpus lacks (redirects, errors, slow pages, hostile pages).
 */
public final class CorpusServer implements AutoCloseable {
    private static final String PLACEHOLDER = "http://127.0.0.1:PORT";

    /** A handler for one test route. */
    @FunctionalInterface
    public interface Route {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final Path root;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<String> requestLog = new CopyOnWriteArrayList<>();

    public CorpusServer() throws IOException {
        this(Shared.site());
    }

    public CorpusServer(Path root) throws IOException {
        this.root = root;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::dispatch);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String origin() {
        return "http://127.0.0.1:" + port();
    }

    /** The absolute URL of a corpus path such as {@code blog/index.html}. */
    public String url(String path) {
        return origin() + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }

    public URI uri(String path) {
        return URI.create(url(path));
    }

    public CorpusServer route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    /** Every request served so far, as "METHOD PATH STATUS". */
    public List<String> requestLog() {
        return List.copyOf(requestLog);
    }

    private void dispatch(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        try (ex) {
            Route r = routes.get(path);
            if (r != null) {
                r.handle(ex);
            } else {
                serveFile(ex, path);
            }
        } finally {
            requestLog.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + ex.getResponseCode());
        }
    }

    private void serveFile(HttpExchange ex, String path) throws IOException {
        Path file = root.resolve(path.substring(1)).normalize();
        if (!file.startsWith(root)) {
            send(ex, 403, "text/plain", "forbidden");
            return;
        }
        if (Files.isDirectory(file)) file = file.resolve("index.html");
        if (!Files.isRegularFile(file)) {
            send(ex, 404, "text/html", "<html><body><h1>404 Not Found</h1></body></html>");
            return;
        }
        byte[] body = Files.readAllBytes(file);
        String name = file.getFileName().toString();
        if (name.equals("robots.txt") || name.equals("sitemap.xml")) {
            body = new String(body, StandardCharsets.UTF_8).replace(PLACEHOLDER, origin()).getBytes(StandardCharsets.UTF_8);
        }
        ex.getResponseHeaders().set("Content-Type", contentType(name));
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(200, -1);
            return;
        }
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** Sleeps {@code ms} in a test route (a slow page), giving up quietly when the server stops. */
    public static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends a whole response; for test routes. */
    public static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        send(ex, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a whole binary response; for test routes. */
    public static void send(HttpExchange ex, int status, String contentType, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static String contentType(String name) {
        String n = name.toLowerCase();
        if (n.endsWith(".html") || n.endsWith(".htm")) return "text/html; charset=utf-8";
        if (n.endsWith(".css")) return "text/css";
        if (n.endsWith(".js") || n.endsWith(".mjs")) return "text/javascript";
        if (n.endsWith(".json")) return "application/json";
        if (n.endsWith(".xml")) return "application/xml";
        if (n.endsWith(".txt")) return "text/plain; charset=utf-8";
        if (n.endsWith(".png")) return "image/png";
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) return "image/jpeg";
        if (n.endsWith(".gif")) return "image/gif";
        if (n.endsWith(".svg")) return "image/svg+xml";
        if (n.endsWith(".webp")) return "image/webp";
        if (n.endsWith(".woff2")) return "font/woff2";
        if (n.endsWith(".woff")) return "font/woff";
        if (n.endsWith(".ico")) return "image/x-icon";
        return "application/octet-stream";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
