package io.pagelens.api;

import io.pagelens.api.auth.SeedKey;
import io.pagelens.config.ConfigException;
import io.pagelens.config.Env;
import io.pagelens.jobs.Backoff;
import io.pagelens.jobs.JobService;
import io.pagelens.jobs.WorkerPool;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Settings of {@code pagelens serve}, read once from the environment and validated; errors name the variable.
 *
 * @param host             interface to bind ({@code PAGELENS_HOST}, default 0.0.0.0)
 * @param port             {@code PORT}, default 8080; 0 picks a free port
 * @param openAccess       {@code PAGELENS_AUTH=none}: no API key needed (local use only)
 * @param defaultRate      requests per minute of a key made without a rate ({@code PAGELENS_RATE_LIMIT}, default 120)
 * @param maxBodyBytes     request bodies above this get 413 ({@code PAGELENS_MAX_BODY_BYTES}, default 256 KiB)
 * @param queueLimit       queued jobs past which submissions get 429 ({@code PAGELENS_QUEUE_LIMIT}, default 50)
 * @param requestDeadline  a synchronous capture's whole budget, queue time included; 503 past it
 *                         ({@code PAGELENS_REQUEST_DEADLINE}, default 60 s; 25 s when {@code DYNO} is set, under the
 *                         Heroku router's 30 s, and a longer setting is refused there)
 * @param maxAttempts      starts of a capture job before it fails ({@code PAGELENS_JOB_MAX_ATTEMPTS}, default 3)
 * @param workers          worker settings ({@code PAGELENS_WORKERS}, {@code PAGELENS_JOB_LEASE}, {@code PAGELENS_JOB_BACKOFF},
 *                         {@code PAGELENS_JOB_RETENTION})
 * @param shutdownGrace    how long SIGTERM waits for running captures ({@code PAGELENS_SHUTDOWN_GRACE}, default 20 s;
 *                         Heroku kills 30 s after SIGTERM)
 * @param webhookSecret    HMAC key of webhook signatures ({@code PAGELENS_WEBHOOK_SECRET}); null disables webhooks
 * @param seedKeys         keys declared in {@code PAGELENS_API_KEYS} (hashed; see {@link SeedKey})
 * @param createFirstKey   whether a first start with no key at all may create one ({@code serve} sets false when
 *                         it has no terminal to show it on)
 * @param handOffLateCaptures a synchronous capture still running at the request deadline answers 202 with its job
 *                         (which runs on) instead of 503; on when {@code DYNO} is set, so a long capture never meets
 *                         the router's timeout. A request's own {@code deadline} field keeps the 503.
 * @param metricsToken     {@code PAGELENS_METRICS_TOKEN}: {@code /metrics} answers only requests that send it as a bearer
 *                         token (at least 16 characters); null leaves {@code /metrics} open
 * @param limits           what one request may ask for ({@code PAGELENS_MAX_URL_LENGTH}, {@code PAGELENS_MAX_HEADERS}, ...; see {@link InputLimits})
 */
public record ApiSettings(String host, int port, boolean openAccess, int defaultRate, long maxBodyBytes, int queueLimit,
                          Duration requestDeadline, int maxAttempts, WorkerPool.Settings workers, Duration shutdownGrace,
                          String webhookSecret, List<SeedKey> seedKeys, boolean createFirstKey,
                          boolean handOffLateCaptures, InputLimits limits, String metricsToken) {

    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_RATE_PER_MINUTE = 120;
    public static final Duration DEFAULT_REQUEST_DEADLINE = Duration.ofSeconds(60);
    /** Heroku's router answers H12 after 30 s; the deadline there leaves room for the response to go out. */
    public static final Duration HEROKU_ROUTER_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DYNO_REQUEST_DEADLINE = Duration.ofSeconds(25);
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(20);
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    public static ApiSettings fromEnv(Env env) {
        String auth = env.string("PAGELENS_AUTH", "keys").toLowerCase(Locale.ROOT);
        if (!auth.equals("keys") && !auth.equals("none")) {
            throw new ConfigException("PAGELENS_AUTH", auth, "must be 'keys' (default) or 'none' (open access, local use only)");
        }
        boolean dyno = env.string("DYNO").isPresent();
        Duration deadline = env.duration("PAGELENS_REQUEST_DEADLINE", dyno ? DYNO_REQUEST_DEADLINE : DEFAULT_REQUEST_DEADLINE);
        if (deadline.toMillis() < 1000 || deadline.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new ConfigException("PAGELENS_REQUEST_DEADLINE", deadline.toString(), "must be between 1s and 10m");
        }
        if (dyno && deadline.compareTo(HEROKU_ROUTER_TIMEOUT) >= 0) {
            throw new ConfigException("PAGELENS_REQUEST_DEADLINE", deadline.toString(),
                    "must be under 30s on Heroku (DYNO is set): the router drops a request after 30 s (H12); use async captures for longer work");
        }
        Duration lease = env.duration("PAGELENS_JOB_LEASE", WorkerPool.Settings.DEFAULTS.lease());
        if (lease.toMillis() < 1000) throw new ConfigException("PAGELENS_JOB_LEASE", lease.toString(), "must be at least 1s");
        Duration backoff = env.duration("PAGELENS_JOB_BACKOFF", Backoff.DEFAULT.base());
        if (backoff.toMillis() < 10) throw new ConfigException("PAGELENS_JOB_BACKOFF", backoff.toString(), "must be at least 10ms");
        Duration grace = env.duration("PAGELENS_SHUTDOWN_GRACE", DEFAULT_SHUTDOWN_GRACE);
        String secret = env.string("PAGELENS_WEBHOOK_SECRET").orElse(null);
        if (secret != null && secret.length() < 16) {
            throw new ConfigException("PAGELENS_WEBHOOK_SECRET", secret, "must have at least 16 characters");
        }
        Duration retention = env.duration("PAGELENS_JOB_RETENTION", WorkerPool.Settings.DEFAULT_RETENTION);
        if (retention.toMillis() < 60_000) throw new ConfigException("PAGELENS_JOB_RETENTION", retention.toString(), "must be at least 1m");
        WorkerPool.Settings ws = new WorkerPool.Settings(env.integer("PAGELENS_WORKERS", WorkerPool.Settings.DEFAULTS.workers(), 1, 64),
                lease, WorkerPool.Settings.DEFAULTS.poll(), new Backoff(backoff, Backoff.DEFAULT.max().compareTo(backoff) < 0 ? backoff : Backoff.DEFAULT.max()),
                retention);
        int rate = env.integer("PAGELENS_RATE_LIMIT", DEFAULT_RATE_PER_MINUTE, 1, 100_000);
        List<SeedKey> seeds = SeedKey.parse(env.string(SeedKey.VARIABLE).orElse(null), rate);
        if (!seeds.isEmpty() && auth.equals("none")) {
            throw new ConfigException(SeedKey.VARIABLE, "is set but PAGELENS_AUTH=none turns keys off; unset one of them");
        }
        return new ApiSettings(env.string("PAGELENS_HOST", "0.0.0.0"), env.integer("PORT", DEFAULT_PORT, 0, 65535), auth.equals("none"),
                rate,
                env.integer("PAGELENS_MAX_BODY_BYTES", (int) ApiServer.DEFAULT_MAX_BODY_BYTES, 1024, 16 * 1024 * 1024),
                env.integer("PAGELENS_QUEUE_LIMIT", JobService.DEFAULT_QUEUE_LIMIT, 0, 100_000), deadline,
                env.integer("PAGELENS_JOB_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS, 1, 20), ws, grace, secret, seeds, true, dyno,
                InputLimits.fromEnv(env), metricsToken(env));
    }

    /** These settings, except that no first key is created (nobody could be shown it). */
    public ApiSettings withoutFirstKey() {
        return new ApiSettings(host, port, openAccess, defaultRate, maxBodyBytes, queueLimit, requestDeadline, maxAttempts, workers,
                shutdownGrace, webhookSecret, seedKeys, false, handOffLateCaptures, limits, metricsToken);
    }

    /** Never echoed in an error: it is a secret. */
    private static String metricsToken(Env env) {
        String t = env.string("PAGELENS_METRICS_TOKEN").orElse(null);
        if (t != null && t.strip().length() < 16) throw new ConfigException("PAGELENS_METRICS_TOKEN", "must have at least 16 characters");
        return t == null ? null : t.strip();
    }
}
