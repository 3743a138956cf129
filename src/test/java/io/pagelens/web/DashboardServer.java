package io.pagelens.web;

import io.pagelens.api.ApiHooks;
import io.pagelens.api.ApiSettings;
import io.pagelens.api.MemoryProbe;
import io.pagelens.api.ProjectRoutes;
import io.pagelens.api.RouteGroup;
import io.pagelens.browser.BrowserConfig;
import io.pagelens.capture.CaptureEngine;
import io.pagelens.capture.CaptureSettings;
import io.pagelens.config.Env;
import io.pagelens.config.SecretBox;
import io.pagelens.content.HtmlContentExtractor;
import io.pagelens.memory.MemoryServices;
import io.pagelens.memory.MemorySnapshot;
import io.pagelens.observe.Observability;
import io.pagelens.server.CapturePipeline;
import io.pagelens.server.PagelensServer;
import io.pagelens.store.Database;
import io.pagelens.store.DatabaseSettings;
import io.pagelens.store.DatabaseUrl;
import io.pagelens.store.Storage;
import io.pagelens.store.StorageSettings;
import io.pagelens.store.blob.LocalBlobStore;
import io.pagelens.testing.TestEgress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * pagelens as {@code serve} wires it, for the dashboard's tests: the embedded default (SQLite and a blob folder in a
 * temp data folder), keys on, the real memory governor and metrics, and (when asked) the capture engine on headless
 * Chromium with the closed-network flags. Listens on 127.0.0.1 only.
 */
final class DashboardServer implements AutoCloseable {
    static final List<String> TEST_ARGS = List.of("--host-resolver-rules=" + TestEgress.RESOLVER_RULES);

    final Path dataDir;
    final Storage storage;
    final Observability obs = Observability.start();
    final MemoryServices memory;
    final CaptureEngine engine;
    final PagelensServer server;

    DashboardServer(boolean withBrowser) throws Exception {
        dataDir = Files.createTempDirectory("pagelens-dashboard");
        Database db = Database.open(DatabaseUrl.sqlite(dataDir.resolve(Database.SQLITE_FILE)), DatabaseSettings.DEFAULTS);
        storage = new Storage(db, new LocalBlobStore(dataDir.resolve("blobs")), StorageSettings.DEFAULTS, Clock.systemUTC(), obs.registry());
        memory = MemoryServices.start(new Env(Map.of()), obs.registry());
        Clock clock = Clock.systemUTC();
        ApiSettings settings = ApiSettings.fromEnv(new Env(Map.of("PORT", "0", "PAGELENS_HOST", "127.0.0.1",
                "PAGELENS_SHUTDOWN_GRACE", "2s", "PAGELENS_RATE_LIMIT", "6000")));
        List<RouteGroup> routes = new ArrayList<>(List.of(new ProjectRoutes(storage), new PreviewRoutes(storage)));
        ApiHooks hooks = ApiHooks.basic(obs::scrape).withMemory(() -> figures(memory.snapshot()), memory::ready, memory::status);
        List<io.pagelens.jobs.JobHandler> handlers = new ArrayList<>();
        if (withBrowser) {
            Path bin = System.getenv("CHROME_PATH") != null ? Path.of(System.getenv("CHROME_PATH")) : BrowserConfig.HEADLESS_SHELL;
            engine = new CaptureEngine(BrowserConfig.defaults(bin, TEST_ARGS), CaptureSettings.DEFAULTS, b -> memory.attach(b).admission(),
                    obs.registry(), new HtmlContentExtractor(), TestEgress.guard(), io.pagelens.server.FeatureSteps.all()); // as serve composes them
            CapturePipeline captures = CapturePipeline.of(engine, storage, SecretBox.fromEnv(new Env(Map.of()), () -> dataDir), clock);
            io.pagelens.server.CrawlPipeline crawls = io.pagelens.server.CrawlPipeline.of(captures.service(), storage, TestEgress.guard(),
                    io.pagelens.crawl.CrawlSettings.fromEnv(new Env(Map.of())), clock);
            handlers.add(captures.handler());
            handlers.add(crawls.handler());
            routes.add(captures.routes(settings, clock));
            routes.add(crawls.routes(false, true, clock));
            routes.add(new io.pagelens.api.VariantRoutes(storage));
            routes.add(new io.pagelens.api.DiffRoutes(storage));
            io.pagelens.server.MonitorParts monitors = io.pagelens.server.MonitorParts.of(storage, captures.service(), settings,
                    io.pagelens.monitor.MonitorSettings.fromEnv(new Env(Map.of())), TestEgress.guard(), obs.registry(), clock);
            handlers.addAll(monitors.handlers());
            routes.add(monitors.routes());
            hooks = hooks.withBrowser(() -> Map.of("processes", engine.browser().processIds().size(), "inFlight", engine.browser().inFlight(),
                    "state", engine.browser().processIds().isEmpty() ? "closed" : "running"));
        } else {
            engine = null;
        }
        server = PagelensServer.start(settings, PagelensServer.Role.ALL, new PagelensServer.Parts(db, handlers, routes, hooks,
                obs.registry(), clock, TestEgress.guard()));
    }

    String origin() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The one-time login link {@code serve} prints on its terminal. */
    String loginLink() {
        return origin() + "/login?token=" + server.newLoginToken().orElseThrow();
    }

    private static MemoryProbe.Figures figures(MemorySnapshot s) {
        return new MemoryProbe.Figures(s.rssMb(), s.heapMb(), s.chromiumMb());
    }

    @Override
    public void close() throws Exception {
        server.close();
        if (engine != null) engine.close();
        memory.close();
        storage.close();
        obs.close();
    }
}
