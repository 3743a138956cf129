package io.pagelens.egress;

import io.pagelens.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The policy's own logic over a resolver this test controls; no sockets and no DNS. */
class EgressPolicyTest {
    private final List<String> asked = new ArrayList<>();

    /** Answers from a table; literals resolve to themselves. Records every question. */
    private Resolver table(Map<String, List<String>> answers) {
        return host -> {
            asked.add(host);
            List<String> ips = answers.get(host);
            if (ips == null) {
                var lit = CanonicalHost.parse(host);
                if (lit.isLiteral()) return List.of(InetAddress.getByAddress(lit.address()));
                throw new UnknownHostException(host);
            }
            List<InetAddress> out = new ArrayList<>();
            for (String ip : ips) out.add(InetAddress.getByAddress(host, (ip.contains(":") ? IpText.parseV6(ip) : IpText.parseV4(ip)).orElseThrow()));
            return out;
        };
    }

    private static EgressPolicy policy(String allow, String deny) {
        return new EgressPolicy(HostList.parse("PAGELENS_ALLOW_HOSTS", allow), HostList.parse("PAGELENS_DENY_HOSTS", deny));
    }

    @Test
    void loopbackAlias_isBlockedNamingTheRule() {
        Decision d = policy("127.0.0.1,localhost", "").decide("127.0.0.2", table(Map.of()));
        assertThat(d.isBlocked()).isTrue();
        assertThat(d.reason()).isEqualTo("blocked: 127.0.0.2 is loopback (127.0.0.0/8)");
        assertThat(d.allowListable()).isTrue();
        assertThat(asked).as("a refused literal needs no lookup").isEmpty();
    }

    @Test
    void allowListedAddress_isAllowedAndPinned() {
        Decision d = policy("127.0.0.1,localhost", "").decide("127.0.0.1", table(Map.of()));
        assertThat(d.isAllowed()).isTrue();
        assertThat(d.addresses()).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
    }

    @Test
    void mappedFormOfAnAllowedAddress_isTheSameHost() {
        assertThat(policy("127.0.0.1", "").decide("[::ffff:127.0.0.1]", table(Map.of())).isAllowed()).isTrue();
        Decision d = policy("127.0.0.1", "").decide("[::ffff:127.0.0.2]", table(Map.of()));
        assertThat(d.reason()).isEqualTo("blocked: ::ffff:7f00:2 is the IPv4-mapped (::ffff:0:0/96) form of 127.0.0.2,"
                + " which is loopback (127.0.0.0/8)");
    }

    @Test
    void nameResolvingToPrivateAddress_isBlockedAfterOneLookup() {
        Decision d = policy("", "").decide("intranet.example", table(Map.of("intranet.example", List.of("10.1.2.3"))));
        assertThat(d.reason()).isEqualTo("blocked: intranet.example resolves to 10.1.2.3, which is private (10.0.0.0/8)");
        assertThat(asked).containsExactly("intranet.example");
    }

    @Test
    void rebinding_eachAnswerIsJudgedOnItsOwn() {
        List<List<String>> answers = new ArrayList<>(List.of(List.of("127.0.0.1"), List.of("127.0.0.3")));
        Resolver flipping = host -> List.of(InetAddress.getByAddress(host, IpText.parseV4(answers.removeFirst().getFirst()).orElseThrow()));
        EgressPolicy p = policy("127.0.0.1", "");
        Decision first = p.decide("rebind.test", flipping);
        Decision second = p.decide("rebind.test", flipping);
        assertThat(first.isAllowed()).isTrue();
        assertThat(first.addresses()).extracting(InetAddress::getHostAddress).containsExactly("127.0.0.1");
        assertThat(second.reason()).isEqualTo("blocked: rebind.test resolves to 127.0.0.3, which is loopback (127.0.0.0/8)");
    }

    @Test
    void mixedAnswer_keepsOnlyTheReachableAddresses() {
        Decision d = policy("", "").decide("mixed.example", table(Map.of("mixed.example", List.of("10.0.0.1", "93.184.216.34", "fd00::1"))));
        assertThat(d.isAllowed()).isTrue();
        assertThat(d.addresses()).extracting(a -> IpText.format(a.getAddress())).containsExactly("93.184.216.34");
    }

