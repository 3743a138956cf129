package io.pagelens.analysis;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Serves a site folder on 127.0.0.1 as {@code shared/corpus/sites/serve.py} does for static files: clean URLs
 * ({@code /a/} is {@code a/index.html}, {@code /a} is {@code a} or {@code a.html}), the origin placeholder
 * {@code 127.0.0.1:PORT} replaced by the real one in .html/.txt/.xml, ground-truth files never served.
 */
public final class SiteServer implements AutoCloseable {
    private static final byte[] PLACEHOLDER = "127.0.0.1:PORT".getBytes(StandardCharsets.US_ASCII);
    private static final java.util.Set<String> NEVER = java.util.Set.of("labels.json", "crawl.json", "brand.json",
            "expected.json", "routes.py", "README.md", "404.html");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"), Map.entry("gif", "image/gif"), Map.entry("jpg", "image/jpeg"),
            Map.entry("ico", "image/x-icon"), Map.entry("ttf", "font/ttf"), Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"), Map.entry("webm", "video/webm"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("xml", "application/xml"), Map.entry("json", "application/json"));

    private final HttpServer server;
    private final Path root;

    public SiteServer(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::serve);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + (path.startsWith("/") ? path : "/" + path);
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            Path file = resolve(path);
            if (file == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            String name = file.getFileName().toString();
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase() : "";
            byte[] body = Files.readAllBytes(file);
            if (ext.equals("html") || ext.equals("txt") || ext.equals("xml")) body = substitute(body);
            ex.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private Path resolve(String path) {
        Path p = root.resolve(path.substring(1)).normalize();
        if (!p.startsWith(root)) return null;
        for (Path part : root.relativize(p)) {
            String s = part.toString();
            if (s.startsWith(".") || s.startsWith("_") || NEVER.contains(s)) return null;
        }
        if (Files.isDirectory(p)) p = p.resolve("index.html");
        else if (!Files.isRegularFile(p)) p = p.resolveSibling(p.getFileName() + ".html");
        return Files.isRegularFile(p) ? p : null;
    }

    private byte[] substitute(byte[] body) {
        String port = Integer.toString(server.getAddress().getPort());
        String s = new String(body, StandardCharsets.UTF_8);
        return s.replace(new String(PLACEHOLDER, StandardCharsets.US_ASCII), "127.0.0.1:" + port).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
