package io.pagelens.egress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IpTextTest {
    @ParameterizedTest
    @CsvSource({"0.0.0.0", "127.0.0.2", "255.255.255.255", "10.20.30.40"})
    void v4_roundTrips(String ip) {
        assertThat(IpText.format(IpText.parseV4(ip).orElseThrow())).isEqualTo(ip);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2130706434", "0x7f000002", "0177.0.0.2", "127.2", "127.0.2", "127.0.0.02", "127.0.0.256",
            "127.0.0.1.", "127..0.1", "1.2.3.4.5", "", "a.b.c.d", "127.0.0.-1", "+1.2.3.4", "1.2.3.4 "})
    void v4_refusesEveryNonCanonicalSpelling(String s) {
        assertThat(IpText.parseV4(s)).as(s).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"::; ::", "::1; ::1", "0:0:0:0:0:0:0:1; ::1", "::ffff:127.0.0.2; ::ffff:7f00:2",
            "0:0:0:0:0:ffff:7f00:2; ::ffff:7f00:2", "2001:DB8::1; 2001:db8::1", "2001:db8:0:0:1:0:0:1; 2001:db8::1:0:0:1",
            "fe80::1:2:3:4; fe80::1:2:3:4", "1:2:3:4:5:6:7:8; 1:2:3:4:5:6:7:8", "1::; 1::", "1:0:3:4:5:6:7:8; 1:0:3:4:5:6:7:8",
            "::1.2.3.4; ::102:304", "64:ff9b::10.0.0.1; 64:ff9b::a00:1", "1:2:3:4:5:6:1.2.3.4; 1:2:3:4:5:6:102:304"})
    void v6_parsesAndFormatsAsRfc5952(String in, String canonical) {
        assertThat(IpText.format(IpText.parseV6(in).orElseThrow())).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":::", "1:::2", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "g::1",
            ":1::", "1::2:", "::1.2.3", "::1.2.3.04", "1:2:3:4:5:6:7:1.2.3.4", "[::1]", "::1%eth0", "1.2.3.4"})
    void v6_refusesMalformedText(String s) {
        assertThat(IpText.parseV6(s)).as(s).isEmpty();
    }

    @Test
    void cidr_refusesHostBitsAndBadPrefixes() {
        assertThat(Cidr.parse("10.0.0.0/8")).isPresent();
        assertThat(Cidr.parse("10.1.0.0/8")).isEmpty();
        assertThat(Cidr.parse("10.0.0.0/33")).isEmpty();
        assertThat(Cidr.parse("10.0.0.0/")).isEmpty();
        assertThat(Cidr.parse("fd00::/8")).isPresent();
        assertThat(Cidr.parse("[::1]")).hasValueSatisfying(c -> assertThat(c.prefix()).isEqualTo(128));
        assertThat(Cidr.parse("fd00::/129")).isEmpty();
    }

    @Test
    void cidr_firstAndLast() {
        Cidr c = Cidr.parse("172.16.0.0/12").orElseThrow();
        assertThat(IpText.format(c.first())).isEqualTo("172.16.0.0");
        assertThat(IpText.format(c.last())).isEqualTo("172.31.255.255");
        assertThat(c.contains(IpText.parseV6("::ffff:172.16.0.1").orElseThrow())).isFalse(); // other family
    }
}
