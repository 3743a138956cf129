package io.pagelens.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.json.Jackson;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/**
 * The crawl options as flags, shared by {@code pagelens crawl} and {@code pagelens map}: the API's names in kebab-case,
 * but the politeness {@code delay}, which is {@code --crawl-delay} (capture's {@code --delay} is the wait before a page).
 */
final class CrawlFlags {
    @Option(names = "--limit", description = "Pages stored at most (default: 100).")
    Integer limit;

    @Option(names = "--max-depth", description = "Link hops from the seed (default: 10).")
    Integer maxDepth;

    @Option(names = "--include-paths", split = ",", paramLabel = "REGEX", description = "Path regexes; one must be found in the path.")
    List<String> includePaths = new ArrayList<>();

    @Option(names = "--exclude-paths", split = ",", paramLabel = "REGEX", description = "Path regexes that keep a URL out.")
    List<String> excludePaths = new ArrayList<>();

    @Option(names = "--allow-subdomains", description = "Also crawl subdomains of the seed's domain.")
    boolean allowSubdomains;

    @Option(names = "--allow-external-links", description = "Follow links to any host.")
    boolean allowExternalLinks;

    @Option(names = "--ignore-query-parameters", description = "Drop every query parameter when deduplicating.")
    boolean ignoreQueryParameters;

    @Option(names = "--sitemap", paramLabel = "include|skip|only", description = "Sitemaps (default: include).")
    String sitemap;

    @Option(names = "--respect-robots", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Obey robots.txt (default: true; --no-respect-robots ignores it).")
    boolean respectRobots = true;

    @Option(names = "--robots-user-agent", paramLabel = "TOKEN", description = "Product token matched against robots.txt groups (default: pagelens).")
    String robotsUserAgent;

    @Option(names = "--crawl-delay", paramLabel = "SECONDS", description = "Seconds between two requests to one host (the API's delay).")
    Double crawlDelay;

    @Option(names = "--max-concurrency", description = "Pages in flight (default: 2).")
    Integer maxConcurrency;

    @Option(names = "--max-duration", paramLabel = "SECONDS", description = "Wall time, then the crawl ends (maxDurationReached).")
    Double maxDuration;

    @Option(names = "--max-query-variants", description = "Trap budget: URLs per path that differ only by their query (default: 10).")
    Integer maxQueryVariants;

    /** The flags as the API body names them. */
    ObjectNode toOptions() {
        ObjectNode n = Jackson.MAPPER.createObjectNode();
        if (limit != null) n.put("limit", limit);
        if (maxDepth != null) n.put("maxDepth", maxDepth);
        if (!includePaths.isEmpty()) includePaths.forEach(n.putArray("includePaths")::add);
        if (!excludePaths.isEmpty()) excludePaths.forEach(n.putArray("excludePaths")::add);
        n.put("allowSubdomains", allowSubdomains);
        n.put("allowExternalLinks", allowExternalLinks);
        n.put("ignoreQueryParameters", ignoreQueryParameters);
        if (sitemap != null) n.put("sitemap", sitemap);
        n.put("respectRobots", respectRobots);
        if (robotsUserAgent != null) n.put("robotsUserAgent", robotsUserAgent);
        if (crawlDelay != null) n.put("delay", crawlDelay);
        if (maxConcurrency != null) n.put("maxConcurrency", maxConcurrency);
        if (maxDuration != null) n.put("maxDuration", maxDuration);
        if (maxQueryVariants != null) n.putObject("traps").put("maxQueryVariants", maxQueryVariants);
        return n;
    }

    /** A crawl option's error under its flag: {@code --include-paths (includePaths[1]): ...}. */
    static String message(InvalidRequestException e) {
        String field = e.field();
        String root = field.replaceAll("[\\[.].*", "");
        String flag = "--" + FlagNames.kebab(root);
        if (root.equals("delay")) flag = "--crawl-delay";
        if (root.equals("traps")) flag = "--max-query-variants";
        String problem = e.getMessage().startsWith(field + ": ") ? e.getMessage().substring(field.length() + 2) : e.getMessage();
        return flag + " (" + field + "): " + problem;
    }
}
