package io.pagelens.crawl;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Fetches and keeps the robots.txt of each origin a crawl touches (RFC 9309 §2.3): {@code /robots.txt} of the
 * URL's scheme, host and port; up to {@value #MAX_REDIRECTS} redirects followed, even to another host; the first
 * 500 KiB parsed; 4xx means allow all, 5xx, 429, network errors and redirect loops mean disallow all. Entries live
 * 24 hours at most (the RFC's cache limit), unreachable ones a minute; at most {@value #MAX_ORIGINS} origins are kept.
 */
public final class RobotsCache implements RobotsPolicy {
    private static final Logger log = LoggerFactory.getLogger(RobotsCache.class);
    public static final int MAX_REDIRECTS = 5;
    static final int MAX_ORIGINS = 1_000;

    private final CrawlFetcher fetcher;
    private final RobotsAgent agent;
    /** RFC 9309 §2.4: a cached robots.txt should not be used for more than 24 hours. */
    static final Duration KEEP_READ = Duration.ofHours(24);
    /** An unreachable robots.txt is tried again after this, so a passing 503 does not close a site for a day. */
    static final Duration KEEP_UNREACHABLE = Duration.ofMinutes(1);

    private final Cache<String, RobotsRules> byOrigin = Caffeine.newBuilder()
            .maximumSize(MAX_ORIGINS)
            .expireAfter(Expiry.<String, RobotsRules>creating((origin, rules) ->
                    rules.source() == RobotsRules.Source.UNREACHABLE ? KEEP_UNREACHABLE : KEEP_READ))
            .build();

    public RobotsCache(CrawlFetcher fetcher, RobotsAgent agent) {
        this.fetcher = fetcher;
        this.agent = agent;
    }

    @Override
    public RobotsRules rulesFor(URI url) {
        String origin = origin(url);
        RobotsRules cached = byOrigin.getIfPresent(origin);
        if (cached != null) return cached;
        try {
            return byOrigin.get(origin, this::load);
        } catch (InterruptedRuntime e) { // not cached: the next call tries again
            Thread.currentThread().interrupt();
            return RobotsRules.failed(0, "interrupted");
        }
    }

    /** {@code scheme://host[:port]} with the default port left out. */
    static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean dflt = port < 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (dflt ? "" : ":" + port);
    }

    private RobotsRules load(String origin) {
        URI robots = URI.create(origin + "/robots.txt");
        try {
            RedirectFollower.Outcome o = RedirectFollower.follow(fetcher, robots, FetchLimits.ROBOTS, MAX_REDIRECTS, RedirectFollower.HopCheck.ANY);
            RobotsRules rules = switch (o) {
                case RedirectFollower.Arrived a -> {
                    try (FetchResponse r = a.response()) {
                        if (r.status() >= 200 && r.status() < 300) {
                            yield RobotsRules.parse(r.url().toString(), r.readBody(), r.header("Content-Type").orElse("text/plain"), agent.token());
                        }
                        yield RobotsRules.failed(r.status(), "robots.txt answered " + r.status());
                    }
                }
                case RedirectFollower.TooManyRedirects t -> RobotsRules.failed(0, "robots.txt redirects " + (t.loop() ? "loop" : "more than " + MAX_REDIRECTS + " times"));
                case RedirectFollower.BrokenRedirect b -> RobotsRules.failed(0, "robots.txt redirect without Location (" + b.status() + ")");
                case RedirectFollower.Refused f -> RobotsRules.failed(0, "robots.txt redirect refused: " + f.reason());
            };
            log.atInfo().addKeyValue("origin", origin).addKeyValue("source", rules.source())
                    .addKeyValue("crawlDelayMs", rules.crawlDelay().map(Duration::toMillis).orElse(null)).log("robots.txt read");
            return rules;
        } catch (IOException e) {
            log.atInfo().addKeyValue("origin", origin).addKeyValue("error", e.getMessage()).log("robots.txt unreachable; origin disallowed");
            return RobotsRules.failed(0, "robots.txt unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            throw new InterruptedRuntime();
        }
    }

    private static final class InterruptedRuntime extends RuntimeException {
        InterruptedRuntime() {
            super(null, null, false, false);
        }
    }
}
