package io.pagelens.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.browser.BrowserConfig;
import io.pagelens.capture.CaptureEngine;
import io.pagelens.capture.CaptureSettings;
import io.pagelens.config.Env;
import io.pagelens.content.HtmlContentExtractor;
import io.pagelens.config.SecretBox;
import io.pagelens.json.Jackson;
import io.pagelens.memory.FixedAdmission;
import io.pagelens.server.CapturePipeline;
import io.pagelens.server.FeatureSteps;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real pagelens server for end-to-end tests: the store's database and a blob folder, the capture engine
 * on headless Chromium with the closed-network flags, and {@link PagelensServer} wired as {@code serve} does.
 */
final class ApiHarness implements AutoCloseable {
    static final String WEBHOOK_SECRET = "test-webhook-secret-0123456789";
    static final List<String> TEST_ARGS = List.of("--host-resolver-rules=" + TestEgress.RESOLVER_RULES);

    final TestDatabases dbs = new TestDatabases();
    /** The data folder as the embedded default lays it out: pagelens.db (SQLite), blobs/, secret.key. */
    final Path dataDir = dbs.newTempDir();
    final Storage storage;
    final CaptureEngine engine;
    /** No PAGELENS_SECRET_KEY: the key is generated into the data folder on first use, as in the embedded default. */
    final SecretBox secrets = SecretBox.fromEnv(new Env(Map.of()), () -> dataDir);
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final boolean ownsEngine;
    /** PAGELENS_CRAWL_* of the servers this harness starts (e.g. a short crawl lease). */
    Map<String, String> crawlEnv = Map.of();

    /** A fresh SQLite database and blob folder, and its own Chromium. */
    ApiHarness() {
        this(null);
    }

    /** A fresh SQLite database and blob folder; {@code shared} (not closed here) or a new engine. */
    ApiHarness(CaptureEngine shared) {
        this(shared, false);
    }

    /** As {@link #ApiHarness(CaptureEngine)}, on a fresh PostgreSQL database when {@code postgres}. */
    ApiHarness(CaptureEngine shared, boolean postgres) {
        this(shared, postgres, StorageSettings.DEFAULTS);
    }

    /** As {@link #ApiHarness(CaptureEngine, boolean)}, with storage settings of the test's choosing (e.g. no blob grace). */
    ApiHarness(CaptureEngine shared, boolean postgres, StorageSettings storageSettings) {
        Database db = postgres ? dbs.postgres()
                : Database.open(DatabaseUrl.sqlite(dataDir.resolve(Database.SQLITE_FILE)), DatabaseSettings.DEFAULTS);
        this.storage = new Storage(db, new LocalBlobStore(dataDir.resolve("blobs")), storageSettings, Clock.systemUTC(),
                new SimpleMeterRegistry());
        this.ownsEngine = shared == null;
        this.engine = shared != null ? shared : newEngine();
    }

    static CaptureEngine newEngine() {
        Path bin = System.getenv("CHROME_PATH") != null ? Path.of(System.getenv("CHROME_PATH")) : BrowserConfig.HEADLESS_SHELL;
        // the features' page steps as serve composes them (stable render, variants, brand, ...)
        return new CaptureEngine(BrowserConfig.defaults(bin, TEST_ARGS), CaptureSettings.DEFAULTS, b -> new FixedAdmission(2),
                new SimpleMeterRegistry(), new HtmlContentExtractor(), TestEgress.guard(), FeatureSteps.all());
    }

    /** Settings as a test wants them: free port, short lease and backoff, a webhook secret; plus overrides. */
    static ApiSettings settings(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(Map.of("PORT", "0", "PAGELENS_HOST", "127.0.0.1", "PAGELENS_JOB_LEASE", "2s",
                "PAGELENS_JOB_BACKOFF", "200ms", "PAGELENS_WEBHOOK_SECRET", WEBHOOK_SECRET, "PAGELENS_SHUTDOWN_GRACE", "2s",
                "PAGELENS_RATE_LIMIT", "6000"));
        env.putAll(overrides);
        return ApiSettings.fromEnv(new Env(env));
    }

