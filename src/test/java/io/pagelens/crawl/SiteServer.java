package io.pagelens.crawl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A labelled test site served by shared/corpus/sites/serve.py in a child process on a free 127.0.0.1 port, with its
 * access log ({@code SERVE_LOG}): exactly the server the ground truth was written for (dynamic routes, origin
 * substitution, clean URLs). {@code site} is a folder name under sites/ or a path to a site folder.
 */
public final class SiteServer implements AutoCloseable {
    private static final Pattern ORIGIN = Pattern.compile("on (http://127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    private final String origin;
    private final Path log;

    public SiteServer(String site) throws IOException {
        this.log = Files.createTempFile("pagelens-site-log", ".txt");
        ProcessBuilder pb = new ProcessBuilder("python3", CrawlSuites.sitesServer().toString(), site, "0").redirectErrorStream(true);
        pb.environment().put("SERVE_LOG", log.toString());
        this.process = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        Matcher m = line == null ? null : ORIGIN.matcher(line);
        if (m == null || !m.find()) {
            process.destroyForcibly();
            throw new IOException("serve.py did not start: " + line);
        }
        this.origin = m.group(1);
        Thread.ofVirtual().start(() -> {
            try {
                while (out.readLine() != null) {
                    // drain, so the child never blocks on a full pipe
                }
            } catch (IOException ignored) {
            }
        });
    }

    public String origin() {
        return origin;
    }

    public String url(String path) {
        return origin + path;
    }

    /** Every request so far: "METHOD PATH STATUS", path with its query as requested. */
    public List<String> requests() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8);
    }

    /** The request targets (path + query) of GETs so far. */
    public List<String> paths() throws IOException {
        return requests().stream().map(l -> l.split(" ")).filter(p -> p.length >= 3).map(p -> p[1]).toList();
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(log);
    }
}
