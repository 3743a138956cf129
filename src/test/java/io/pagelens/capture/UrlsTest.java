package io.pagelens.capture;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The intake every entry point uses: the three URLs of issue 10, and the field named in each error. */
class UrlsTest {
    @Test
    void idnHost_becomesPunycode() {
        URI uri = Urls.parseHttpUrl("https://bücher.de/");
        assertThat(uri).hasToString("https://xn--bcher-kva.de/");
        assertThat(uri.getHost()).isEqualTo("xn--bcher-kva.de");
    }

    @Test
    void pipeInQuery_isPercentEncodedForTheUri() {
        URI uri = Urls.parseHttpUrl("https://example.com/search?q=a|b");
        assertThat(uri).hasToString("https://example.com/search?q=a%7Cb");
        assertThat(uri.getQuery()).as("decoded as a server reads it").isEqualTo("q=a|b");
    }

    @Test
    void underscoreHost_isKept_andReadable() {
        URI uri = Urls.parseHttpUrl("http://my_host.example:8080/x");
        assertThat(uri).hasToString("http://my_host.example:8080/x");
        assertThat(Urls.host(uri)).isEqualTo("my_host.example");
        assertThat(Urls.host(Urls.parseHttpUrl("http://127.1/"))).isEqualTo("127.0.0.1");
    }

    @Test
    void badUrl_namesTheFieldAndThePart() {
        assertThatThrownBy(() -> Urls.parseHttpUrl("http://exa mple.com/"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("url"))
                .hasMessage("url: host: 'exa mple.com' contains a forbidden character ' '");
        assertThatThrownBy(() -> Urls.parseHttpUrl("http://x:99999/")).hasMessage("url: port: 99999 is out of range (0 to 65535)");
        assertThatThrownBy(() -> Urls.parseHttpUrl("ftp://x/")).hasMessage("url: scheme: 'ftp' is not supported; use http or https");
        assertThatThrownBy(() -> Urls.parseHttpUrl("  ")).hasMessage("url: is required");
        assertThatThrownBy(() -> Urls.parseWebUrl(null, "webhook")).hasMessage("webhook: is required");
    }

    @Test
    void captureRequest_carriesTheSerializedUrl() {
        CaptureRequest r = CaptureRequest.builder(" HTTP://Bücher.DE:80/a/../b c?q=a|b#top ").build();
        assertThat(r.url()).hasToString("http://xn--bcher-kva.de/b%20c?q=a%7Cb#top");
    }

    @Test
    void browserHref_withCharactersUriRefuses_isRead() {
        URI fallback = URI.create("http://x/");
        assertThat(Urls.fromBrowser("http://x/a?q={a|b}", fallback)).hasToString("http://x/a?q=%7Ba%7Cb%7D");
        assertThat(Urls.fromBrowser("about:blank", fallback)).hasToString("about:blank");
        assertThat(Urls.fromBrowser("data:text/html,a b", fallback)).isSameAs(fallback);
        assertThat(Urls.fromBrowser("", fallback)).isSameAs(fallback);
    }
}
