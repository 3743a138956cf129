package io.pagelens.url;

import io.pagelens.testing.Shared;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Why the parser takes ICU4J (UTS #46, nontransitional) and not java.net.IDN (IDNA2003): on the WPT data and on
 * hosts where the two standards part, java.net.IDN reaches a different host than the browser would.
 */
class IdnaChoiceTest {
    private static final UrlParser ICU = new UrlParser(Uts46DomainToAscii.INSTANCE);

    @Test
    void wpt_icuPassesAll_jdkMissesFassExample() throws Exception {
        Path data = Shared.corpus().resolve(WptUrlSuite.DATA);
        WptUrlSuite.Score icu = WptUrlSuite.run(data, ICU);
        WptUrlSuite.Score jdk = WptUrlSuite.run(data, Idna2003DomainToAscii.PARSER);
        System.out.printf("WPT http(s) cases %d: ICU4J UTS46 %d, java.net.IDN %d%n", icu.cases(), icu.allPassed(), jdk.allPassed());
        assertThat(icu.allPassed()).isEqualTo(icu.cases());
        assertThat(jdk.allPassed()).isEqualTo(jdk.cases() - 1);
        assertThat(jdk.misses()).singleElement().satisfies(m -> assertThat(m.actual()).isEqualTo("https://fass.example/"));
    }

    /** Where UTS #46 nontransitional (the URL Standard, Chromium) and IDNA2003 part; the ICU column is the browser's. */
    @ParameterizedTest(name = "{0}: uts46 {1}, idna2003 {2}")
    @CsvSource(delimiter = ' ', value = {
            "faß.de xn--fa-hia.de fass.de",
            "βόλος.gr xn--nxasmm1c.gr xn--nxasmq6b.gr",
            "a\u200Cb.de failure ab.de",                                 // ZWNJ: kept and refused by CheckJoiners vs deleted
            "\u0DC1\u0DCA\u200D\u0DBB\u0DD3.lk xn--10cl1a0b660p.lk xn--10cl1a0b.lk", // ZWJ after a virama is valid in UTS #46
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaé.de xn--aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-4yf.de failure", // over 63 letters: allowed (VerifyDnsLength off)
    })
    void hostsWhereTheStandardsPart(String host, String uts46, String idna2003) {
        assertThat(toAscii(ICU, host)).isEqualTo(uts46);
        assertThat(toAscii(Idna2003DomainToAscii.PARSER, host)).isEqualTo(idna2003);
    }

    @Test
    void both_agreeOnCommonHosts() {
        for (String host : new String[]{"bücher.de", "BÜCHER.DE", "例え.テスト", "☕.us", "ｅｘａｍｐｌｅ.com"}) {
            assertThat(toAscii(ICU, host)).as(host).isEqualTo(toAscii(Idna2003DomainToAscii.PARSER, host));
        }
        assertThatThrownBy(() -> ICU.parse("http://\uFDD0.com/", null)).isInstanceOf(UrlException.class);
    }

    private static String toAscii(UrlParser parser, String host) {
        try {
            return parser.parse("http://" + host + "/", null).hostname();
        } catch (UrlException e) {
            return "failure";
        }
    }
}
