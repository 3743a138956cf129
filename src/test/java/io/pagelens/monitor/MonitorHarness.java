package io.pagelens.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.api.ApiHooks;
import io.pagelens.api.ApiSettings;
import io.pagelens.api.ProjectRoutes;
import io.pagelens.browser.BrowserConfig;
import io.pagelens.capture.CaptureEngine;
import io.pagelens.capture.CaptureSettings;
import io.pagelens.config.Env;
import io.pagelens.config.SecretBox;
import io.pagelens.content.HtmlContentExtractor;
import io.pagelens.jobs.JobHandler;
import io.pagelens.json.Jackson;
import io.pagelens.memory.FixedAdmission;
import io.pagelens.server.CapturePipeline;
import io.pagelens.server.FeatureSteps;
import io.pagelens.server.MonitorParts;
import io.pagelens.server.PagelensServer;
import io.pagelens.store.Database;
import io.pagelens.store.DatabaseSettings;
import io.pagelens.store.DatabaseUrl;
import io.pagelens.store.Storage;
import io.pagelens.store.StorageSettings;
import io.pagelens.store.TestDatabases;
import io.pagelens.store.blob.LocalBlobStore;
import io.pagelens.testing.TestEgress;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A real pagelens server with monitors wired as {@code serve} wires them: SQLite (or PostgreSQL) and a blob folder,
 * headless Chromium with the feature steps and the closed-network flags, workers, and the monitor scheduler.
 */
final class MonitorHarness implements AutoCloseable {
    static final String WEBHOOK_SECRET = "test-webhook-secret-0123456789";
    static final MonitorSettings FAST = new MonitorSettings(Duration.ofMillis(500), Duration.ofMillis(100), Duration.ZERO, 10);

    final TestDatabases dbs = new TestDatabases();
    final Path dataDir = dbs.newTempDir();
    final Storage storage;
    final CaptureEngine engine;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<AutoCloseable> started = new ArrayList<>();
    PagelensServer server;

    private final boolean ownsEngine;

    /** The database's URL, for child processes. */
    final DatabaseUrl dbUrl;

    MonitorHarness(boolean postgres) {
        this(postgres, null);
    }

    /** On a fresh SQLite file or PostgreSQL database, with {@code shared} (not closed here) or a new engine. */
    MonitorHarness(boolean postgres, CaptureEngine shared) {
        dbUrl = postgres ? dbs.createPostgresDatabase() : DatabaseUrl.sqlite(dataDir.resolve(Database.SQLITE_FILE));
        Database db = Database.open(dbUrl, DatabaseSettings.DEFAULTS);
        storage = new Storage(db, new LocalBlobStore(dataDir.resolve("blobs")), StorageSettings.DEFAULTS, Clock.systemUTC(), new SimpleMeterRegistry());
        ownsEngine = shared == null;
        engine = shared != null ? shared : newEngine();
    }

    static CaptureEngine newEngine() {
        Path bin = System.getenv("CHROME_PATH") != null ? Path.of(System.getenv("CHROME_PATH")) : BrowserConfig.HEADLESS_SHELL;
        return new CaptureEngine(BrowserConfig.defaults(bin, List.of("--host-resolver-rules=" + TestEgress.RESOLVER_RULES)),
                CaptureSettings.DEFAULTS, b -> new FixedAdmission(2), new SimpleMeterRegistry(), new HtmlContentExtractor(), TestEgress.guard(),
                FeatureSteps.all());
    }

    static ApiSettings settings() {
        Map<String, String> env = new HashMap<>(Map.of("PORT", "0", "PAGELENS_HOST", "127.0.0.1", "PAGELENS_JOB_LEASE", "2s",
                "PAGELENS_JOB_BACKOFF", "200ms", "PAGELENS_WEBHOOK_SECRET", WEBHOOK_SECRET, "PAGELENS_SHUTDOWN_GRACE", "2s",
                "PAGELENS_RATE_LIMIT", "6000", "PAGELENS_AUTH", "none"));
        return ApiSettings.fromEnv(new Env(env));
    }

    /**
     * Starts a server, its workers and the monitor scheduler, as one {@code serve} process would; a second call starts
     * another such process on the same database (HTTP goes to the first).
     */
    MonitorHarness start(MonitorSettings ms) throws Exception {
        Clock clock = Clock.systemUTC();
        ApiSettings s = settings();
        CapturePipeline captures = CapturePipeline.of(engine, storage, SecretBox.fromEnv(new Env(Map.of()), () -> dataDir), clock);
        MonitorParts monitors = MonitorParts.of(storage, captures.service(), s, ms, engine.egress(), new SimpleMeterRegistry(), clock);
        List<JobHandler> handlers = new ArrayList<>(List.of(captures.handler()));
        handlers.addAll(monitors.handlers());
        PagelensServer node = PagelensServer.start(s, PagelensServer.Role.ALL, new PagelensServer.Parts(storage.database(), handlers,
                List.of(captures.routes(s, clock), new ProjectRoutes(storage), monitors.routes()), ApiHooks.basic(() -> ""),
                new SimpleMeterRegistry(), clock, engine.egress()));
        if (server == null) server = node;
        started.add(node);
        started.add(monitors.scheduler(node.jobs()).start());
        return this;
    }

    HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) b.header("Content-Type", "application/json");
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(String method, String path, String body, int expect) throws Exception {
        HttpResponse<String> r = send(method, path, body);
        if (r.statusCode() != expect) throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        return r.body().isEmpty() ? null : Jackson.MAPPER.readTree(r.body());
    }

    /** Waits until the monitor's ended runs (oldest first) satisfy {@code done}; returns them. */
    List<JsonNode> awaitRuns(String monitorId, Predicate<List<JsonNode>> done, Duration max) throws Exception {
        long until = System.nanoTime() + max.toNanos();
        while (true) {
            List<JsonNode> ended = new ArrayList<>();
            for (JsonNode r : json("GET", "/v1/monitors/" + monitorId + "/runs?limit=100", null, 200).get("items")) {
                if (r.get("state").asText().equals("done") || r.get("state").asText().equals("failed")) ended.add(0, r);
            }
            if (done.test(ended)) return ended;
            if (System.nanoTime() > until) throw new AssertionError("runs of " + monitorId + " after " + max + ": " + ended);
            Thread.sleep(100);
        }
    }

    static List<String> statuses(List<JsonNode> runs) {
        return runs.stream().map(r -> r.path("changeStatus").asText(r.get("state").asText())).toList();
    }

    @Override
    public void close() {
        for (AutoCloseable c : started.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                // best effort
            }
        }
        if (ownsEngine) engine.close();
        storage.close();
        dbs.close();
    }
}
