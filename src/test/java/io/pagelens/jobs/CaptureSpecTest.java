package io.pagelens.jobs;

import io.pagelens.capture.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaptureSpecTest {
    private static CaptureSpec withWebhook(String webhook) throws Exception {
        return Json.MAPPER.readValue(Json.MAPPER.createObjectNode().put("url", "https://example.com/")
                .put("webhook", webhook).toString(), CaptureSpec.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://hooks.example.net/in", "file:///etc/passwd", "javascript:alert(1)", "/relative/hook", "http://",
            "https://user:secret@hooks.example.net/in", "https://token@hooks.example.net/in", "http://:@hooks.example.net/"})
    void webhook_thatIsNotPlainHttp_isRefusedNamingTheField(String url) throws Exception {
        CaptureSpec spec = withWebhook(url);
        assertThatThrownBy(spec::validateJobOptions)
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("webhook"))
                .hasMessageStartingWith("webhook: ");
    }

    @Test
    void webhook_withCredentials_saysWhy() throws Exception {
        assertThatThrownBy(withWebhook("https://user:secret@hooks.example.net/in")::validateJobOptions)
                .hasMessageContaining("credentials");
    }

    @Test
    void webhook_httpOrHttps_isAccepted_andTrimmed() throws Exception {
        withWebhook("http://127.0.0.1:9000/hook").validateJobOptions();
        CaptureSpec spec = withWebhook("  https://hooks.example.net/in?x=1  ");
        spec.validateJobOptions();
        assertThat(spec.webhookUri()).hasToString("https://hooks.example.net/in?x=1");
    }
}
