package io.pagelens.server;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pagelens.api.ApiHooks;
import io.pagelens.api.ApiKeyGuard;
import io.pagelens.api.ApiServer;
import io.pagelens.api.ApiSettings;
import io.pagelens.api.HealthRoutes;
import io.pagelens.api.JobRoutes;
import io.pagelens.api.RequestGuard;
import io.pagelens.api.RouteGroup;
import io.pagelens.api.Router;
import io.pagelens.api.auth.ApiKeyStore;
import io.pagelens.api.auth.KeyBootstrap;
import io.pagelens.egress.EgressGuard;
import io.pagelens.jobs.EventBus;
import io.pagelens.jobs.FollowUps;
import io.pagelens.jobs.JobEvents;
import io.pagelens.jobs.JobHandler;
import io.pagelens.jobs.JobService;
import io.pagelens.jobs.JobStore;
import io.pagelens.jobs.WebhookHandler;
import io.pagelens.jobs.WebhookSigner;
import io.pagelens.jobs.WorkerPool;
import io.pagelens.observe.MeterNames;
import io.pagelens.store.Database;
import io.pagelens.web.DashboardSessions;
import io.pagelens.web.SessionGuard;
import io.pagelens.web.WebAccess;
import io.pagelens.store.Dialect;
import io.pagelens.web.WebRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The HTTP API and the job workers of one process, wired in one place (outside {@code api}, so that {@code api} and
 * {@code web} never import each other: this class puts both on one router). The parts it does not own (database,
 * capture engine, storage, memory governor) are made by the caller ({@code pagelens serve}) and handed in;
 * this class builds the queue, auth, routes and server from them, and stops in reverse order.
 * <p>Roles: {@code all} (default) serves HTTP and runs workers; {@code web} only serves (jobs run in worker
 * processes sharing PostgreSQL); {@code worker} only runs jobs.
 */
