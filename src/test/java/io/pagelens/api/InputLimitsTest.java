package io.pagelens.api;

import io.pagelens.config.ConfigException;
import io.pagelens.config.Env;
import io.pagelens.json.Jackson;
import io.pagelens.pipeline.CaptureSpec;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each limit at its value passes and one past it is refused with 400 naming the field and the setting. */
class InputLimitsTest {
    final InputLimits limits = InputLimits.fromEnv(new Env(Map.of("PAGELENS_MAX_URL_LENGTH", "300", "PAGELENS_MAX_HEADERS", "2",
            "PAGELENS_MAX_HEADER_BYTES", "100", "PAGELENS_MAX_COOKIES", "1", "PAGELENS_MAX_SELECTOR_LENGTH", "20",
            "PAGELENS_MAX_MUTATIONS", "3")));

    static CaptureSpec spec(String json) throws Exception {
        return Jackson.STRICT.forType(CaptureSpec.class).readValue(json);
    }

    void refused(String json, String field, String setting) throws Exception {
        CaptureSpec s = spec(json);
        assertThatThrownBy(() -> limits.check(s)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("limit_exceeded");
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(setting);
        });
    }

    @Test
    void eachLimit_atItsValuePasses_onePastIsRefusedNamingFieldAndSetting() throws Exception {
        String url = "http://127.0.0.1/" + "a".repeat(300 - 17);
        assertThatCode(() -> limits.check(spec("{\"url\":\"" + url + "\",\"selector\":\"" + "b".repeat(20) + "\","
                + "\"headers\":{\"A\":\"1\",\"B\":\"" + "c".repeat(99) + "\"},\"cookies\":[{\"name\":\"n\",\"value\":\"v\"}]}"))).doesNotThrowAnyException();
        refused("{\"url\":\"" + url + "x\"}", "url", "PAGELENS_MAX_URL_LENGTH");
        refused("{\"url\":\"http://127.0.0.1/\",\"webhook\":\"" + url + "x\"}", "webhook", "PAGELENS_MAX_URL_LENGTH");
        refused("{\"url\":\"http://127.0.0.1/\",\"blockUrls\":[\"" + url + "x\"]}", "blockUrls", "PAGELENS_MAX_URL_LENGTH");
        refused("{\"url\":\"http://127.0.0.1/\",\"selector\":\"" + "b".repeat(21) + "\"}", "selector", "PAGELENS_MAX_SELECTOR_LENGTH");
        refused("{\"url\":\"http://127.0.0.1/\",\"waitFor\":\"" + "b".repeat(21) + "\"}", "waitFor", "PAGELENS_MAX_SELECTOR_LENGTH");
        refused("{\"url\":\"http://127.0.0.1/\",\"includeTags\":[\"" + "b".repeat(21) + "\"]}", "includeTags", "PAGELENS_MAX_SELECTOR_LENGTH");
        refused("{\"url\":\"http://127.0.0.1/\",\"headers\":{\"A\":\"1\",\"B\":\"2\",\"C\":\"3\"}}", "headers", "PAGELENS_MAX_HEADERS");
        refused("{\"url\":\"http://127.0.0.1/\",\"headers\":{\"B\":\"" + "c".repeat(100) + "\"}}", "headers.B", "PAGELENS_MAX_HEADER_BYTES");
        refused("{\"url\":\"http://127.0.0.1/\",\"cookies\":[{\"name\":\"a\",\"value\":\"1\"},{\"name\":\"b\",\"value\":\"2\"}]}", "cookies", "PAGELENS_MAX_COOKIES");
        refused("{\"url\":\"http://127.0.0.1/\",\"cookies\":[{\"name\":\"a\",\"value\":\"" + "v".repeat(100) + "\"}]}", "cookies[0]", "PAGELENS_MAX_HEADER_BYTES");
        assertThatCode(() -> limits.mutations("mutations", 3)).doesNotThrowAnyException();
        assertThatThrownBy(() -> limits.mutations("mutations", 4)).hasMessageContaining("PAGELENS_MAX_MUTATIONS (3)");
        assertThatThrownBy(() -> limits.requestTarget("/v1/" + "x".repeat(300))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(414));
    }

    @Test
    void aHeaderOverItsLimit_isNamed_butItsValueNeverAppears() throws Exception {
        CaptureSpec s = spec("{\"url\":\"http://127.0.0.1/\",\"headers\":{\"Authorization\":\"Bearer " + "s3cr3t".repeat(20) + "\"}}");
        assertThatThrownBy(() -> limits.check(s)).hasMessageContaining("headers.Authorization").hasMessageNotContaining("s3cr3t");
    }

    @Test
    void aBadSetting_stopsStartupNamingTheVariable() {
        assertThatThrownBy(() -> InputLimits.fromEnv(new Env(Map.of("PAGELENS_MAX_COOKIES", "-1"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PAGELENS_MAX_COOKIES");
        assertThat(InputLimits.fromEnv(new Env(Map.of()))).isEqualTo(InputLimits.DEFAULTS);
    }
}
