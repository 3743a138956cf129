package io.pagelens.memory;

import io.micrometer.core.instrument.MeterRegistry;
import io.pagelens.browser.BrowserControl;
import io.pagelens.config.Env;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The memory governor with everything it needs, wired and started: budget, sampler, monitor, governor,
 * pressure responder, caches and meters. The browser can be attached after construction, since the
 * browser supervisor itself is usually built with the governor as its {@link Admission}.
 *
 * <pre>{@code
 * MemoryServices memory = MemoryServices.start(Env.system(), observability.registry());
 * BrowserSupervisor browser = new BrowserSupervisor(..., memory.admission(), ...);
 * memory.attach(browser);                         // BrowserControl
 * ...
 * memory.status();    // /v1/status memory section;  memory.ready() for /health/ready
 * memory.snapshot();  // access-log fields
 * memory.close();     // on shutdown
 * }</pre>
 */
public final class MemoryServices implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MemoryServices.class);

    private final MemorySettings settings;
    private final CgroupMemory cgroup;
    private final AttachedBrowser browser = new AttachedBrowser();
    private final Caches caches;
    private final MemoryGovernor governor;
    private final MemoryMonitor monitor;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MemoryServices(MemorySettings settings, CgroupMemory cgroup, MeterRegistry registry, Clock clock) {
        this.settings = settings;
        this.cgroup = cgroup;
        this.caches = new Caches(settings, registry);
        this.governor = new MemoryGovernor(settings, CostModel.forBudget(settings.budget()), clock, registry);
        HeapTrimmer trimmer = new HeapTrimmer(HeapTrimmer.Heap.jvm(), clock);
        PressureResponder responder = new PressureResponder(browser, caches, trimmer, clock, registry);
        SystemMemorySampler sampler = new SystemMemorySampler(cgroup, ProcessMemoryReader.procfs(), browser, clock);
        this.monitor = new MemoryMonitor(sampler, settings, clock).addListener(governor).addListener(responder)
                .addListener(new IdleTrim(trimmer));
        MemoryMeters.bind(registry, monitor, settings.budget(), cgroup);
    }

    /** Reads the settings from {@code env}, finds this process's cgroup and starts sampling. */
    public static MemoryServices start(Env env, MeterRegistry registry) {
        CgroupMemory cgroup = CgroupMemory.limitedOrNone(CgroupFiles.detect());
        MemorySettings settings = MemorySettings.fromEnv(env, cgroup);
        MemoryServices s = new MemoryServices(settings, cgroup, registry, Clock.systemUTC());
        s.monitor.start();
        log.atInfo().addKeyValue("budgetMb", settings.budget().mb()).addKeyValue("budgetSource", settings.budget().source())
                .addKeyValue("ceilingMb", settings.ceilingBytes() / MemoryBudget.MB)
                .addKeyValue("maxConcurrency", settings.maxConcurrency()).addKeyValue("maxFullPage", settings.maxHeavy()).addKeyValue("measuredBy", cgroup.describe())
                .addKeyValue("cacheCapMb", settings.cacheBytes() / MemoryBudget.MB).log("memory governor started");
        return s;
    }

    /** Lets the governor see and steer the browser (PIDs, pressure signal, recycle, abort). */
    public MemoryServices attach(BrowserControl control) {
        browser.delegate = control;
        return this;
    }

    public Admission admission() {
        return governor;
    }

    public MemoryGovernor governor() {
        return governor;
    }

    public Caches caches() {
        return caches;
    }

    public MemorySettings settings() {
        return settings;
    }

    public MemoryMonitor monitor() {
        return monitor;
    }

    /** False under HIGH or CRITICAL pressure: /health/ready. */
    public boolean ready() {
        return governor.status().ready();
    }

    public MemoryStatus status() {
        return MemoryStatus.of(settings, cgroup, governor.status(), monitor.latest(), caches);
    }

    public MemorySnapshot snapshot() {
        return MemorySnapshot.of(monitor.latest());
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) return;
        monitor.close();
    }

    /** The browser once attached; before that, a closed one. */
    private static final class AttachedBrowser implements BrowserControl {
        volatile BrowserControl delegate;

        @Override
        public List<Long> processIds() {
            BrowserControl d = delegate;
            return d == null ? List.of() : d.processIds();
        }

        @Override
        public int inFlight() {
            BrowserControl d = delegate;
            return d == null ? 0 : d.inFlight();
        }

        @Override
        public void signalMemoryPressure() {
            BrowserControl d = delegate;
            if (d != null) d.signalMemoryPressure();
        }

        @Override
        public int closeIdleContexts() {
            BrowserControl d = delegate;
            return d == null ? 0 : d.closeIdleContexts();
        }

        @Override
        public void recycleWhenIdle() {
            BrowserControl d = delegate;
            if (d != null) d.recycleWhenIdle();
        }

        @Override
        public boolean abortYoungest(String reason) {
            BrowserControl d = delegate;
            return d != null && d.abortYoungest(reason);
        }
    }
}
