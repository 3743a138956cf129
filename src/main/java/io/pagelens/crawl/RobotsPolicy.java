package io.pagelens.crawl;

import java.net.URI;

/** The robots.txt rules that apply to a URL (those of its origin). */
@FunctionalInterface
public interface RobotsPolicy {
    RobotsRules rulesFor(URI url);

    /** For crawls with {@code respectRobots: false}: nothing is fetched, everything is allowed. */
    RobotsPolicy IGNORE = url -> RobotsRules.IGNORED;
}
