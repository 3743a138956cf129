package io.pagelens.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.json.Jackson;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrawlOptionsTest {
    private static final CrawlSettings S = CrawlSettings.DEFAULTS;

    private static JsonNode json(String s) throws Exception {
        return Jackson.MAPPER.readTree(s);
    }

    private static CrawlOptions parse(String s) throws Exception {
        return CrawlOptions.parse(json(s), S);
    }

    private static void assertField(String body, String field) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo(field));
    }

    @Test
    void parse_emptyGivesFirecrawlDefaults() throws Exception {
        CrawlOptions o = parse("{}");
        assertThat(o.limit()).isEqualTo(100);
        assertThat(o.maxDepth()).isEqualTo(10);
        assertThat(o.includePaths()).isEmpty();
        assertThat(o.allowSubdomains()).isFalse();
        assertThat(o.allowExternalLinks()).isFalse();
        assertThat(o.ignoreQueryParameters()).isFalse();
        assertThat(o.sitemap()).isEqualTo(SitemapMode.INCLUDE);
        assertThat(o.respectRobots()).isTrue();
        assertThat(o.robotsUserAgent()).isEqualTo("pagelens");
        assertThat(o.delay()).isEqualTo(Duration.ZERO);
        assertThat(o.maxConcurrency()).isEqualTo(2);
        assertThat(o.maxDuration()).isEqualTo(Duration.ofHours(1));
        assertThat(o.webhook()).isNull();
        assertThat(o.traps().maxQueryVariants()).isEqualTo(10);
        assertThat(o.capture()).isNull();
    }

    @Test
    void parse_everyOptionRoundTripsThroughStoredForm() throws Exception {
        CrawlOptions o = parse("""
                {"limit": 25, "maxDepth": 3, "includePaths": ["^/blog/"], "excludePaths": ["/tag/", "\\\\.pdf$"],
                 "allowSubdomains": true, "allowExternalLinks": false, "ignoreQueryParameters": true, "sitemap": "only",
                 "respectRobots": false, "robotsUserAgent": "SlowBot", "delay": 1.5, "maxConcurrency": 4, "maxDuration": 600,
                 "webhook": {"url": "https://hooks.example/crawl", "events": ["page", "completed"], "metadata": {"run": 7}},
                 "traps": {"maxQueryVariants": 3, "budgets": [{"pathPattern": "^/events/", "max": 5}]},
                 "capture": {"fullPage": true, "formats": ["screenshot", "html"]}}""");
        assertThat(o.delay()).isEqualTo(Duration.ofMillis(1500));
        assertThat(o.sitemap()).isEqualTo(SitemapMode.ONLY);
        assertThat(o.webhook().events()).containsExactlyInAnyOrder(CrawlEvent.PAGE, CrawlEvent.COMPLETED);
        assertThat(o.traps().budgets()).singleElement().extracting(TrapOptions.Budget::max).isEqualTo(5);
        CrawlOptions back = CrawlOptions.fromStored(json(o.toJson().toString()));
        assertThat(back).isEqualTo(o);
    }

    @Test
    void parse_webhookAsPlainUrlWantsEveryEvent() throws Exception {
        CrawlOptions o = parse("{\"webhook\": \"https://hooks.example/x\"}");
        assertThat(o.webhook().events()).containsExactlyInAnyOrder(CrawlEvent.values());
    }

    @Test
    void parse_errorsNameTheField() {
        assertField("{\"includePaths\": [\"^/ok/\", \"(unclosed\"]}", "includePaths[1]");
        assertField("{\"excludePaths\": [\"[a-\"]}", "excludePaths[0]");
        assertField("{\"limit\": 0}", "limit");
        assertField("{\"limit\": 10000001}", "limit");
        assertField("{\"limit\": \"ten\"}", "limit");
        assertField("{\"maxDepth\": -1}", "maxDepth");
        assertField("{\"sitemap\": \"always\"}", "sitemap");
        assertField("{\"robotsUserAgent\": \"Foo Bar/1.0\"}", "robotsUserAgent");
        assertField("{\"delay\": -1}", "delay");
        assertField("{\"delay\": \"1s\"}", "delay");
        assertField("{\"maxConcurrency\": 0}", "maxConcurrency");
        assertField("{\"maxDuration\": 0}", "maxDuration");
        assertField("{\"maxDuration\": 999999}", "maxDuration");
        assertField("{\"respectRobots\": \"yes\"}", "respectRobots");
        assertField("{\"webhook\": \"ftp://x.example/\"}", "webhook");
        assertField("{\"webhook\": {\"url\": \"https://u:p@x.example/\"}}", "webhook.url");
        assertField("{\"webhook\": {\"url\": \"https://x.example/\", \"headers\": {\"Authorization\": \"t\"}}}", "webhook.headers");
        assertField("{\"webhook\": {\"url\": \"https://x.example/\", \"events\": [\"done\"]}}", "webhook.events[0]");
        assertField("{\"traps\": {\"maxQueryVariants\": 0}}", "traps.maxQueryVariants");
        assertField("{\"traps\": {\"budgets\": [{\"pathPattern\": \"(\", \"max\": 1}]}}", "traps.budgets[0].pathPattern");
        assertField("{\"capture\": [1]}", "capture");
        assertField("{\"maxPages\": 5}", "maxPages");
    }
}
