package io.pagelens.cli;

import io.pagelens.api.ApiHooks;
import io.pagelens.api.ApiSettings;
import io.pagelens.api.MemoryProbe;
import io.pagelens.api.ProjectRoutes;
import io.pagelens.api.VariantRoutes;
import io.pagelens.api.DiffRoutes;
import io.pagelens.api.BrandRoutes;
import io.pagelens.browser.BrowserConfig;
import io.pagelens.capture.CaptureEngine;
import io.pagelens.config.Env;
import io.pagelens.config.SecretBox;
import io.pagelens.content.HtmlContentExtractor;
import io.pagelens.egress.EgressGuard;
import io.pagelens.memory.MemoryServices;
import io.pagelens.memory.MemorySnapshot;
import io.pagelens.observe.BuildInfo;
import io.pagelens.observe.LogSettings;
import io.pagelens.observe.Observability;
import io.pagelens.jobs.JobHandler;
import io.pagelens.monitor.MonitorSettings;
import io.pagelens.server.CapturePipeline;
import io.pagelens.server.MonitorParts;
import io.pagelens.server.CrawlPipeline;
import io.pagelens.crawl.CrawlSettings;
import io.pagelens.server.FeatureSteps;
import io.pagelens.server.PagelensServer;
import io.pagelens.server.SharedServices;
import io.pagelens.redis.RedisSettings;
import io.pagelens.store.Database;
import io.pagelens.store.SqliteProcessLock;
import io.pagelens.store.Storage;
import io.pagelens.store.StorageMaintenance;
import io.pagelens.web.PreviewRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * {@code pagelens serve}: the whole service in one process, wired here and nowhere else. Parts start in
 * dependency order (metrics, storage, memory governor, capture engine, API + workers) and stop in reverse on
 * SIGTERM ({@code --role web} starts neither the governor nor the engine: a web node needs no Chromium): the server drains first (readiness false, running captures finish within
 * PAGELENS_SHUTDOWN_GRACE, the rest go back to the queue), then Chromium, the governor, the pools.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the HTTP API (docs at /docs) and run capture jobs. Configured by environment variables (docs/configuration.md).")
