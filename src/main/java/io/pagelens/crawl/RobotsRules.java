package io.pagelens.crawl;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The robots.txt rules of one origin for one agent, parsed by crawler-commons (RFC 9309: longest match wins, Allow
 * wins a tie, {@code *} and {@code $}, groups of one agent merged, the {@code *} group only when no group names the
 * agent). What happened to the file is kept ({@link Source}), since it decides what "no rules" means.
 */
public final class RobotsRules {
    /** How the rules were obtained. */
    public enum Source {
        /** robots.txt answered 2xx and was parsed. */
        PARSED,
        /** 4xx (other than 429): RFC 9309 §2.3.1.3, everything is allowed. */
        MISSING,
        /** 5xx, 429, a network error or too many redirects: RFC 9309 §2.3.1.4, nothing is allowed. */
        UNREACHABLE,
        /** Robots not consulted ({@code respectRobots: false}). */
        IGNORED
    }

    /** Rules that allow everything, for crawls with {@code respectRobots: false}. */
    public static final RobotsRules IGNORED = new RobotsRules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), Source.IGNORED, null);

    private static final long NO_DELAY = BaseRobotRules.UNSET_CRAWL_DELAY;

    private final BaseRobotRules rules;
    private final Source source;
    private final String problem;

    private RobotsRules(BaseRobotRules rules, Source source, String problem) {
        this.rules = rules;
        this.source = source;
        this.problem = problem;
    }

    /**
     * Parses a robots.txt body. An agent that is not a valid product token can only be matched by the {@code *}
     * group (as Google's parser does).
     *
     * @param robotsUrl the URL it came from (relative Sitemap lines resolve against it)
     */
    public static RobotsRules parse(String robotsUrl, byte[] body, String contentType, String agent) {
        Collection<String> names = RobotsAgent.isToken(agent) ? List.of(agent.toLowerCase(java.util.Locale.ROOT)) : List.of();
        // Crawl-delay is not capped by the parser: the politeness code decides what a long delay means
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 10);
        return new RobotsRules(parser.parseContent(robotsUrl, body, contentType, names), Source.PARSED, null);
    }

    /** The rules implied by a robots.txt that could not be read, by HTTP status (0: network error). */
    public static RobotsRules failed(int status, String problem) {
        boolean missing = status >= 400 && status < 500 && status != 429;
        SimpleRobotRules r = new SimpleRobotRules(missing ? SimpleRobotRules.RobotRulesMode.ALLOW_ALL : SimpleRobotRules.RobotRulesMode.ALLOW_NONE);
        return new RobotsRules(r, missing ? Source.MISSING : Source.UNREACHABLE, problem);
    }

    /** Whether {@code url} (absolute, normalised) may be fetched. */
    public boolean allows(String url) {
        try {
            return rules.isAllowed(url);
        } catch (RuntimeException e) { // an URL the matcher cannot read is not fetched
            return false;
        }
    }

    /** The agent's Crawl-delay, when its group has one. */
    public Optional<Duration> crawlDelay() {
        long ms = rules.getCrawlDelay();
        return ms == NO_DELAY || ms < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(ms));
    }

    /** Sitemap URLs named in the file (absolute). */
    public List<String> sitemaps() {
        return List.copyOf(rules.getSitemaps());
    }

    public Source source() {
        return source;
    }

    /** Why the file could not be read, for {@link Source#UNREACHABLE} and {@link Source#MISSING}. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    @Override
    public String toString() {
        return "RobotsRules[" + source + (problem == null ? "" : ", " + problem) + "]";
    }
}
