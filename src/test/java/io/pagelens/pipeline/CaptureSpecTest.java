package io.pagelens.pipeline;

import io.pagelens.capture.InvalidRequestException;
import io.pagelens.json.Jackson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaptureSpecTest {
    private static CaptureSpec withWebhook(String webhook) throws Exception {
        return Jackson.STRICT.forType(CaptureSpec.class).readValue(Jackson.MAPPER.createObjectNode().put("url", "https://example.com/")
                .put("webhook", webhook).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://hooks.example.net/in", "file:///etc/passwd", "javascript:alert(1)", "/relative/hook", "http://",
            "https://user:secret@hooks.example.net/in", "https://token@hooks.example.net/in", "http://user:secret@hook_host.example/in",
            "http://hooks.example.net:99999/", "http://hooks example.net/"})
    void webhook_thatIsNotPlainHttp_isRefusedNamingTheField(String url) throws Exception {
        CaptureSpec spec = withWebhook(url);
        assertThatThrownBy(() -> CaptureOrder.from(spec).build())
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("webhook"))
                .hasMessageStartingWith("webhook: ");
    }

    @Test
    void webhook_withCredentials_saysWhy() throws Exception {
        assertThatThrownBy(() -> CaptureOrder.from(withWebhook("https://user:secret@hooks.example.net/in")).build())
                .hasMessageContaining("credentials");
    }

    @Test
    void webhook_withEmptyCredentials_isAccepted_asTheyAreDropped() throws Exception {
        CaptureSpec spec = withWebhook("http://:@hooks.example.net/");
        assertThat(CaptureOrder.from(spec).build().webhook()).hasToString("http://hooks.example.net/");
    }

    @Test
    void webhook_idnAndUnderscoreHosts_areAccepted() throws Exception {
        assertThat(withWebhook("https://bücher.de/hook").webhookUri()).hasToString("https://xn--bcher-kva.de/hook");
        assertThat(withWebhook("https://hook_host.example/in?a=b|c").webhookUri()).hasToString("https://hook_host.example/in?a=b%7Cc");
    }

    @Test
    void webhook_httpOrHttps_isAccepted_andTrimmed() throws Exception {
        CaptureOrder.from(withWebhook("http://127.0.0.1:9000/hook")).build();
        CaptureSpec spec = withWebhook("  https://hooks.example.net/in?x=1  ");
        assertThat(CaptureOrder.from(spec).build().webhook()).hasToString("https://hooks.example.net/in?x=1");
    }

    @Test
    void markdownOptions_byTurndownName_reachTheRequest() throws Exception {
        CaptureSpec spec = Jackson.STRICT.forType(CaptureSpec.class).readValue("""
                {"url": "https://example.com/", "formats": ["markdown"],
                 "markdown": {"headingStyle": "setext", "bulletListMarker": "*"}}""");
        var md = spec.toRequest().content().markdown();
        assertThat(md.headingStyle()).isEqualTo("setext");
        assertThat(md.bulletListMarker()).isEqualTo("*");
        assertThat(md.fence()).isEqualTo("```");
    }

    @Test
    void markdownOption_unknownOrInvalid_namesTheOption() throws Exception {
        CaptureSpec unknown = Jackson.STRICT.forType(CaptureSpec.class).readValue("""
                {"url": "https://example.com/", "markdown": {"headingstyle": "setext"}}""");
        assertThatThrownBy(unknown::toRequest)
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("markdown.headingstyle"));
        CaptureSpec invalid = Jackson.STRICT.forType(CaptureSpec.class).readValue("""
                {"url": "https://example.com/", "markdown": {"bulletListMarker": "#"}}""");
        assertThatThrownBy(invalid::toRequest)
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("markdown.bulletListMarker"));
    }
}