public final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--role", defaultValue = "all",
            description = "all (default): API and workers; web: API only (workers elsewhere, PostgreSQL shared); worker: jobs only.")
    PagelensServer.Role role;

    @Override
    public Integer call() throws Exception {
        Env env = Env.system();
        ApiSettings settings = ApiSettings.fromEnv(env); // validate before anything starts
        Optional<RedisSettings> redis = RedisSettings.fromEnv(env);
        MonitorSettings monitorSettings = MonitorSettings.fromEnv(env);
        SecretBox secrets = SecretBox.fromEnv(env, () -> Database.dataFolder(env));
        if (secrets.fromDataFolder() && env.string("DATABASE_URL").isPresent()) {
            log.atWarn().addKeyValue("variable", SecretBox.KEY_VAR).log("no secret key set: job headers and cookies are encrypted "
                    + "with a key generated in PAGELENS_DATA; give every web and worker process the same PAGELENS_SECRET_KEY");
        }
        Optional<PrintStream> tty = FirstKeyNotice.terminal(); // the only place a first key may be shown
        if (tty.isEmpty()) settings = settings.withoutFirstKey();
        Clock clock = Clock.systemUTC();
        Deque<AutoCloseable> stack = new ArrayDeque<>(); // closed in reverse order of start
        // SIGTERM (Heroku, Kubernetes, systemd) and Ctrl-C drain on this thread and the process exits 0; the JVM's
        // own handling would drain in a shutdown hook and exit 143 whatever happened. A signal during startup
        // waits here until everything is up, then stops it in order.
        BlockingQueue<String> signals = new ArrayBlockingQueue<>(4);
        for (String name : List.of("TERM", "INT")) Signal.handle(new Signal(name), s -> signals.offer(s.getName()));
        // any other exit (System.exit elsewhere, SIGHUP) still closes Chromium and the pools
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("pagelens-shutdown").unstarted(() -> closeAll(stack)));
        try {
            Observability obs = push(stack, Observability.start());
            boolean captures = role != PagelensServer.Role.WEB; // a web node never starts (or needs) Chromium
            BuildInfo.current().register(obs.registry(), captures ? Optional.of(BrowserConfig.fromEnv(env).binary()) : Optional.empty());
            // SQLite serves one process; PostgreSQL is what several web and worker processes share
            if (env.string("DATABASE_URL").isEmpty()) push(stack, SqliteProcessLock.acquire(Database.dataFolder(env)));
            Storage storage = push(stack, Storage.open(env));
            SharedServices shared = push(stack, SharedServices.of(storage.database(), redis, obs.registry(), clock));
            push(stack, new StorageMaintenance(storage).start());
            ApiHooks hooks = ApiHooks.basic(obs::scrape);
            CapturePipeline pipeline;
            EgressGuard egress;
            io.pagelens.memory.Caches caches; // the global bounded cache (PAGELENS_CACHE_MB)
            if (captures) {
                MemoryServices memory = push(stack, MemoryServices.start(env, obs.registry()));
                caches = memory.caches();
                CaptureEngine engine = push(stack, CaptureEngine.create(env, browser -> memory.attach(browser).admission(),
                        obs.registry(), new HtmlContentExtractor(), FeatureSteps.all()));
                hooks = hooks.withMemory(() -> figures(memory.snapshot()), memory::ready, memory::status)
                        .withBrowser(() -> Map.of("processes", engine.browser().processIds().size(), "inFlight", engine.browser().inFlight(),
                                "state", engine.browser().processIds().isEmpty() ? "closed" : "running"));
                pipeline = CapturePipeline.of(engine, storage, secrets, clock);
                egress = engine.egress();
            } else {
                pipeline = CapturePipeline.webOnly(storage, secrets, clock);
                caches = new io.pagelens.memory.Caches(io.pagelens.memory.MemorySettings.fromEnv(env, io.pagelens.memory.CgroupFiles.detect()), obs.registry());
                egress = EgressGuard.off(); // webhooks are sent by workers, never by a web node
            }
            MonitorParts monitors = MonitorParts.of(storage, captures ? pipeline.service() : null, settings, monitorSettings,
                    egress, CrawlSettings.fromEnv(env), obs.registry(), clock);
            // crawls run on workers only (a web node has no browser; its crawl fetcher is never used)
            CrawlPipeline crawls = CrawlPipeline.of(pipeline.service(), storage, egress, CrawlSettings.fromEnv(env), clock);
            List<JobHandler> handlers = new java.util.ArrayList<>(List.of(pipeline.handler(), crawls.handler()));
            handlers.addAll(monitors.handlers());
            PagelensServer server = push(stack, PagelensServer.start(settings, role, new PagelensServer.Parts(storage.database(),
                    handlers, List.of(pipeline.routes(settings, clock), new ProjectRoutes(storage), new VariantRoutes(storage, settings.limits()), new DiffRoutes(storage),
                            BrandRoutes.of(storage, pipeline.codec(), settings, clock, caches, env),
                            crawls.routes(settings.webhookSecret() != null, captures, clock), monitors.routes(),
                            new PreviewRoutes(storage)),
                    hooks, obs.registry(), clock, egress, shared)));
            if (captures) push(stack, monitors.scheduler(server.jobs()).start()); // every worker process ticks; due times enqueue once
            server.firstKey().ifPresent(k -> FirstKeyNotice.show(tty.orElseThrow(), k));
            // every start on a terminal gets a fresh one-time dashboard link; without a terminal, sign in with a key
            if (tty.isPresent()) server.newLoginToken().ifPresent(t -> FirstKeyNotice.showLoginLink(tty.get(), server.port(), t));
            tty.ifPresent(PrintStream::close);
            // in JSON mode stdout too must hold only JSON; the "server started" log line carries the port
            if (role != PagelensServer.Role.WORKER && !LogSettings.system().json()) {
                System.out.println("pagelens: serving on port " + server.port() + " (docs at /docs)");
            }
        } catch (Exception e) {
            closeAll(stack); // a part that failed to start must not leave Chromium or pools behind
            throw e;
        }
        String signal = signals.take();
        log.atInfo().addKeyValue("signal", signal).log("shutdown requested");
        closeAll(stack);
        log.atInfo().log("stopped");
        return 0;
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> stack, T part) {
        stack.push(part);
        return part;
    }

    /** Closes what was started, newest first; a second caller waits for the first and finds nothing left. */
    private static void closeAll(Deque<AutoCloseable> stack) {
        synchronized (stack) {
            closeEach(stack);
        }
    }

    private static void closeEach(Deque<AutoCloseable> stack) {
        while (!stack.isEmpty()) {
            AutoCloseable c = stack.pop();
            try {
                c.close();
            } catch (Exception e) {
                log.atWarn().addKeyValue("part", c.getClass().getSimpleName()).addKeyValue("error", e.getMessage()).log("close failed");
            }
        }
    }

    private static MemoryProbe.Figures figures(MemorySnapshot s) {
        return new MemoryProbe.Figures(s.rssMb(), s.heapMb(), s.chromiumMb());
    }
}