    PagelensServer start(ApiSettings s) throws Exception {
        return start(s, PagelensServer.Role.ALL);
    }

    PagelensServer start(ApiSettings s, PagelensServer.Role role) throws Exception {
        Clock clock = Clock.systemUTC();
        CapturePipeline captures = pipeline(clock);
        io.pagelens.server.CrawlPipeline crawls = io.pagelens.server.CrawlPipeline.of(captures.service(), storage, engine.egress(),
                io.pagelens.crawl.CrawlSettings.fromEnv(new Env(crawlEnv)), clock);
        return PagelensServer.start(s, role, new PagelensServer.Parts(storage.database(),
                List.of(captures.handler(), crawls.handler()),
                List.of(captures.routes(s, clock), new ProjectRoutes(storage), new VariantRoutes(storage, s.limits()), new DiffRoutes(storage),
                        new BrandRoutes(storage, captures.codec(), s, clock, new io.pagelens.memory.Caches(8 << 20, com.github.benmanes.caffeine.cache.Ticker.systemTicker(), new SimpleMeterRegistry()),
                                io.pagelens.analysis.suggest.VariantSuggester.rulesOnly()), crawls.routes(s.webhookSecret() != null, true, clock)),
                ApiHooks.basic(() -> "# no metrics in tests\n"), new SimpleMeterRegistry(), clock, engine.egress()));
    }

    /** The capture pipeline as {@code serve} wires it, on this harness's engine, storage and key. */
    CapturePipeline pipeline(Clock clock) {
        return CapturePipeline.of(engine, storage, secrets, clock);
    }

    /** A client bound to one server and key. */
    record Client(HttpClient http, int port, String key) {
        HttpResponse<String> send(String method, String path, String json) throws Exception {
            HttpRequest.Builder b = request(path).method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) b.header("Content-Type", "application/json");
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> bytes(String path, Map<String, String> headers) throws Exception {
            HttpRequest.Builder b = request(path).GET();
            headers.forEach(b::header);
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(90));
            if (key != null) b.header("Authorization", "Bearer " + key);
            return b;
        }

        JsonNode json(String method, String path, String body, int expectStatus) throws Exception {
            HttpResponse<String> r = send(method, path, body);
            if (r.statusCode() != expectStatus) {
                throw new AssertionError(method + " " + path + " answered " + r.statusCode() + ", expected " + expectStatus + ": " + r.body());
            }
            return Jackson.MAPPER.readTree(r.body());
        }

        /** Polls a job until it reaches a final state. */
        JsonNode awaitJob(String id, Duration max) throws Exception {
            long until = System.nanoTime() + max.toNanos();
            while (true) {
                JsonNode j = json("GET", "/v1/jobs/" + id, null, 200);
                String s = j.get("state").asText();
                if (s.equals("succeeded") || s.equals("failed") || s.equals("cancelled")) return j;
                if (System.nanoTime() > until) throw new AssertionError("job " + id + " still " + s + " after " + max);
                Thread.sleep(100);
            }
        }

        JsonNode awaitState(String id, String state, Duration max) throws Exception {
            long until = System.nanoTime() + max.toNanos();
            while (true) {
                JsonNode j = json("GET", "/v1/jobs/" + id, null, 200);
                if (j.get("state").asText().equals(state)) return j;
                if (System.nanoTime() > until) throw new AssertionError("job " + id + " never " + state + ", is " + j);
                Thread.sleep(50);
            }
        }
    }

    Client client(PagelensServer server, String key) {
        return new Client(http, server.port(), key);
    }

    @Override
    public void close() {
        if (ownsEngine) engine.close();
        storage.close();
        dbs.close();
    }
}
