package io.pagelens.url;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** WebUrl parsing and serialization, part by part, against what the URL Standard (and so Chromium) gives. */
class WebUrlTest {
    private static String href(String input) {
        return WebUrl.parse(input).href();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
            "https://bücher.de/ https://xn--bcher-kva.de/",
            "https://BÜCHER.de/ https://xn--bcher-kva.de/",
            "https://Bücher.DE/ https://xn--bcher-kva.de/",
            "http://faß.de/ http://xn--fa-hia.de/",            // nontransitional: ß stays, not "fass.de"
            "http://βόλος.com/ http://xn--nxasmm1c.com/",       // final sigma stays
            "http://ｅｘａｍｐｌｅ.com/ http://example.com/",       // fullwidth mapped
            "http://例え.テスト/ http://xn--r8jz45g.xn--zckzah/",
            "http://☕.us/ http://xn--53h.us/",                 // emoji: valid (NV8) in UTS #46, as browsers accept
            "http://xn--53h.us/ http://xn--53h.us/",
            "http://%62%C3%BCcher.de/ http://xn--bcher-kva.de/", // percent-decoded before IDNA
            "http://a.b.c.XN--pokxncvks/ http://a.b.c.xn--pokxncvks/", // ASCII passes through (whatwg/url#914)
    })
    void idnHosts_goToPunycode(String input, String expected) {
        assertThat(href(input)).isEqualTo(expected);
    }

    @Test
    void idn_disallowedOrInvalid_isRejectedNamingTheHost() {
        assertThatThrownBy(() -> WebUrl.parse("http://a\uFDD0zyx.com/"))
                .isInstanceOfSatisfying(UrlException.class, e -> assertThat(e.part()).isEqualTo(UrlPart.HOST))
                .hasMessageContaining("U+FDD0");
        assertThatThrownBy(() -> WebUrl.parse("http://a\u200Db.com/")).hasMessageStartingWith("host: ")
                .hasMessageContaining("joiner");
        assertThatThrownBy(() -> WebUrl.parse("http://\u05D0a.com/")).hasMessageContaining("right-to-left");
        assertThatThrownBy(() -> WebUrl.parse("https://\u00AD/")).hasMessageContaining("empty");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', quoteCharacter = '"', value = {
            "http://x/?q=a|b http://x/?q=a|b",                       // | is not in the query encode set
            "http://x/a|b http://x/a|b",
            "http://x/?q=\"<'>\" http://x/?q=%22%3C%27%3E%22",        // special-query set encodes '
            "http://x/a^b`{c} http://x/a%5Eb%60%7Bc%7D",
            "http://x/#a`b\"c<d>#e http://x/#a%60b%22c%3Cd%3E#e",
            "http://x/a%zz%2F http://x/a%zz%2F",                     // escapes are kept as written, bad ones too
    })
    void illegalCharacters_arePercentEncodedPerPart(String input, String expected) {
        assertThat(href(input)).isEqualTo(expected);
    }

    @Test
    void spaces_areEncodedInPathQueryFragment_andRejectedInHost() {
        assertThat(href("http://x/a b?c d#e f")).isEqualTo("http://x/a%20b?c%20d#e%20f");
        assertThat(href("  http://x/a  ")).as("leading and trailing spaces are trimmed").isEqualTo("http://x/a");
        assertThat(href("http://x/a\tb\nc\rd")).as("tabs and newlines are removed").isEqualTo("http://x/abcd");
        assertThatThrownBy(() -> WebUrl.parse("http://exa mple.com/"))
                .hasMessage("host: 'exa mple.com' contains a forbidden character ' '");
        assertThatThrownBy(() -> WebUrl.parse("http://exa%20mple.com/")).hasMessageContaining("forbidden character ' '");
    }

    @Test
    void underscoresInHosts_areAllowed_andTheHostIsKept() {
        WebUrl url = WebUrl.parse("http://My_Host.example:8080/x");
        assertThat(url.host()).isEqualTo(new Host.Domain("my_host.example"));
        assertThat(url.hostname()).isEqualTo("my_host.example");
        assertThat(url.port()).isEqualTo(8080);
        assertThat(url.href()).isEqualTo("http://my_host.example:8080/x");
        assertThat(WebUrl.from(url.toUri())).isEqualTo(url);
    }

    @Test
    void unicodePaths_areUtf8PercentEncoded() {
        assertThat(href("http://x/ünïcode/日本?ç=é#ß")).isEqualTo("http://x/%C3%BCn%C3%AFcode/%E6%97%A5%E6%9C%AC?%C3%A7=%C3%A9#%C3%9F");
        assertThat(href("http://x/\uD83D\uDE00")).as("a surrogate pair is one code point").isEqualTo("http://x/%F0%9F%98%80");
        assertThat(href("http://x/\uD800")).as("a lone surrogate becomes U+FFFD").isEqualTo("http://x/%EF%BF%BD");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
            "http://2130706433/ 127.0.0.1",
            "http://0x7f.1/ 127.0.0.1",
            "http://0177.0.0.1/ 127.0.0.1",
            "http://0x7F000001/ 127.0.0.1",
            "http://127.1/ 127.0.0.1",
            "http://127.0.1/ 127.0.0.1",
            "http://127.0.0.1./ 127.0.0.1",
            "http://0x7f.0.0.0x1/ 127.0.0.1",
            "http://017700000001/ 127.0.0.1",
            "http://0/ 0.0.0.0",
            "http://255.255.255.255/ 255.255.255.255",
            "http://%30x7f.1/ 127.0.0.1",
    })
    void ipv4NumberForms_becomeTheAddress(String input, String address) throws Exception {
        WebUrl url = WebUrl.parse(input);
        InetAddress expected = InetAddress.getByName(address); // a literal: no name service is asked
        assertThat(url.hostname()).isEqualTo(address);
        assertThat(url.host()).isInstanceOfSatisfying(Host.Ipv4.class, h -> assertThat(h.toInetAddress()).isEqualTo(expected));
    }

    @Test
    void ipv4_endsInANumberRule_decidesBetweenAddressAndName() {
        assertThat(WebUrl.parse("http://1.2.3.4.example/").host()).isInstanceOf(Host.Domain.class);
        assertThat(WebUrl.parse("http://0xg/").host()).as("not a hex number, so a name").isEqualTo(new Host.Domain("0xg"));
        assertThat(WebUrl.parse("http://0x/").hostname()).as("0x is the number 0").isEqualTo("0.0.0.0");
        assertThatThrownBy(() -> WebUrl.parse("http://foo.0x/")).as("ends in a number, so the whole name must be IPv4")
                .hasMessageContaining("'foo' is not a decimal, octal or hex number");
        assertThatThrownBy(() -> WebUrl.parse("http://foo.09/")).as("ends in digits, but 09 is not octal")
                .hasMessageContaining("is not a valid IPv4 address");
        assertThatThrownBy(() -> WebUrl.parse("http://1.2.3.4.5/")).hasMessageContaining("more than four parts");
        assertThatThrownBy(() -> WebUrl.parse("http://4294967296/")).hasMessageContaining("over 4294967295");
        assertThatThrownBy(() -> WebUrl.parse("http://127.0.0.257/")).hasMessageContaining("over 255");
        assertThatThrownBy(() -> WebUrl.parse("http://256.0.0.1/")).hasMessageContaining("part 1 is 256, over 255");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
            "http://[::1]/ [::1]",
            "http://[0:0:0:0:0:0:0:1]/ [::1]",
            "http://[2001:DB8::]/ [2001:db8::]",
            "http://[1:0:0:2::3:0]/ [1::2:0:0:3:0]",             // the first longest zero run is compressed
            "http://[::ffff:127.0.0.1]/ [::ffff:7f00:1]",        // embedded IPv4
            "http://[::127.0.0.1]/ [::7f00:1]",
            "http://[1:2:3:4:5:6:7:8]/ [1:2:3:4:5:6:7:8]",
            "http://[::]/ [::]",
            "http://[1::]/ [1::]",
            "http://[1:0::0:1]:8080/ [1::1]",
    })
    void ipv6Forms_areSerializedCompressed(String input, String host) {
        assertThat(WebUrl.parse(input).hostname()).isEqualTo(host);
        assertThat(WebUrl.parse(input).host()).isInstanceOf(Host.Ipv6.class);
    }

    @Test
    void ipv6_piecesAndAddress() throws Exception {
        Host.Ipv6 h = (Host.Ipv6) WebUrl.parse("http://[2001:db8::ff00:42:8329]/").host();
        assertThat(h.piece(0)).isEqualTo(0x2001);
        assertThat(h.piece(7)).isEqualTo(0x8329);
        assertThat(h.toInetAddress()).isEqualTo(InetAddress.getByName("2001:db8::ff00:42:8329"));
        assertThat(((Host.Ipv6) WebUrl.parse("http://[::ffff:127.0.0.2]/").host()).toInetAddress())
                .as("IPv4-mapped: the JDK gives the IPv4 address a socket would use").isEqualTo(InetAddress.getByName("127.0.0.2"));
        for (String bad : new String[]{"http://[::1", "http://[1:2:3:4:5:6:7:8:9]/", "http://[1::2::3]/", "http://[:1]/",
                "http://[1:]/", "http://[::1.2.3]/", "http://[::1.2.3.256]/", "http://[::01.2.3.4]/", "http://[g::]/", "http://[]/"}) {
            assertThatThrownBy(() -> WebUrl.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(UrlException.class, e -> assertThat(e.part()).isEqualTo(UrlPart.HOST));
        }
    }

    @Test
    void defaultPorts_areDropped_othersKept() {
        assertThat(WebUrl.parse("http://x:80/").href()).isEqualTo("http://x/");
        assertThat(WebUrl.parse("https://x:443/").port()).isEqualTo(-1);
        assertThat(WebUrl.parse("https://x:443/").effectivePort()).isEqualTo(443);
        assertThat(WebUrl.parse("http://x:443/").href()).isEqualTo("http://x:443/");
        assertThat(WebUrl.parse("https://x:80/").port()).isEqualTo(80);
        assertThat(WebUrl.parse("http://x:0080/").href()).as("leading zeros").isEqualTo("http://x/");
        assertThat(WebUrl.parse("http://x:/").href()).as("empty port").isEqualTo("http://x/");
        assertThat(WebUrl.parse("http://x:65535").href()).isEqualTo("http://x:65535/");
        assertThat(WebUrl.parse("http://x:0/").port()).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
            "http://x/a/./b/../c http://x/a/c",
            "http://x/a/%2e/b/%2E%2e/c http://x/a/c",
            "http://x/a/.%2e/b http://x/b",
            "http://x/../../a http://x/a",
            "http://x/a/.. http://x/",
            "http://x/a/. http://x/a/",
            "http://x/a/..b/.c http://x/a/..b/.c",
            "http://x\\a\\..\\b http://x/b",                     // backslashes are slashes for http(s)
            "http:\\\\x\\y http://x/y",
            "http:////x/y http://x/y",                           // extra slashes before the host are skipped
            "http://x/a?b/../c http://x/a?b/../c",               // not in the query
    })
    void dotSegments_andBackslashes(String input, String expected) {
        assertThat(href(input)).isEqualTo(expected);
    }

    @Test
    void credentials_areEncoded_andEmptyOnesDropped() {
        WebUrl url = WebUrl.parse("http://us er:p@ss:w@x/");
        assertThat(url.username()).isEqualTo("us%20er");
        assertThat(url.password()).isEqualTo("p%40ss%3Aw");
        assertThat(url.hasCredentials()).isTrue();
        assertThat(url.href()).isEqualTo("http://us%20er:p%40ss%3Aw@x/");
        assertThat(WebUrl.parse("http://:@x/").hasCredentials()).isFalse();
        assertThat(WebUrl.parse("http://u:@x/").href()).isEqualTo("http://u@x/");
        assertThat(WebUrl.parse("http://:p@x/").href()).isEqualTo("http://:p@x/");
        assertThat(WebUrl.parse("http://u@x/").password()).isEmpty();
        assertThat(WebUrl.parse("http://x:8080/").username()).isEmpty();
    }

    @Test
    void relativeReferences_resolveAgainstTheBase() {
        WebUrl base = WebUrl.parse("https://u:p@x.com:8443/a/b/c?q#f");
        assertThat(base.resolve("d").href()).isEqualTo("https://u:p@x.com:8443/a/b/d");
        assertThat(base.resolve("../d?e").href()).isEqualTo("https://u:p@x.com:8443/a/d?e");
        assertThat(base.resolve("/d").href()).isEqualTo("https://u:p@x.com:8443/d");
        assertThat(base.resolve("//y.com/z").href()).isEqualTo("https://y.com/z");
        assertThat(base.resolve("?z").href()).isEqualTo("https://u:p@x.com:8443/a/b/c?z");
        assertThat(base.resolve("#g").href()).isEqualTo("https://u:p@x.com:8443/a/b/c?q#g");
        assertThat(base.resolve("").href()).isEqualTo("https://u:p@x.com:8443/a/b/c?q");
        assertThat(base.resolve("https:d").href()).as("same scheme, no slashes: relative").isEqualTo("https://u:p@x.com:8443/a/b/d");
        assertThat(base.resolve("http:d").href()).as("other scheme: absolute").isEqualTo("http://d/");
        assertThat(WebUrl.parse("http://x/?").resolve("#f").href()).as("an empty query is kept").isEqualTo("http://x/?#f");
        assertThatThrownBy(() -> base.resolve("mailto:a@b")).hasMessage("scheme: 'mailto' is not supported; use http or https");
    }

    @Test
    void components_readAsTheDomReadsThem() {
        WebUrl url = WebUrl.parse("HTTPS://X.com:8443/p/q?a=1&b#frag");
        assertThat(url.scheme()).isEqualTo("https");
        assertThat(url.isHttps()).isTrue();
        assertThat(url.path()).isEqualTo("/p/q");
        assertThat(url.query()).isEqualTo("a=1&b");
        assertThat(url.search()).isEqualTo("?a=1&b");
        assertThat(url.fragment()).isEqualTo("frag");
        assertThat(url.hash()).isEqualTo("#frag");
        assertThat(url.pathAndQuery()).isEqualTo("/p/q?a=1&b");
        assertThat(url.origin()).isEqualTo("https://x.com:8443");
        assertThat(url.withoutFragment().href()).isEqualTo("https://x.com:8443/p/q?a=1&b");
        WebUrl bare = WebUrl.parse("http://x?#");
        assertThat(bare.hasQuery()).isTrue();
        assertThat(bare.search()).isEmpty();
        assertThat(bare.hasFragment()).isTrue();
        assertThat(bare.href()).isEqualTo("http://x/?#");
        assertThat(WebUrl.parse("http://x").path()).isEqualTo("/");
    }

    @Test
    void toUri_encodesWhatJavaNetUriRefuses_andRoundTrips() {
        WebUrl url = WebUrl.parse("http://x/a|b[c]^?q=a|b{c}\\d#f|#g");
        assertThat(url.toUri().toString()).isEqualTo("http://x/a%7Cb%5Bc%5D%5E?q=a%7Cb%7Bc%7D%5Cd#f%7C%23g");
        assertThat(url.toUri().getRawQuery()).isEqualTo("q=a%7Cb%7Bc%7D%5Cd");
        assertThat(WebUrl.parse("http://x/%zz").toUri().getRawPath()).as("a lone % is escaped").isEqualTo("/%25zz");
        assertThat(WebUrl.parse("https://bücher.de/").toUri().getHost()).isEqualTo("xn--bcher-kva.de");
        assertThat(WebUrl.parse("http://[::1]:81/").toUri().getPort()).isEqualTo(81);
        assertThat(WebUrl.parse("http://a{b}.c/").toUri().getRawAuthority()).isEqualTo("a%7Bb%7D.c");
        assertThat(WebUrl.from(WebUrl.parse("http://a{b}.c/").toUri()).hostname()).isEqualTo("a{b}.c");
    }

    @Test
    void equality_isOnTheHref() {
        assertThat(WebUrl.parse("HTTP://X:80/a/../b")).isEqualTo(WebUrl.parse("http://x/b"))
                .hasSameHashCodeAs(WebUrl.parse("http://x/b")).hasToString("http://x/b");
    }
}
