package io.pagelens.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.capture.InvalidRequestException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The options of one crawl, with Firecrawl's names, validated and with every default filled in. Parse user input
 * with {@link #parse(JsonNode, CrawlSettings)} (an unknown field or bad value fails naming it); the stored form is
 * {@link #toJson()}, read back with {@link #fromStored(JsonNode)}.
 *
 * @param limit                 pages stored at most (default {@value #DEFAULT_LIMIT}); reaching it ends the crawl
 *                              completed with {@code limitReached}
 * @param maxDepth              link hops from the seed (default {@value #DEFAULT_MAX_DEPTH}); sitemap URLs are depth 1;
 *                              0 crawls the seed (and, with sitemaps, nothing else)
 * @param includePaths          path regexes a URL must match to be fetched (empty: all); the seed is always fetched
 * @param excludePaths          path regexes that keep a URL out (wins over include)
 * @param allowSubdomains       follow hosts under the seed's registrable domain ({@code docs.example.com})
 * @param allowExternalLinks    follow links to any host
 * @param ignoreQueryParameters drop every query parameter when deduplicating ({@code /a?x=1} is {@code /a})
 * @param sitemap               include (default), skip or only
 * @param respectRobots         obey robots.txt (default true)
 * @param robotsUserAgent       the robots.txt product token matched against groups (default {@code pagelens})
 * @param delay                 minimum time between two requests to one host; robots.txt's Crawl-delay for the
 *                              agent wins when longer
 * @param maxConcurrency        pages in flight at once (default {@value #DEFAULT_MAX_CONCURRENCY})
 * @param maxDuration           wall time after which the crawl ends with {@code maxDurationReached}
 * @param webhook               events to deliver, or null
 * @param traps                 the trap budget
 * @param capture               capture options of every page, as given (the capture pipeline validates them), or null
 */
public record CrawlOptions(int limit, int maxDepth, List<String> includePaths, List<String> excludePaths,
                           boolean allowSubdomains, boolean allowExternalLinks, boolean ignoreQueryParameters,
                           SitemapMode sitemap, boolean respectRobots, String robotsUserAgent, Duration delay,
                           int maxConcurrency, Duration maxDuration, CrawlWebhook webhook, TrapOptions traps,
                           JsonNode capture) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int DEFAULT_MAX_DEPTH = 10;
    public static final int MAX_DEPTH = 100;
    public static final int DEFAULT_MAX_CONCURRENCY = 2;
    public static final int MAX_CONCURRENCY = 16;
    public static final Duration MAX_DELAY = Duration.ofHours(1);

    static final Set<String> FIELDS = Set.of("limit", "maxDepth", "includePaths", "excludePaths", "allowSubdomains",
            "allowExternalLinks", "ignoreQueryParameters", "sitemap", "respectRobots", "robotsUserAgent", "delay",
            "maxConcurrency", "maxDuration", "webhook", "traps", "capture");

    public CrawlOptions {
        if (limit < 1) throw new InvalidRequestException("limit", "must be at least 1, was " + limit);
        if (maxDepth < 0 || maxDepth > MAX_DEPTH) throw new InvalidRequestException("maxDepth", "must be between 0 and " + MAX_DEPTH + ", was " + maxDepth);
        includePaths = includePaths == null ? List.of() : List.copyOf(includePaths);
        excludePaths = excludePaths == null ? List.of() : List.copyOf(excludePaths);
        PathPatterns.compile("includePaths", includePaths);
        PathPatterns.compile("excludePaths", excludePaths);
        if (sitemap == null) sitemap = SitemapMode.INCLUDE;
        new RobotsAgent(robotsUserAgent);
        if (delay == null) delay = Duration.ZERO;
        if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) throw new InvalidRequestException("delay", "must be between 0 and " + MAX_DELAY.toSeconds() + " seconds");
        if (maxConcurrency < 1 || maxConcurrency > MAX_CONCURRENCY) {
            throw new InvalidRequestException("maxConcurrency", "must be between 1 and " + MAX_CONCURRENCY + ", was " + maxConcurrency);
        }
        if (maxDuration == null || maxDuration.isNegative() || maxDuration.isZero()) throw new InvalidRequestException("maxDuration", "must be positive");
        if (traps == null) traps = TrapOptions.DEFAULTS;
        if (capture != null && !capture.isObject()) throw new InvalidRequestException("capture", "must be an object of capture options");
        capture = capture == null ? null : capture.deepCopy();
    }

    /** All defaults: what {@code {}} means. */
    public static CrawlOptions defaults(CrawlSettings s) {
        return parse(JsonNodeFactory.instance.objectNode(), s);
    }

    /**
     * From a user's JSON object (API body without {@code url}/{@code project}, or the CLI's flags as JSON). Applies
     * the settings' defaults and ceilings.
     */
    public static CrawlOptions parse(JsonNode node, CrawlSettings s) {
        if (node == null || node.isNull()) node = JsonNodeFactory.instance.objectNode();
        if (!node.isObject()) throw new InvalidRequestException("options", "must be a JSON object");
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) throw new InvalidRequestException(f, "unknown crawl option (options: " + String.join(", ", new java.util.TreeSet<>(FIELDS)) + ")");
        }
        int limit = integer(node, "limit", DEFAULT_LIMIT);
        if (limit > s.maxLimit()) throw new InvalidRequestException("limit", "must be at most " + s.maxLimit() + " (PAGELENS_CRAWL_MAX_LIMIT), was " + limit);
        Duration maxDuration = seconds(node, "maxDuration", s.defaultMaxDuration());
        if (maxDuration.compareTo(s.defaultMaxDuration()) > 0) {
            throw new InvalidRequestException("maxDuration", "must be at most " + s.defaultMaxDuration().toSeconds() + " seconds (PAGELENS_CRAWL_MAX_DURATION)");
        }
        return new CrawlOptions(limit,
                integer(node, "maxDepth", DEFAULT_MAX_DEPTH),
                strings(node, "includePaths"),
                strings(node, "excludePaths"),
                bool(node, "allowSubdomains", false),
                bool(node, "allowExternalLinks", false),
                bool(node, "ignoreQueryParameters", false),
                node.hasNonNull("sitemap") ? SitemapMode.parse(text(node, "sitemap")) : SitemapMode.INCLUDE,
                bool(node, "respectRobots", true),
                node.hasNonNull("robotsUserAgent") ? text(node, "robotsUserAgent") : RobotsAgent.DEFAULT,
                seconds(node, "delay", Duration.ZERO),
                integer(node, "maxConcurrency", DEFAULT_MAX_CONCURRENCY),
                maxDuration,
                CrawlWebhook.parse(node.get("webhook")),
                TrapOptions.parse(node.get("traps"), s.maxQueryVariants()),
                node.hasNonNull("capture") ? node.get("capture") : null);
    }

    /** Options this process wrote earlier ({@link #toJson()}): every field is present, no ceiling re-applied. */
    public static CrawlOptions fromStored(JsonNode node) {
        CrawlSettings unlimited = new CrawlSettings(Integer.MAX_VALUE, Duration.ofDays(365_000), TrapOptions.DEFAULT_MAX_QUERY_VARIANTS,
                CrawlSettings.DEFAULT_MAX_REDIRECTS, CrawlSettings.DEFAULT_MAX_ATTEMPTS, CrawlSettings.DEFAULT_LEASE,
                CrawlSettings.DEFAULT_STALL_TIMEOUT, SitemapLimits.DEFAULTS, JdkCrawlFetcher.DEFAULT_USER_AGENT);
        return parse(node, unlimited);
    }

    /** Every option, Firecrawl's names, durations in seconds. */
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("limit", limit);
        n.put("maxDepth", maxDepth);
        includePaths.forEach(n.putArray("includePaths")::add);
        excludePaths.forEach(n.putArray("excludePaths")::add);
        n.put("allowSubdomains", allowSubdomains);
        n.put("allowExternalLinks", allowExternalLinks);
        n.put("ignoreQueryParameters", ignoreQueryParameters);
        n.put("sitemap", sitemap.id());
        n.put("respectRobots", respectRobots);
        n.put("robotsUserAgent", robotsUserAgent);
        n.put("delay", delay.toMillis() / 1000.0);
        n.put("maxConcurrency", maxConcurrency);
        n.put("maxDuration", maxDuration.toMillis() / 1000.0);
        if (webhook != null) n.set("webhook", webhook.toJson());
        n.set("traps", traps.toJson());
        if (capture != null) n.set("capture", capture);
        return n;
    }

    public UrlNormalizer normalizer() {
        return UrlNormalizer.of(ignoreQueryParameters);
    }

    public RobotsAgent robotsAgent() {
        return new RobotsAgent(robotsUserAgent);
    }

    // --- field readers: each error names its field -----------------------------------------------------

    private static int integer(JsonNode n, String f, int dflt) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) return dflt;
        if (!v.isIntegralNumber() || !v.canConvertToInt()) throw new InvalidRequestException(f, "must be a whole number, was " + v);
        return v.intValue();
    }

    private static boolean bool(JsonNode n, String f, boolean dflt) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) return dflt;
        if (!v.isBoolean()) throw new InvalidRequestException(f, "must be true or false, was " + v);
        return v.booleanValue();
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (!v.isTextual()) throw new InvalidRequestException(f, "must be a string, was " + v);
        return v.textValue();
    }

    private static Duration seconds(JsonNode n, String f, Duration dflt) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) return dflt;
        if (!v.isNumber()) throw new InvalidRequestException(f, "must be a number of seconds, was " + v);
        double s = v.doubleValue();
        if (!Double.isFinite(s) || s < 0) throw new InvalidRequestException(f, "must be a non-negative number of seconds, was " + v);
        if (s > 1e9) throw new InvalidRequestException(f, "is too large: " + v);
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static List<String> strings(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) return List.of();
        if (v.isTextual()) return List.of(v.textValue()); // a single pattern, as the CLI may pass it
        if (!v.isArray()) throw new InvalidRequestException(f, "must be a list of regular expressions");
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) throw new InvalidRequestException(f + "[" + i + "]", "must be a string");
            out.add(v.get(i).textValue());
        }
        return out;
    }
}
