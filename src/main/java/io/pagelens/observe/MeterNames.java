package io.pagelens.observe;

/**
 * Every meter name pagelens publishes, in one place so that the engine, the API and the memory governor
 * agree. Micrometer names (dots); Prometheus shows them with underscores and unit suffixes
 * ({@code pagelens.memory.used} with base unit bytes becomes {@code pagelens_memory_used_bytes}, a counter gets
 * {@code _total}, a timer {@code _seconds}). {@code MeterNamesTest} fails on a literal meter name anywhere else in
 * {@code src/main}, and on a name here that {@code docs/metrics.md} does not document.
 */
public final class MeterNames {
    private MeterNames() {
    }

    // memory, by source (tag "source": cgroup, jvm_pss, chromium_pss, jvm_heap, jvm_heap_committed, jvm_nonheap)
    public static final String MEMORY_USED = "pagelens.memory.used";
    public static final String MEMORY_BUDGET = "pagelens.memory.budget";
    /** 0 ok, 1 warn, 2 high, 3 critical. */
    public static final String MEMORY_PRESSURE_LEVEL = "pagelens.memory.pressure.level";
    /** Counter, tag "level": times a level was entered. */
    public static final String MEMORY_PRESSURE_EVENTS = "pagelens.memory.pressure.events";
    /** Counter, tag "action": signal_chromium, drop_caches, gc, close_idle_contexts, recycle_browser, abort_youngest. */
    public static final String MEMORY_PRESSURE_ACTIONS = "pagelens.memory.pressure.actions";
    /** Counter (a function counter over the cgroup's own oom_kill count): kernel OOM kills inside our cgroup. */
    public static final String MEMORY_OOM_KILLS = "pagelens.memory.oom.kills";
    public static final String CHROMIUM_PROCESSES = "pagelens.chromium.processes";

    // admission (tag "kind": viewport, full_page, pdf)
    public static final String ADMISSION_ADMITTED = "pagelens.admission.admitted";
    public static final String ADMISSION_TIMEOUTS = "pagelens.admission.timeouts";
    /** Timer: how long captures waited for admission. */
    public static final String ADMISSION_WAIT = "pagelens.admission.wait";
    public static final String ADMISSION_IN_FLIGHT = "pagelens.admission.in.flight";
    /** Captures waiting for admission: the queue depth in front of the browser. */
    public static final String ADMISSION_QUEUE = "pagelens.admission.queue";
    public static final String ADMISSION_RESERVED = "pagelens.admission.reserved";
    public static final String ADMISSION_HEADROOM = "pagelens.admission.headroom";
    public static final String CAPTURE_COST_ESTIMATE = "pagelens.capture.cost.estimate";

    // caches (tag "cache" for per-cache figures)
    public static final String CACHE_WEIGHT = "pagelens.cache.weight";
    /** The weight of one cache, tag "cache". */
    public static final String CACHE_WEIGHT_BY_CACHE = "pagelens.cache.weight.by.cache";
    public static final String CACHE_CAP = "pagelens.cache.cap";
    public static final String CACHE_ENTRIES = "pagelens.cache.entries";

    // browser and captures (published by the engine: browser.BrowserSupervisor, capture.ChromeCapturer)
    public static final String BROWSER_LAUNCHES = "pagelens.browser.launches";
    /**
     * Counter, tag "reason": recycles are {@code recycle} (after N captures), {@code memory} (process tree over
     * its threshold) and {@code requested} (the governor); crashes are {@code gone} and {@code broken}; then
     * {@code idle} and {@code shutdown}.
     */
    public static final String BROWSER_STOPS = "pagelens.browser.stops";
    public static final String BROWSER_IN_FLIGHT = "pagelens.browser.inflight";
    /** 1 while a Chromium runs, 0 when it is closed (lazy launch, idle close). */
    public static final String BROWSER_RUNNING = "pagelens.browser.running";
    /** Timer with histogram buckets (see Observability), tags "kind" and "outcome" (ok or a CaptureError code). */
    public static final String CAPTURE_DURATION = "pagelens.capture";
    public static final String CAPTURE_RETRIES = "pagelens.capture.retries";
    /** Counter, tag "splice": copied (compressed data joined as it is) or recompressed (inflated and deflated again). */
    public static final String PNG_TILES = "pagelens.capture.png.tiles";

    /**
     * Counter of requests the egress proxy handled, tags "kind" (http, connect) and "outcome" (allowed, blocked,
     * unresolved, unreachable, bad_request).
     */
    public static final String EGRESS_REQUESTS = "pagelens.egress.requests";

    /** Jobs waiting in the durable queue (published by the jobs package). */
    public static final String JOBS_QUEUE = "pagelens.jobs.queue";
    /** Timer of one job run, tag "kind". */
    public static final String JOBS_RUN = "pagelens.jobs.run";
    /** Counter of jobs ended, retried or requeued, tags "kind" and "outcome". */
    public static final String JOBS_FINISHED = "pagelens.jobs.finished";

    // monitors (published by monitor.MonitorScheduler and its job handlers)
    /** Gauge: monitors stored (shared by every process on the database). */
    public static final String MONITORS = "pagelens.monitors";
    /** Counter of monitor runs ended, tag "status": new, same, changed, removed, failed. */
    public static final String MONITOR_RUNS = "pagelens.monitor.runs";
    /** Counter of pages checked by monitor runs, tag "status": new, same, changed, removed. */
    public static final String MONITOR_CHANGES = "pagelens.monitor.changes";
    /** Counter of change webhooks that failed for good (out of attempts or refused), tag "code". */
    public static final String MONITOR_NOTIFY_FAILURES = "pagelens.monitor.notifications.failed";
    /** Timer: from a run's fire time (due time plus the monitor's jitter) to the start of its run. */
    public static final String MONITOR_LAG = "pagelens.monitor.lag";
    /** Timer: from a run's fire time to its job being enqueued (the scheduler's own lag). */
    public static final String MONITOR_ENQUEUE_LAG = "pagelens.monitor.enqueue.lag";
    /** Counter of due times missed during downtime and coalesced into a later run. */
    public static final String MONITOR_COALESCED = "pagelens.monitor.coalesced";
    /** Counter of job events a cross-process bus failed to send or receive, tags "bus" and "op" (send, listen). */
    public static final String EVENTS_ERRORS = "pagelens.events.errors";

    /**
     * Counter of operations answered locally because Redis was unreachable, tag "use" (ratelimit, politeness, events):
     * rises while Redis is lost, and the process keeps serving.
     */
    public static final String REDIS_DEGRADED = "pagelens.redis.degraded";

    // store (published by store.Storage)
    /** Counter: captures saved. */
    public static final String STORE_SAVES = "pagelens.store.saves";
    /** Counter, tag "result" (hit, miss): lookups of the {@code maxAge} result cache. */
    public static final String STORE_CACHE = "pagelens.store.cache";
    /** Counter: unreferenced blobs deleted by GC. */
    public static final String STORE_GC_BLOBS_DELETED = "pagelens.store.gc.blobs.deleted";

    // HTTP and the build
    /** Timer with histogram buckets, tags "method", "route" (the route template, e.g. /v1/jobs/{id}), "status". */
    public static final String HTTP_SERVER_REQUESTS = "http.server.requests";
    /** Gauge of value 1, tags "version", "commit", "java", "chromium" (see BuildInfo). */
    public static final String BUILD_INFO = "pagelens.build.info";
}
