package io.pagelens.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code pagelens serve} child JVM for multi-process tests: a role, an environment (the caller's on top of a
 * loopback-only base: free port, open access, the tests' egress and Chromium flags), its log (stderr) in a file.
 * {@link #port()} waits for the "serving on port" line of a role that serves HTTP.
 */
public final class ServeChild implements AutoCloseable {
    private static final Pattern SERVING = Pattern.compile("pagelens: serving on port (\\d+)");
    public static final List<String> CHROME_TEST_ARGS = List.of("--host-resolver-rules=" + TestEgress.RESOLVER_RULES);

    private final Process process;
    private final Path log;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();

    private ServeChild(Process process, Path log) {
        this.process = process;
        this.log = log;
        // stdout says where it listens; keep draining it so the child never blocks on a full pipe
        Thread.ofVirtual().start(() -> {
            try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) port.complete(Integer.parseInt(m.group(1)));
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IllegalStateException("serve ended without a port"));
        });
    }

    /** Starts {@code pagelens serve --role ROLE} with {@code env} over the base environment. */
    public static ServeChild start(String role, Map<String, String> env, Path log, String... jvmArgs) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED", "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile=logback.xml"));
        cmd.addAll(List.of(jvmArgs));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.pagelens.cli.Main", "serve", "--role", role));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("PAGELENS_") || k.equals("DATABASE_URL") || k.equals("REDIS_URL") || k.equals("PORT")
                || k.equals("DYNO"));
        Map<String, String> base = new HashMap<>(Map.of("PORT", "0", "PAGELENS_HOST", "127.0.0.1", "PAGELENS_AUTH", "none",
                "PAGELENS_SHUTDOWN_GRACE", "5s", "PAGELENS_CHROME_ARGS", "'" + String.join("' '", CHROME_TEST_ARGS) + "'"));
        base.putAll(TestEgress.env());
        base.putAll(env);
        e.putAll(base);
        return new ServeChild(pb.start(), log);
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return log;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** The HTTP port, once the child says it serves (at most 60 s). */
    public int port() {
        try {
            return port.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("pagelens serve did not start serving; its log:\n" + log(), e);
        }
    }

    /** Waits until the child has exited, at most {@code max}; its exit status. */
    public int awaitExit(Duration max) throws InterruptedException {
        if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) throw new AssertionError("serve still running after " + max + "; log:\n" + log());
        return process.exitValue();
    }

    /** kill -9 of the JVM (its Chromium is orphaned and ends on its closed pipe; killed too, to keep the machine clean). */
    public void kill9() {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
