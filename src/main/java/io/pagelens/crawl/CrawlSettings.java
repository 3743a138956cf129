package io.pagelens.crawl;

import io.pagelens.config.Env;

import java.time.Duration;

/**
 * Process-wide crawler settings ({@code PAGELENS_CRAWL_*}): the defaults and ceilings of the per-crawl options and
 * the bounds no crawl can change. Documented in {@code docs/configuration.md}.
 *
 * @param maxLimit          ceiling of the {@code limit} option (pages per crawl)
 * @param defaultMaxDuration {@code maxDuration} when a crawl gives none; also its ceiling
 * @param maxQueryVariants  default of {@code traps.maxQueryVariants}
 * @param maxRedirects      redirects followed per URL before it fails as a redirect chain
 * @param maxAttempts       tries of one URL (network errors, 5xx, a lost lease) before it is failed
 * @param lease             how long a claimed URL stays in flight without being renewed before another process may
 *                          take it again
 * @param stallTimeout      a running crawl whose frontier did not move for this long ends failed, reason stalled
 * @param sitemaps          sitemap bounds
 * @param userAgent         the HTTP User-Agent of plain fetches (robots.txt, sitemaps, maps)
 */
public record CrawlSettings(int maxLimit, Duration defaultMaxDuration, int maxQueryVariants, int maxRedirects, int maxAttempts,
                            Duration lease, Duration stallTimeout, SitemapLimits sitemaps, String userAgent) {
    public static final int DEFAULT_MAX_LIMIT = 10_000;
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofHours(1);
    public static final int DEFAULT_MAX_REDIRECTS = 5;
    public static final int DEFAULT_MAX_ATTEMPTS = 2;
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofMinutes(10);

    public static final CrawlSettings DEFAULTS = new CrawlSettings(DEFAULT_MAX_LIMIT, DEFAULT_MAX_DURATION,
            TrapOptions.DEFAULT_MAX_QUERY_VARIANTS, DEFAULT_MAX_REDIRECTS, DEFAULT_MAX_ATTEMPTS, DEFAULT_LEASE,
            DEFAULT_STALL_TIMEOUT, SitemapLimits.DEFAULTS, JdkCrawlFetcher.DEFAULT_USER_AGENT);

    public static CrawlSettings fromEnv(Env env) {
        return new CrawlSettings(
                env.integer("PAGELENS_CRAWL_MAX_LIMIT", DEFAULT_MAX_LIMIT, 1, 10_000_000),
                positive(env, "PAGELENS_CRAWL_MAX_DURATION", DEFAULT_MAX_DURATION),
                env.integer("PAGELENS_CRAWL_MAX_QUERY_VARIANTS", TrapOptions.DEFAULT_MAX_QUERY_VARIANTS, 1, 100_000),
                env.integer("PAGELENS_CRAWL_MAX_REDIRECTS", DEFAULT_MAX_REDIRECTS, 0, 20),
                env.integer("PAGELENS_CRAWL_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS, 1, 10),
                positive(env, "PAGELENS_CRAWL_LEASE", DEFAULT_LEASE),
                positive(env, "PAGELENS_CRAWL_STALL_TIMEOUT", DEFAULT_STALL_TIMEOUT),
                SitemapLimits.fromEnv(env),
                env.string("PAGELENS_CRAWL_USER_AGENT", JdkCrawlFetcher.DEFAULT_USER_AGENT));
    }

    private static Duration positive(Env env, String key, Duration dflt) {
        Duration d = env.duration(key, dflt);
        if (d.isNegative() || d.isZero()) throw new io.pagelens.config.ConfigException(key, d.toString(), "must be positive");
        return d;
    }
}
