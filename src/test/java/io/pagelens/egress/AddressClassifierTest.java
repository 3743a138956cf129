package io.pagelens.egress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Every refused range at its first and last address, and the neighbours just outside. Pure: no sockets, no DNS. */
class AddressClassifierTest {
    private static Optional<AddressClassifier.Finding> classify(String ip) {
        byte[] a = (ip.contains(":") ? IpText.parseV6(ip) : IpText.parseV4(ip)).orElseThrow(() -> new AssertionError("unparsable " + ip));
        return AddressClassifier.classify(a);
    }

    /** {@code expected} is "range name|cidr", or "allowed". */
    private static void check(String ip, String expected) {
        Optional<AddressClassifier.Finding> f = classify(ip);
        if (expected.equals("allowed")) {
            assertThat(f).as(ip).isEmpty();
        } else {
            assertThat(f).as(ip).isPresent();
            assertThat(f.get().range().name() + "|" + f.get().range().cidr()).as(ip).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            // this network 0/8
            "0.0.0.0; this network|0.0.0.0/8", "0.255.255.255; this network|0.0.0.0/8", "1.0.0.0; allowed",
            // private 10/8
            "9.255.255.255; allowed", "10.0.0.0; private|10.0.0.0/8", "10.255.255.255; private|10.0.0.0/8", "11.0.0.0; allowed",
            // CGNAT 100.64/10
            "100.63.255.255; allowed", "100.64.0.0; CGNAT shared address space|100.64.0.0/10",
            "100.127.255.255; CGNAT shared address space|100.64.0.0/10", "100.128.0.0; allowed",
            // loopback 127/8
            "126.255.255.255; allowed", "127.0.0.0; loopback|127.0.0.0/8", "127.0.0.1; loopback|127.0.0.0/8",
            "127.255.255.255; loopback|127.0.0.0/8", "128.0.0.0; allowed",
            // link-local 169.254/16, cloud metadata included
            "169.253.255.255; allowed", "169.254.0.0; link-local, cloud metadata|169.254.0.0/16",
            "169.254.169.254; link-local, cloud metadata|169.254.0.0/16",
            "169.254.255.255; link-local, cloud metadata|169.254.0.0/16", "169.255.0.0; allowed",
            // private 172.16/12
            "172.15.255.255; allowed", "172.16.0.0; private|172.16.0.0/12", "172.31.255.255; private|172.16.0.0/12", "172.32.0.0; allowed",
            // IETF protocol assignments 192.0.0/24, documentation 192.0.2/24
            "191.255.255.255; allowed", "192.0.0.0; IETF protocol assignments|192.0.0.0/24",
            "192.0.0.255; IETF protocol assignments|192.0.0.0/24", "192.0.1.0; allowed", "192.0.1.255; allowed",
            "192.0.2.0; documentation TEST-NET-1|192.0.2.0/24", "192.0.2.255; documentation TEST-NET-1|192.0.2.0/24",
            "192.0.3.0; allowed",
            // 6to4 relay anycast 192.88.99/24
            "192.88.98.255; allowed", "192.88.99.0; deprecated 6to4 relay anycast|192.88.99.0/24",
            "192.88.99.255; deprecated 6to4 relay anycast|192.88.99.0/24", "192.88.100.0; allowed",
            // private 192.168/16
            "192.167.255.255; allowed", "192.168.0.0; private|192.168.0.0/16", "192.168.255.255; private|192.168.0.0/16",
            "192.169.0.0; allowed",
            // benchmarking 198.18/15
            "198.17.255.255; allowed", "198.18.0.0; benchmarking|198.18.0.0/15", "198.19.255.255; benchmarking|198.18.0.0/15",
            "198.20.0.0; allowed",
            // documentation 198.51.100/24, 203.0.113/24
            "198.51.99.255; allowed", "198.51.100.0; documentation TEST-NET-2|198.51.100.0/24",
            "198.51.100.255; documentation TEST-NET-2|198.51.100.0/24", "198.51.101.0; allowed",
            "203.0.112.255; allowed", "203.0.113.0; documentation TEST-NET-3|203.0.113.0/24",
            "203.0.113.255; documentation TEST-NET-3|203.0.113.0/24", "203.0.114.0; allowed",
            // multicast 224/4, reserved 240/4, broadcast
            "223.255.255.255; allowed", "224.0.0.0; multicast|224.0.0.0/4", "239.255.255.255; multicast|224.0.0.0/4",
            "240.0.0.0; reserved|240.0.0.0/4", "255.255.255.254; reserved|240.0.0.0/4",
            "255.255.255.255; broadcast|255.255.255.255/32",
            // ordinary public addresses
            "8.8.8.8; allowed", "93.184.216.34; allowed", "1.1.1.1; allowed"})
    void ipv4(String ip, String expected) {
        check(ip, expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "::; unspecified|::/128", "::1; loopback|::1/128",
            // IPv4-compatible ::/96 (deprecated), refused whole
            "::2; deprecated IPv4-compatible|::/96", "::ffff:ffff; deprecated IPv4-compatible|::/96",
            "::8.8.8.8; deprecated IPv4-compatible|::/96",
            "::1:0:0; outside global unicast|2000::/3",
            // local-use NAT64 64:ff9b:1::/48, refused whole
            "64:ff9b:0:ffff:ffff:ffff:ffff:ffff; outside global unicast|2000::/3",
            "64:ff9b:1::; local-use NAT64|64:ff9b:1::/48", "64:ff9b:1:ffff:ffff:ffff:ffff:ffff; local-use NAT64|64:ff9b:1::/48",
            "64:ff9b:2::; outside global unicast|2000::/3",
            // discard-only 100::/64
            "100::; discard-only|100::/64", "100::ffff:ffff:ffff:ffff; discard-only|100::/64", "100:0:0:1::; outside global unicast|2000::/3",
            // benchmarking, ORCHID, documentation
            "2001:1:ffff:ffff:ffff:ffff:ffff:ffff; allowed",
            "2001:2::; benchmarking|2001:2::/48", "2001:2:0:ffff:ffff:ffff:ffff:ffff; benchmarking|2001:2::/48", "2001:2:1::; allowed",
            "2001:10::; deprecated ORCHID|2001:10::/28", "2001:1f:ffff:ffff:ffff:ffff:ffff:ffff; deprecated ORCHID|2001:10::/28",
            "2001:20::; ORCHIDv2|2001:20::/28", "2001:2f:ffff:ffff:ffff:ffff:ffff:ffff; ORCHIDv2|2001:20::/28", "2001:30::; allowed",
            "2001:db7:ffff:ffff:ffff:ffff:ffff:ffff; allowed", "2001:db8::; documentation|2001:db8::/32",
            "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff; documentation|2001:db8::/32", "2001:db9::; allowed",
            "3ffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff; allowed", "3fff::; documentation|3fff::/20",
            "3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff; documentation|3fff::/20", "3fff:1000::; allowed",
            // SRv6 SIDs 5f00::/16 (outside 2000::/3 too, but named for itself)
            "5eff:ffff:ffff:ffff:ffff:ffff:ffff:ffff; outside global unicast|2000::/3", "5f00::; SRv6 SIDs|5f00::/16",
            "5f00:ffff:ffff:ffff:ffff:ffff:ffff:ffff; SRv6 SIDs|5f00::/16", "5f01::; outside global unicast|2000::/3",
            // global unicast ends at 3fff:..., so 4000::/2 and beyond are refused
            "1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff; outside global unicast|2000::/3", "2000::; allowed",
            "3fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff; allowed", "4000::; outside global unicast|2000::/3",
            // ULA fc00::/7, link-local fe80::/10, site-local fec0::/10, multicast ff00::/8
            "fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff; outside global unicast|2000::/3",
            "fc00::; unique local|fc00::/7", "fd12:3456::1; unique local|fc00::/7",
            "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff; unique local|fc00::/7",
            "fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff; outside global unicast|2000::/3",
            "fe80::; link-local|fe80::/10", "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff; link-local|fe80::/10",
            "fec0::; deprecated site-local|fec0::/10", "feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff; deprecated site-local|fec0::/10",
            "ff00::; multicast|ff00::/8", "ff02::1; multicast|ff00::/8", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff; multicast|ff00::/8",
            // public
            "2606:4700:4700::1111; allowed", "2a00:1450:4001::200e; allowed"})
    void ipv6(String ip, String expected) {
        check(ip, expected);
    }

