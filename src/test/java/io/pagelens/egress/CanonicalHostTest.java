package io.pagelens.egress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalHostTest {
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"127.0.0.2; 127.0.0.2", "Example.COM; example.com", "example.com.; example.com",
            "[::1]; [::1]", "[::FFFF:127.0.0.2]; [::ffff:7f00:2]", "xn--bcher-kva.de; xn--bcher-kva.de", "a_b.example; a_b.example",
            "localhost; localhost", "[fe80::1%25eth0]; [fe80::1%eth0]", "1.example; 1.example", "0x.example; 0x.example"})
    void canonicalHosts_parse(String raw, String text) {
        assertThat(CanonicalHost.parse(raw).text()).isEqualTo(text);
    }

    /** Spellings Chromium would have turned into 127.0.0.2: met at the proxy, they mean canonicalization was skipped. */
    @ParameterizedTest
    @ValueSource(strings = {"2130706434", "0x7f000002", "0X7F000002", "0177.0.0.2", "127.2", "127.0.2", "0x7f.0.0.2",
            "127.0.0.02", "foo.0x10", "foo.123", "1.2.3.4.5", "127.0.0.256", "0x", "ex..ample", ".example", "exa mple",
            "exa%41mple", "b\u00fccher.de", "::1", "[::1", "[zz::1]", "[fe80::1%]", "", "a:b"})
    void nonCanonicalHosts_areRefusedWithAReason(String raw) {
        assertThatThrownBy(() -> CanonicalHost.parse(raw)).as(raw).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("\n");
    }

    @Test
    void numberForms_sayWhatIsWrong() {
        assertThatThrownBy(() -> CanonicalHost.parse("2130706434")).hasMessageContaining("non-canonical IPv4 spelling");
        assertThatThrownBy(() -> CanonicalHost.parse("0x7f000002")).hasMessageContaining("non-canonical IPv4 spelling");
    }

    @Test
    void controlCharacters_areNotEchoedIntoMessages() {
        assertThatThrownBy(() -> CanonicalHost.parse("evil\r\nX-Injected: 1")).hasMessageNotContaining("\r").hasMessageNotContaining("\n");
    }

    @Test
    void longNames_areRefused() {
        String label = "a".repeat(64);
        assertThatThrownBy(() -> CanonicalHost.parse(label + ".example")).isInstanceOf(IllegalArgumentException.class);
        String name = ("a".repeat(60) + ".").repeat(5) + "example";
        assertThatThrownBy(() -> CanonicalHost.parse(name)).hasMessageContaining("longer than 253");
    }
}