    @Test
    void denyList_winsOverAllowListAndPublicAddresses() {
        EgressPolicy p = policy("127.0.0.0/8,*.example", "evil.example,93.184.216.0/24");
        assertThat(p.decide("evil.example", table(Map.of())).reason()).isEqualTo("blocked: evil.example is on PAGELENS_DENY_HOSTS (evil.example)");
        assertThat(asked).as("a denied name is never looked up").isEmpty();
        Decision d = p.decide("good.example", table(Map.of("good.example", List.of("93.184.216.34"))));
        assertThat(d.reason()).isEqualTo("blocked: good.example resolves to 93.184.216.34, which is on PAGELENS_DENY_HOSTS (93.184.216.0/24)");
        assertThat(d.allowListable()).isFalse();
    }

    @Test
    void allowListedName_mayResolveToAPrivateAddress() {
        Decision d = policy("db.internal", "").decide("db.internal", table(Map.of("db.internal", List.of("10.9.8.7"))));
        assertThat(d.isAllowed()).isTrue();
        assertThat(policy("*.internal", "").decide("db.internal", table(Map.of("db.internal", List.of("10.9.8.7")))).isAllowed()).isTrue();
        assertThat(policy("*.internal", "").decide("internal", table(Map.of("internal", List.of("10.9.8.7")))).isBlocked())
                .as("a wildcard covers subdomains only").isTrue();
    }

    @Test
    void allowListedBlock_opensThatBlockOnly() {
        EgressPolicy p = policy("10.0.0.0/16", "");
        assertThat(p.decide("10.0.255.255", table(Map.of())).isAllowed()).isTrue();
        assertThat(p.decide("10.1.0.0", table(Map.of())).isBlocked()).isTrue();
    }

    @Test
    void unresolvable_isNotBlockedButUnresolved() {
        Decision d = policy("", "").decide("nowhere.example", table(Map.of()));
        assertThat(d.verdict()).isEqualTo(Decision.Verdict.UNRESOLVED);
        assertThat(d.reason()).contains("nowhere.example could not be resolved");
    }

    @Test
    void nonCanonicalSpelling_isBlockedWithoutALookup() {
        Decision d = policy("127.0.0.1", "").decide("2130706434", table(Map.of()));
        assertThat(d.isBlocked()).isTrue();
        assertThat(d.reason()).contains("non-canonical IPv4 spelling");
        assertThat(d.allowListable()).isFalse();
        assertThat(asked).isEmpty();
    }

    @Test
    void zoneIds_areRefusedUnlessTheAddressIsAllowListed() {
        assertThat(policy("", "").decide("[fe80::1%25eth0]", table(Map.of())).reason()).contains("link-local (fe80::/10)");
        assertThat(policy("", "").decide("[2606:4700::1%251]", table(Map.of())).reason()).contains("zone id");
    }

    @Test
    void withoutResolver_onlyWhatNeedsNoDnsIsJudged() {
        EgressPolicy p = policy("", "evil.example");
        assertThat(p.decide("127.0.0.2", null).isBlocked()).isTrue();
        assertThat(p.decide("evil.example", null).isBlocked()).isTrue();
        Decision d = p.decide("anything.example", null);
        assertThat(d.isAllowed()).isTrue();
        assertThat(d.addresses()).isEmpty();
    }

    @Test
    void hostLists_nameTheVariableAndEntryOnBadInput() {
        assertThatThrownBy(() -> HostList.parse("PAGELENS_ALLOW_HOSTS", "127.0.0.1,10.1.0.0/8"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PAGELENS_ALLOW_HOSTS").hasMessageContaining("10.1.0.0/8");
        assertThatThrownBy(() -> HostList.parse("PAGELENS_DENY_HOSTS", "exa mple.com"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PAGELENS_DENY_HOSTS").hasMessageContaining("exa mple.com");
        assertThatThrownBy(() -> HostList.parse("PAGELENS_ALLOW_HOSTS", "*")).hasMessageContaining("PAGELENS_EGRESS=off");
        assertThat(HostList.parse("PAGELENS_ALLOW_HOSTS", " 127.0.0.1 , localhost,,*.corp.example, fd00::/8, ::1").entries())
                .containsExactly("localhost", "*.corp.example", "127.0.0.1", "fd00::/8", "::1");
    }
}