    /** IPv6 forms that carry an IPv4 address are as refused as the address they carry, and name both. */
    @ParameterizedTest(name = "{0} -> {1} via {2}")
    @CsvSource(delimiter = ';', value = {
            "::ffff:127.0.0.2; loopback|127.0.0.0/8; IPv4-mapped|::ffff:0:0/96; 127.0.0.2",
            "::ffff:7f00:2; loopback|127.0.0.0/8; IPv4-mapped|::ffff:0:0/96; 127.0.0.2",
            "::ffff:0.0.0.0; this network|0.0.0.0/8; IPv4-mapped|::ffff:0:0/96; 0.0.0.0",
            "::ffff:169.254.169.254; link-local, cloud metadata|169.254.0.0/16; IPv4-mapped|::ffff:0:0/96; 169.254.169.254",
            "::ffff:255.255.255.255; broadcast|255.255.255.255/32; IPv4-mapped|::ffff:0:0/96; 255.255.255.255",
            "64:ff9b::10.0.0.1; private|10.0.0.0/8; NAT64|64:ff9b::/96; 10.0.0.1",
            "64:ff9b::7f00:1; loopback|127.0.0.0/8; NAT64|64:ff9b::/96; 127.0.0.1",
            "64:ff9b::a9fe:a9fe; link-local, cloud metadata|169.254.0.0/16; NAT64|64:ff9b::/96; 169.254.169.254",
            "2002:7f00:1::; loopback|127.0.0.0/8; 6to4|2002::/16; 127.0.0.1",
            "2002:c0a8:101:1::1; private|192.168.0.0/16; 6to4|2002::/16; 192.168.1.1",
            "2002:a9fe:a9fe::; link-local, cloud metadata|169.254.0.0/16; 6to4|2002::/16; 169.254.169.254",
            // Teredo: server in bits 32-63, client inverted in the last 32 bits
            "2001:0:7f00:1::808:808; loopback|127.0.0.0/8; Teredo|2001::/32; 127.0.0.1",
            "2001:0:808:808::f5ff:fffe; private|10.0.0.0/8; Teredo|2001::/32; 10.0.0.1"})
    void carriers(String ip, String range, String wrapper, String carried) {
        AddressClassifier.Finding f = classify(ip).orElseThrow(() -> new AssertionError(ip + " was allowed"));
        assertThat(f.range().name() + "|" + f.range().cidr()).isEqualTo(range);
        assertThat(f.wrapper().name() + "|" + f.wrapper().cidr()).isEqualTo(wrapper);
        assertThat(IpText.format(f.embedded())).isEqualTo(carried);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"::ffff:8.8.8.8", "::ffff:93.184.216.34", "64:ff9b::808:808", "2002:808:808::1", "2001:0:808:808::f7f7:f7f7"})
    void carriersOfPublicAddresses_areAllowed(String ip) {
        assertThat(classify(ip)).as(ip).isEmpty();
    }

    @Test
    void describe_namesTheRangeAndTheCarrier() {
        assertThat(classify("127.0.0.2").orElseThrow().describe()).isEqualTo("loopback (127.0.0.0/8)");
        assertThat(classify("::ffff:127.0.0.2").orElseThrow().describe())
                .isEqualTo("the IPv4-mapped (::ffff:0:0/96) form of 127.0.0.2, which is loopback (127.0.0.0/8)");
    }

    @Test
    void unmapped_givesTheIpv4OfAMappedAddressOnly() {
        assertThat(AddressClassifier.unmapped(IpText.parseV6("::ffff:1.2.3.4").orElseThrow())).containsExactly(1, 2, 3, 4);
        assertThat(AddressClassifier.unmapped(IpText.parseV6("64:ff9b::1.2.3.4").orElseThrow())).hasSize(16);
    }
}