public final class PagelensServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PagelensServer.class);

    public enum Role {
        ALL, WEB, WORKER;

        boolean serves() {
            return this != WORKER;
        }

        boolean works() {
            return this != WEB;
        }
    }

    /**
     * What the caller provides. {@code handlers} run the job kinds besides webhooks (capture, later crawl);
     * {@code egress} guards webhook deliveries as it guards captures.
     */
    public record Parts(Database db, List<JobHandler> handlers, List<RouteGroup> routes, ApiHooks hooks,
                        MeterRegistry registry, Clock clock, EgressGuard egress, SharedServices shared) {
        /** With the shared services chosen by the database alone (no Redis); the server owns and closes them. */
        public Parts(Database db, List<JobHandler> handlers, List<RouteGroup> routes, ApiHooks hooks,
                     MeterRegistry registry, Clock clock, EgressGuard egress) {
            this(db, handlers, routes, hooks, registry, clock, egress, null);
        }
    }

    private final ApiSettings settings;
    private final JobService jobs;
    private final WorkerPool workers;
    private final ApiServer http;
    private final AtomicBoolean draining;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String firstKey;
    private SharedServices ownShared;
    private final WebAccess web;

    private PagelensServer(ApiSettings settings, JobService jobs, WorkerPool workers, ApiServer http, String firstKey,
                           AtomicBoolean draining, WebAccess web) {
        this.web = web;
        this.settings = settings;
        this.draining = draining;
        this.jobs = jobs;
        this.workers = workers;
        this.http = http;
        this.firstKey = firstKey;
    }

    public static PagelensServer start(ApiSettings s, Role role, Parts p) throws IOException {
        JobStore store = new JobStore(p.db(), p.clock());
        boolean ownsShared = p.shared() == null;
        SharedServices shared = ownsShared ? SharedServices.of(p.db(), Optional.empty(), p.registry(), p.clock()) : p.shared();
        EventBus bus = shared.bus();
        JobEvents events = new JobEvents(bus);
        List<JobHandler> handlers = new ArrayList<>(LoggedJobHandler.wrapAll(p.handlers()));
        if (s.webhookSecret() != null) handlers.add(new WebhookHandler(new WebhookSigner(s.webhookSecret()), p.clock(), p.egress()));
        FollowUps followUps = new FollowUps(store, events, handlers, p.clock());
        WorkerPool workers = role.works() ? new WorkerPool(store, events, handlers, followUps, s.workers(), p.clock(), p.registry()) : null;
        JobService jobs = new JobService(store, events, workers, followUps, s.queueLimit(), p.clock());
        Gauge.builder(MeterNames.JOBS_QUEUE, store, JobStore::queued).description("jobs waiting in the queue").register(p.registry());

        ApiServer http = null;
        String firstKey = null;
        AtomicBoolean draining = new AtomicBoolean();
        WebAccess web = WebAccess.OPEN;
        if (role.serves()) {
            ApiKeyStore keys = new ApiKeyStore(p.db(), p.clock());
            RequestGuard guard = RequestGuard.OPEN;
            if (!s.openAccess()) {
                // API keys for programs; the dashboard's session cookie for people (web.SessionGuard)
                DashboardSessions sessions = new DashboardSessions(p.db(), keys, p.clock());
                sessions.purgeExpired();
                SessionGuard sessionGuard = new SessionGuard(new ApiKeyGuard(keys, p.clock(), shared.rates()), sessions);
                guard = sessionGuard;
                web = new WebAccess(sessions, sessionGuard, keys);
            }
            if (!s.openAccess()) firstKey = KeyBootstrap.prepare(keys, s.seedKeys(), s.defaultRate(), s.createFirstKey()).orElse(null);
            Router router = new Router();
            new HealthRoutes(jobs, workers, p.hooks(), draining, s.metricsToken()).register(router);
            new JobRoutes(jobs, draining::get).register(router);
            for (RouteGroup g : p.routes()) g.register(router, jobs);
            new WebRoutes(web).register(router);
            http = new ApiServer(s.host(), s.port(), router, guard, p.hooks().memory(), s.maxBodyBytes(), p.registry(), s.limits());
        }
        if (workers != null) workers.start();
        if (http != null) http.start();
        PagelensServer server = new PagelensServer(s, jobs, workers, http, firstKey, draining, web);
        if (ownsShared) server.ownShared = shared;
        log.atInfo().addKeyValue("role", role.name().toLowerCase()).addKeyValue("port", http == null ? -1 : http.port())
                .addKeyValue("auth", s.openAccess() ? "none" : "keys").addKeyValue("queueLimit", s.queueLimit())
                .addKeyValue("workers", workers == null ? 0 : workers.workers()).addKeyValue("events", bus.describe())
                .addKeyValue("rateLimits", shared.rates().describe()).log("server started");
        return server;
    }

    public int port() {
        if (http == null) throw new IllegalStateException("this process does not serve HTTP (role worker)");
        return http.port();
    }

    public JobService jobs() {
        return jobs;
    }

    /** The key created at first start of a keyed server (print it once); empty when keys existed already. */
    public Optional<String> firstKey() {
        return Optional.ofNullable(firstKey);
    }

    /**
     * A new one-time dashboard login token (for {@code /login?token=}), to show where only the operator sees it (the
     * terminal); empty with open access (no sign-in) or when this process serves no HTTP.
     */
    public Optional<String> newLoginToken() {
        return http == null || web.open() ? Optional.empty() : Optional.of(web.sessions().createLink());
    }

    /**
     * Graceful stop, for SIGTERM: readiness turns false, the server stops accepting and finishes exchanges in
     * flight, workers let running jobs finish within the grace and requeue the rest. Idempotent.
     */
    public void shutdown() {
        if (closed.getAndSet(true)) return;
        long t0 = System.nanoTime();
        draining.set(true);
        Duration grace = settings.shutdownGrace();
        // stop accepting at once; exchanges in flight (synchronous captures) finish while the workers drain
        Thread httpStop = http == null ? null : Thread.ofVirtual().start(() -> http.stop(grace.plusSeconds(1)));
        if (workers != null) workers.shutdown(grace);
        if (httpStop != null) {
            try {
                httpStop.join(grace.plusSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (ownShared != null) ownShared.close();
        log.atInfo().addKeyValue("ms", (System.nanoTime() - t0) / 1_000_000).log("server drained and stopped");
    }

    /** Stops everything at once without touching the queue, as a killed process would; for crash tests. */
    public void crash() {
        if (closed.getAndSet(true)) return;
        if (workers != null) workers.abandon();
        if (http != null) http.stop(Duration.ZERO);
        if (ownShared != null) ownShared.close();
    }

    @Override
    public void close() {
        shutdown();
    }
}
