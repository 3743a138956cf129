package io.pagelens.url;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every part has an error that names it and says what is wrong, exactly. */
class UrlErrorsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "ftp://example.com/         | SCHEME | scheme: 'ftp' is not supported; use http or https",
            "javascript:alert(1)        | SCHEME | scheme: 'javascript' is not supported; use http or https",
            "localhost:8080/x           | SCHEME | scheme: 'localhost' is not supported; use http or https (for a host and port, write 'http://localhost:8080/x')",
            "example.com/a              | SCHEME | scheme: is missing: 'example.com/a' is not an absolute http or https URL (did you mean 'https://example.com/a'?)",
            "/just/a/path               | SCHEME | scheme: is missing: '/just/a/path' is not an absolute http or https URL",
            "http://user:pass@/x        | HOST   | host: is missing after the credentials",
            "http://                    | HOST   | host: is missing",
            "http://:80/                | HOST   | host: is missing before the port",
            "http://exa mple.com/       | HOST   | host: 'exa mple.com' contains a forbidden character ' '",
            "http://a<b/                | HOST   | host: 'a<b' contains a forbidden character '<'",
            "http://a%00b/              | HOST   | host: 'a%00b' contains a forbidden character U+0000",
            "http://[::1/               | HOST   | host: '[::1' is missing the closing ']' of an IPv6 address",
            "http://[1::2::3]/          | HOST   | host: '[1::2::3]' is not a valid IPv6 address: '::' appears twice",
            "http://1.2.3.256/          | HOST   | host: '1.2.3.256' is not a valid IPv4 address: the last part is 256, over 255",
            "http://x:99999/            | PORT   | port: 99999 is out of range (0 to 65535)",
            "http://x:123456789012345/  | PORT   | port: 123456789012345 is out of range (0 to 65535)",
            "http://x:8o/               | PORT   | port: '8o' is not a number",
            "http://x:-80/              | PORT   | port: '-80' is not a number",
    })
    void error_namesThePart_andTheProblem(String input, UrlPart part, String message) {
        assertThatThrownBy(() -> WebUrl.parse(input))
                .isInstanceOfSatisfying(UrlException.class, e -> assertThat(e.part()).isEqualTo(part))
                .hasMessage(message);
    }

    @org.junit.jupiter.api.Test
    void errors_doNotRepeatCredentials_andCutLongInput() {
        assertThatThrownBy(() -> WebUrl.parse("http://user:s3cr3t@exa mple.com/"))
                .hasMessageNotContaining("s3cr3t").hasMessageContaining("exa mple.com");
        assertThatThrownBy(() -> WebUrl.parse("http://user:s3cr3t@x:99999/")).hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> WebUrl.parse("ftp://user:s3cr3t@x/")).hasMessageNotContaining("s3cr3t");
        String longHost = "a".repeat(500) + " b";
        assertThatThrownBy(() -> WebUrl.parse("http://" + longHost + "/")).satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
        assertThatThrownBy(() -> WebUrl.parse("")).hasMessage("scheme: is missing: the URL is empty");
        assertThatThrownBy(() -> WebUrl.parse(null)).hasMessage("url: is missing");
        assertThatThrownBy(() -> WebUrl.parse("http://x/" + "a".repeat(UrlParser.MAX_LENGTH)))
                .isInstanceOfSatisfying(UrlException.class, e -> assertThat(e.part()).isEqualTo(UrlPart.URL));
    }
}
