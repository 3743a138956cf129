package io.pagelens.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.json.Jackson;
import io.pagelens.testing.Shared;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RobotsRulesTest {
    /**
     * Google's robots.txt parser cases this parser answers differently, each with the reason (README "Crawling").
     * Key: test name + robots.txt allow line; the set must stay exactly this (a new miss fails, a fixed one too).
     */
    static final Map<String, String> DEVIATIONS = Map.of(
            "ID_Encoding /foo/bar/ツ",
            "Google matches the URL as given; pagelens only ever matches percent-encoded, normalised URLs "
                    + "(/foo/bar/%E3%83%84), which this rule allows, as Google's neighbouring case expects",
            "ID_Encoding /foo/bar/baz",
            "crawler-commons decodes percent-encoded unreserved characters (%62%61%7A = baz) in rules and URLs, "
                    + "RFC 3986 §6.2.2.2 equivalence; Google keeps them distinct, so it disallows what the rule allows");

    @Test
    void googleCases_scoreWithListedDeviations() throws Exception {
        JsonNode cases = Jackson.MAPPER.readTree(Shared.corpus().resolve("suites/robotstxt-cases.json").toFile());
        List<String> misses = new ArrayList<>();
        int n = 0;
        for (JsonNode c : cases) {
            n++;
            String url = c.get("url").asText();
            // Google's matcher reads an empty URL as the path "/"
            String target = url.isEmpty() ? "http://foo.bar/" : url;
            RobotsRules rules = RobotsRules.parse("http://foo.bar/robots.txt",
                    c.get("robotstxt").asText().getBytes(StandardCharsets.UTF_8), "text/plain", c.get("userAgent").asText());
            if (rules.allows(target) != c.get("allowed").asBoolean()) {
                misses.add(c.get("test").asText() + " " + url.replace("http://foo.bar", ""));
            }
        }
        System.out.printf("robots score: %d/%d Google cases; deviations: %s%n", n - misses.size(), n, misses);
        assertThat(n).isEqualTo(98);
        assertThat(misses).containsExactlyInAnyOrderElementsOf(DEVIATIONS.keySet());
    }

    /** crawler-commons' real robots files: every one parses, and a few facts about them hold. */
    @Test
    void crawlerCommonsFiles_parseWithoutCrash() throws Exception {
        Path dir = CrawlSuites.crawlerCommons().resolve("robots");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        for (Path f : files) {
            for (String agent : List.of("pagelens", "Googlebot", "bingbot", "*")) {
                RobotsRules r = RobotsRules.parse("https://www.example.com/robots.txt", Files.readAllBytes(f), "text/plain", agent);
                assertThat(r.source()).isEqualTo(RobotsRules.Source.PARSED);
                r.allows("https://www.example.com/");
                r.allows("https://www.example.com/some/path?q=1");
                r.crawlDelay();
            }
        }
    }

    @Test
    void crawlDelay_perAgentGroupOnly() throws Exception {
        byte[] robots = Files.readAllBytes(CrawlSuites.northwind().resolve("robots.txt"));
        RobotsRules slow = RobotsRules.parse("http://127.0.0.1:1/robots.txt", robots, "text/plain", "SlowBot");
        RobotsRules us = RobotsRules.parse("http://127.0.0.1:1/robots.txt", robots, "text/plain", "pagelens");
        assertThat(slow.crawlDelay()).hasValue(Duration.ofSeconds(1));
        assertThat(us.crawlDelay()).isEmpty();
        assertThat(us.allows("http://127.0.0.1:1/partners/program")).isTrue();
        assertThat(us.allows("http://127.0.0.1:1/partners/portal")).isFalse();
        assertThat(us.allows("http://127.0.0.1:1/docs/api/?print=1")).isFalse();
        assertThat(us.allows("http://127.0.0.1:1/admin/users")).isFalse();
        assertThat(us.allows("http://127.0.0.1:1/docs/api/")).isTrue();
    }

    @Test
    void crawlDelay_mergedGroupsOfOneAgent() throws Exception {
        byte[] robots = "User-agent: pagelens\nCrawl-delay: 3\nDisallow: /a\n\nUser-agent: *\nCrawl-delay: 9\n".getBytes(StandardCharsets.UTF_8);
        RobotsRules r = RobotsRules.parse("http://h.example/robots.txt", robots, "text/plain", "pagelens");
        assertThat(r.crawlDelay()).hasValue(Duration.ofSeconds(3));
        assertThat(r.allows("http://h.example/a/b")).isFalse();
        assertThat(RobotsRules.parse("http://h.example/robots.txt", robots, "text/plain", "other").crawlDelay()).hasValue(Duration.ofSeconds(9));
    }

    @Test
    void sitemaps_namedInRobots() {
        byte[] robots = "Sitemap: http://h.example/s1.xml\nSitemap: /relative.xml\nUser-agent: *\nDisallow:\n".getBytes(StandardCharsets.UTF_8);
        assertThat(RobotsRules.parse("http://h.example/robots.txt", robots, "text/plain", "pagelens").sitemaps())
                .contains("http://h.example/s1.xml", "http://h.example/relative.xml");
    }

    @Test
    void failed_4xxAllowsAll5xxAnd429DisallowAll() {
        assertThat(RobotsRules.failed(404, "x").allows("http://h.example/a")).isTrue();
        assertThat(RobotsRules.failed(404, "x").source()).isEqualTo(RobotsRules.Source.MISSING);
        assertThat(RobotsRules.failed(503, "x").allows("http://h.example/a")).isFalse();
        assertThat(RobotsRules.failed(429, "x").allows("http://h.example/a")).isFalse();
        assertThat(RobotsRules.failed(0, "x").source()).isEqualTo(RobotsRules.Source.UNREACHABLE);
    }
}
