package io.pagelens.pipeline;

import io.pagelens.capture.InvalidRequestException;
import io.pagelens.jobs.JobPriority;
import io.pagelens.json.Jackson;
import io.pagelens.store.CaptureKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one order builder: what it makes, and that every refusal names the API field and never a secret. */
class CaptureOrderTest {
    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    static CaptureOrder.Builder from(String json) throws Exception {
        return CaptureOrder.from(Jackson.STRICT.forType(CaptureSpec.class).readValue(json));
    }

    @Test
    void apiOrder_isStoredInTheDefaultProject_withKeyOptionsAndJobFields() throws Exception {
        CaptureOrder o = from("{\"url\": \"https://Example.com:443/a\", \"maxAge\": 5000, \"priority\": \"crawl\"}")
                .deadline(NOW.plusSeconds(60)).owner("key_1").build(NOW);
        assertThat(o.key()).isEqualTo(new CaptureKey(CaptureKey.DEFAULT_PROJECT, CaptureKey.DEFAULT_PAGE_TYPE, "https://example.com/a",
                o.options().sha256(), ""));
        assertThat(o.maxAge()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.priority()).isEqualTo(JobPriority.CRAWL);
        assertThat(o.deadline()).isEqualTo(NOW.plusSeconds(60));
        assertThat(o.owner()).isEqualTo("key_1");
    }

    @Test
    void specWithUrl_keepsEveryOtherOption_andMakesTheSameKeyForTheSamePage() throws Exception {
        CaptureSpec spec = Jackson.STRICT.forType(CaptureSpec.class).readValue("""
                {"url": "https://example.com/a", "projectId": "crawl", "formats": ["screenshot", "links"], "fullPage": true,
                 "headers": {"X-Token": "t"}, "markdown": {"headingStyle": "setext"}}""");
        CaptureSpec other = spec.withUrl("https://example.com/b");
        assertThat(other.url()).isEqualTo("https://example.com/b");
        assertThat(other.withUrl("https://example.com/a")).isEqualTo(spec);
        CaptureOrder b = CaptureOrder.from(other).build(NOW);
        assertThat(b.key().url()).isEqualTo("https://example.com/b");
        assertThat(b.options()).isEqualTo(CaptureOrder.from(spec).build(NOW).options());
    }

    @Test
    void specDeadline_shortensTheEdgesDeadline_neverLengthensIt() throws Exception {
        assertThat(from("{\"url\": \"https://example.com/\", \"deadline\": 2000}").deadline(NOW.plusSeconds(60)).build(NOW).deadline())
                .isEqualTo(NOW.plusSeconds(2));
        assertThat(from("{\"url\": \"https://example.com/\", \"deadline\": 90000}").deadline(NOW.plusSeconds(60)).build(NOW).deadline())
                .isEqualTo(NOW.plusSeconds(60));
        assertThat(from("{\"url\": \"https://example.com/\", \"deadline\": 2000}").build(NOW).deadline()).isEqualTo(NOW.plusSeconds(2));
        assertThat(from("{\"url\": \"https://example.com/\"}").build(NOW).deadline()).isNull();
        assertRefused("{\"url\": \"https://example.com/\", \"deadline\": 0}", "deadline");
    }

    @Test
    void withProject_storesOnlyWithAProject_andRefusesStorageOptionsWithoutOne() throws Exception {
        CaptureOrder plain = from("{\"url\": \"https://example.com/\"}").storing(CaptureOrder.Storing.WITH_PROJECT).build(NOW);
        assertThat(plain.stores()).isFalse();
        assertThat(plain.options()).isNull();
        CaptureOrder stored = from("{\"url\": \"https://example.com/\", \"projectId\": \"demo\"}").storing(CaptureOrder.Storing.WITH_PROJECT).build(NOW);
        assertThat(stored.key().project()).isEqualTo("demo");
        for (String f : new String[]{"pageType", "variantId"}) {
            assertThatThrownBy(() -> from("{\"url\": \"https://example.com/\", \"" + f + "\": \"home\"}").storing(CaptureOrder.Storing.WITH_PROJECT).build(NOW))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo(f))
                    .hasMessageContaining("needs projectId");
        }
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"url\": \"https://user:s3cr3t-XYZ@example.com/\"}|url",
            "{\"url\": \"https://user:s3cr3t-XYZ@my_host.example/\"}|url",
            "{\"url\": \"https://example.com/\", \"headers\": {\"Authorization Bearer s3cr3t-XYZ\": \"x\"}}|headers",
            "{\"url\": \"https://example.com/\", \"headers\": {\"Authorization\": \"Bearer s3cr3t-XYZ\\r\\nX-Evil: 1\"}}|headers.Authorization",
            "{\"url\": \"https://example.com/\", \"cookies\": [{\"name\": \"sid\", \"value\": \"s3cr3t-XYZ; Path=/\"}]}|cookies[0].value",
            "{\"url\": \"https://example.com/\", \"cookies\": [{\"name\": \"s id\", \"value\": \"s3cr3t-XYZ\"}]}|cookies[0].name",
            "{\"url\": \"https://example.com/\", \"maxAge\": -1}|maxAge",
            "{\"url\": \"https://example.com/\", \"priority\": \"urgent\"}|priority",
            "{\"url\": \"https://example.com/\", \"projectId\": \"no spaces\"}|projectId",
    })
    void refusals_nameTheField_andNeverRepeatASecret(String json, String field) {
        assertRefused(json, field);
    }

    static void assertRefused(String json, String field) {
        assertThatThrownBy(() -> from(json).build(NOW))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageNotContaining("s3cr3t-XYZ");
    }
}
