package io.pagelens.browser;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pagelens.cdp.CdpException;
import io.pagelens.cdp.CdpSession;
import io.pagelens.cdp.Commands;
import io.pagelens.config.ConfigException;
import io.pagelens.egress.EgressGuard;
import io.pagelens.egress.EgressSession;
import io.pagelens.observe.MeterNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps one Chromium for many captures: launches it lazily on the first {@link #openTab}, gives every capture
 * its own browser context, closes it after an idle period, recycles it after N captures or when its process
 * tree's memory passes a threshold (waiting for in-flight captures first), and kills it when a capture reports
 * it gone or hung so the next tab gets a fresh one. Concurrency is bounded by the caller's admission, not here.
 */
public final class BrowserSupervisor implements BrowserControl, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BrowserSupervisor.class);
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);

    private final BrowserConfig config;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Tab> tabs = new ArrayDeque<>(); // in-flight, oldest first
    private final ScheduledExecutorService timer;
    private final Counter launches;
    private final MeterRegistry registry;
    private final EgressGuard egress;
    private final java.util.concurrent.atomic.AtomicLong tabSeq = new java.util.concurrent.atomic.AtomicLong();
    private Browser current;
    private boolean closed;
    private long lastActivityNanos = System.nanoTime();

    /** One launched Chromium and its bookkeeping; fields guarded by {@link #lock}. */
    private static final class Browser {
        final ChromiumProcess process;
        int captures;
        int open;
        /** Tabs between creating their context and joining {@link #tabs}: their contexts are not known yet. */
        int settingUp;
        /** Contexts whose dispose failed (timed out, interrupted) when their capture ended: they linger in Chromium. */
        final Set<String> lingering = new HashSet<>();
        boolean retiring;

        Browser(ChromiumProcess process) {
            this.process = process;
        }
    }

    /** Without an egress guard: Chromium connects wherever pages ask. For tests of the supervisor itself. */
    public BrowserSupervisor(BrowserConfig config, MeterRegistry registry) {
        this(config, registry, EgressGuard.off());
    }

    /**
     * Every request of the browser goes through {@code egress} (when it is on): the browser's own proxy flags point
     * at its default port, and each tab's context at a port of its own ({@link Tab#egress()}). Not closed here.
     */
    public BrowserSupervisor(BrowserConfig config, MeterRegistry registry, EgressGuard egress) {
        if (egress.enabled()) {
            for (String a : config.extraArgs()) {
                for (String f : ChromiumFlags.PROXY_FLAGS) {
                    if (a.equals(f) || a.startsWith(f + "=")) {
                        throw new ConfigException("PAGELENS_CHROME_ARGS", a, "would route Chromium around the egress guard;"
                                + " allow hosts with PAGELENS_ALLOW_HOSTS instead (or PAGELENS_EGRESS=off to use your own proxy)");
                    }
                }
            }
        }
        this.config = config;
        this.registry = registry;
        this.egress = egress;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("browser-idle").factory());
        this.launches = Counter.builder(MeterNames.BROWSER_LAUNCHES).description("Chromium launches").register(registry);
        Gauge.builder(MeterNames.BROWSER_IN_FLIGHT, this, BrowserSupervisor::inFlight).register(registry);
        Gauge.builder(MeterNames.BROWSER_RUNNING, this, s -> s.processIds().isEmpty() ? 0 : 1).register(registry);
    }

    public BrowserConfig config() {
        return config;
    }

    /**
     * A new page in a new browser context, launching Chromium if none runs. Waits (until {@code deadline})
     * while a recycle waits for in-flight captures.
     */
    public Tab openTab(Instant deadline) throws BrowserUnavailableException, InterruptedException {
        Browser b = reserve(deadline);
        CdpSession browser = b.process.connection().browser();
        EgressSession session;
        try {
            session = egress.openSession("tab-" + tabSeq.incrementAndGet());
        } catch (IOException e) {
            lock.lock();
            try {
                b.settingUp--;
            } finally {
                lock.unlock();
            }
            release(b);
            throw new BrowserUnavailableException("the egress proxy could not open a port for the capture: " + e.getMessage(), e);
        }
        String context = null;
        boolean joined = false;
        try {
            // The context's own proxy port makes every request it sends attributable to this capture.
            String proxy = session.proxyServer();
            context = browser.send(Commands.createBrowserContext(proxy, proxy == null ? null : EgressGuard.BYPASS_LIST), SETUP_TIMEOUT);
            String target = browser.send(Commands.createTarget("about:blank", context), SETUP_TIMEOUT);
            String sessionId = browser.send(Commands.attachToTarget(target), SETUP_TIMEOUT);
            Tab tab = new Tab(b, context, target, b.process.connection().session(sessionId), session);
            lock.lock();
            try {
                tabs.addLast(tab);
                b.settingUp--;
                joined = true;
            } finally {
                lock.unlock();
            }
            return tab;
        } catch (CdpException e) {
            if (context != null) browser.sendAsync(Commands.disposeBrowserContext(context), SETUP_TIMEOUT);
            session.close();
            release(b);
            if (e.browserBroken()) kill(b, "tab setup failed: " + e.getMessage());
            throw new BrowserUnavailableException("could not open a page in Chromium: " + e.getMessage(), e);
        } finally {
            if (!joined) {
                lock.lock();
                try {
                    b.settingUp--;
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    private Browser reserve(Instant deadline) throws BrowserUnavailableException, InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (closed) throw new BrowserUnavailableException("the browser supervisor is closed");
                if (current != null && !current.process.isAlive()) {
                    log.atWarn().addKeyValue("pid", current.process.pid()).log("browser gone");
                    stop(current, "gone");
                }
                if (current != null && current.retiring) {
                    if (current.open == 0) {
                        stop(current, "recycle");
                    } else {
                        if (!changed.awaitUntil(Date.from(deadline))) {
                            throw new BrowserUnavailableException("timed out waiting for the browser to recycle");
                        }
                        continue;
                    }
                }
                if (current == null) current = launch();
                Browser b = current;
                b.open++;
                b.settingUp++;
                b.captures++;
                if (config.maxCaptures() > 0 && b.captures >= config.maxCaptures()) b.retiring = true;
                lastActivityNanos = System.nanoTime();
                return b;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Launches, with one retry: a first launch can fail on a busy machine. Called under the lock. */
    private Browser launch() throws BrowserUnavailableException, InterruptedException {
        IOException last = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                Browser b = new Browser(ChromiumProcess.launch(config, egress.browserProxy()));
                launches.increment();
                return b;
            } catch (IOException e) {
                last = e;
                log.atWarn().addKeyValue("attempt", attempt).addKeyValue("error", e.getMessage()).log("chromium launch failed");
            }
        }
        throw new BrowserUnavailableException("Chromium could not be started: " + last.getMessage(), last);
    }

    /** Called under the lock. */
    private void stop(Browser b, String reason) {
        if (current == b) current = null;
        log.atInfo().addKeyValue("pid", b.process.pid()).addKeyValue("reason", reason).addKeyValue("captures", b.captures).log("browser stop");
        registry.counter(MeterNames.BROWSER_STOPS, "reason", reason).increment();
        b.process.close();
        changed.signalAll();
    }

    private void release(Browser b) {
        lock.lock();
        try {
            b.open--;
            lastActivityNanos = System.nanoTime();
            if (b.retiring && b.open == 0 && current == b) stop(b, "recycle");
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (!config.idleTimeout().isZero()) {
            try {
                timer.schedule(this::closeIfIdle, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // supervisor closed while this capture ran: the browser is stopped already
            }
        }
    }

    private void kill(Browser b, String reason) {
        lock.lock();
        try {
            if (b.process.isAlive() || current == b) stop(b, "broken");
            log.atWarn().addKeyValue("reason", reason).log("browser killed");
        } finally {
            lock.unlock();
        }
    }

    private void closeIfIdle() {
        lock.lock();
        try {
            long idleNanos = System.nanoTime() - lastActivityNanos;
            if (current != null && current.open == 0 && idleNanos >= config.idleTimeout().toNanos()) {
                stop(current, "idle");
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called by a capture that failed on a CDP error. Kills the browser when it is gone or hung (a command
     * timed out and the browser does not answer a health check either), so the retry gets a new one.
     *
     * @return true when the browser was broken (a retry on a fresh browser makes sense)
     */
    public boolean reportFailure(Tab tab, CdpException e) throws InterruptedException {
        Browser b = tab.browser;
        boolean broken = switch (e.kind()) {
            case CLOSED -> true;
            case TIMEOUT -> !healthy(b);
            default -> !b.process.isAlive();
        };
        if (broken) kill(b, e.getMessage());
        return broken;
    }

    private boolean healthy(Browser b) throws InterruptedException {
        try {
            b.process.connection().browser().send(Commands.getVersion(), HEALTH_TIMEOUT);
            return true;
        } catch (CdpException e) {
            return false;
        }
    }

    /** One capture's page in its own browser context. Closing disposes the context. */
    public final class Tab implements AutoCloseable {
        private final Browser browser;
        private final String contextId;
        private final String targetId;
        private final CdpSession session;
        private final EgressSession egress;
        private volatile String abortReason;
        private boolean closedTab;

        private Tab(Browser browser, String contextId, String targetId, CdpSession session, EgressSession egress) {
            this.browser = browser;
            this.contextId = contextId;
            this.targetId = targetId;
            this.session = session;
            this.egress = egress;
        }

        /** What the egress guard refused for this capture (an empty session when the guard is off). */
        public EgressSession egress() {
            return egress;
        }

        public CdpSession session() {
            return session;
        }

        /** The page's target id, which is also its main frame's id. */
        public String targetId() {
            return targetId;
        }

        public String contextId() {
            return contextId;
        }

        public long browserPid() {
            return browser.process.pid();
        }

        /** Why the supervisor aborted this capture, or null. */
        public String abortReason() {
            return abortReason;
        }

        void abort(String reason) {
            abortReason = reason;
            session.failPending(new CdpException(CdpException.Kind.TARGET_CRASHED, "capture aborted: " + reason));
            browser.process.connection().browser().sendAsync(Commands.closeTarget(targetId), SETUP_TIMEOUT);
        }

        @Override
        public void close() {
            if (closedTab) return;
            closedTab = true;
            lock.lock();
            try {
                tabs.remove(this);
            } finally {
                lock.unlock();
            }
            try {
                if (browser.process.isAlive()) {
                    browser.process.connection().browser().send(Commands.disposeBrowserContext(contextId), SETUP_TIMEOUT);
                }
            } catch (CdpException e) {
                if (e.browserBroken()) kill(browser, "context dispose failed: " + e.getMessage());
                else linger(browser, contextId);
            } catch (InterruptedException e) {
                linger(browser, contextId);
                Thread.currentThread().interrupt();
            }
            egress.close(); // after the context: its connections end with it
            release(browser);
            checkMemory(browser);
        }
    }

    private void linger(Browser b, String contextId) {
        lock.lock();
        try {
            b.lingering.add(contextId);
        } finally {
            lock.unlock();
        }
        log.atWarn().addKeyValue("context", contextId).log("browser context left open; the pressure ladder closes it");
    }

    private void checkMemory(Browser b) {
        if (config.maxRssMb() <= 0 || !b.process.isAlive()) return;
        long mb = b.process.pssBytes() / (1024 * 1024);
        if (mb > config.maxRssMb()) {
            log.atInfo().addKeyValue("pid", b.process.pid()).addKeyValue("pssMb", mb).addKeyValue("limitMb", config.maxRssMb()).log("browser over memory");
            lock.lock();
            try {
                if (current == b && !b.retiring) {
                    b.retiring = true;
                    if (b.open == 0) stop(b, "memory");
                }
            } finally {
                lock.unlock();
            }
        }
    }

    // ---- BrowserControl --------------------------------------------------------------------------------

    @Override
    public List<Long> processIds() {
        lock.lock();
        Browser b;
        try {
            b = current;
        } finally {
            lock.unlock();
        }
        return b == null ? List.of() : b.process.processIds();
    }

    @Override
    public int inFlight() {
        lock.lock();
        try {
            return tabs.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void signalMemoryPressure() {
        List<Tab> open;
        lock.lock();
        try {
            open = List.copyOf(tabs);
        } finally {
            lock.unlock();
        }
        // Memory.* lives on page targets; each renderer frees its caches and runs a GC.
        for (Tab t : open) {
            t.session.sendAsync(Commands.simulateMemoryPressure("critical"), SETUP_TIMEOUT);
        }
    }

    /**
     * Closes the browser contexts of the running Chromium that no capture in flight uses: one whose dispose timed out
     * or was interrupted when its capture ended lingers, with its renderer's memory, until this runs. Contexts are
     * listed by Chromium itself, so leaks this process never recorded are found too; while a tab is being set up, only
     * contexts known to have lingered are closed (the new tab's context is not known yet).
     *
     * @return how many contexts were closed
     */
    @Override
    public int closeIdleContexts() {
        Browser b;
        lock.lock();
        try {
            b = current;
        } finally {
            lock.unlock();
        }
        if (b == null || !b.process.isAlive()) return 0;
        CdpSession browser = b.process.connection().browser();
        List<String> listed;
        try {
            listed = browser.send(Commands.getBrowserContexts(), HEALTH_TIMEOUT);
        } catch (CdpException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        Set<String> idle = new HashSet<>(listed);
        lock.lock();
        try {
            for (Tab t : tabs) idle.remove(t.contextId);
            if (b.settingUp > 0) idle.retainAll(b.lingering);
        } finally {
            lock.unlock();
        }
        int closed = 0;
        for (String id : idle) {
            try {
                browser.send(Commands.disposeBrowserContext(id), SETUP_TIMEOUT);
                closed++;
            } catch (CdpException e) {
                log.atWarn().addKeyValue("context", id).addKeyValue("error", e.getMessage()).log("idle context not closed");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        lock.lock();
        try {
            b.lingering.removeAll(idle);
        } finally {
            lock.unlock();
        }
        if (closed > 0) log.atInfo().addKeyValue("closed", closed).log("idle browser contexts closed");
        return closed;
    }

    /** The running browser's own session (not a page's), or null when none runs; for tests that leave a context behind. */
    CdpSession browserSession() {
        lock.lock();
        try {
            return current == null ? null : current.process.connection().browser();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void recycleWhenIdle() {
        lock.lock();
        try {
            if (current != null) {
                current.retiring = true;
                if (current.open == 0) stop(current, "requested");
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean abortYoungest(String reason) {
        Tab youngest;
        lock.lock();
        try {
            youngest = tabs.peekLast();
        } finally {
            lock.unlock();
        }
        if (youngest == null) return false;
        log.atWarn().addKeyValue("reason", reason).log("capture aborted");
        youngest.abort(reason);
        return true;
    }

    /** Stops the browser (in-flight captures fail) and the idle timer. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) return;
            closed = true;
            if (current != null) stop(current, "shutdown");
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        timer.shutdownNow();
    }
}
