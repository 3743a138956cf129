package io.pagelens.egress;

import io.pagelens.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostResolverRulesTest {
    private final List<String> passedOn = new ArrayList<>();
    private final Resolver next = host -> {
        passedOn.add(host);
        return List.of(InetAddress.getByAddress(new byte[]{127, 0, 0, 1}));
    };

    @Test
    void testFlags_letOnly127001Through() throws Exception {
        HostResolverRules r = HostResolverRules.parse("PAGELENS_CHROME_ARGS", "MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", next);
        assertThat(r.resolve("127.0.0.1")).hasSize(1);
        assertThatThrownBy(() -> r.resolve("fonts.googleapis.com")).isInstanceOf(UnknownHostException.class);
        assertThatThrownBy(() -> r.resolve("93.184.216.34")).as("literals are mapped too, as in Chromium").isInstanceOf(UnknownHostException.class);
        assertThatThrownBy(() -> r.resolve("localhost")).isInstanceOf(UnknownHostException.class);
        assertThat(passedOn).containsExactly("127.0.0.1");
    }

    @Test
    void map_replacesTheHost_firstMatchWins() throws Exception {
        HostResolverRules r = HostResolverRules.parse("X", "MAP *.test 127.0.0.1, MAP * ~NOTFOUND", next);
        r.resolve("a.test");
        assertThat(passedOn).containsExactly("127.0.0.1");
        assertThatThrownBy(() -> r.resolve("a.example")).isInstanceOf(UnknownHostException.class);
    }

    @Test
    void badRules_nameTheVariable() {
        assertThatThrownBy(() -> HostResolverRules.parse("PAGELENS_CHROME_ARGS", "REDIRECT * x", next))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PAGELENS_CHROME_ARGS");
        assertThatThrownBy(() -> HostResolverRules.parse("PAGELENS_CHROME_ARGS", "MAP *:80 127.0.0.1", next))
                .hasMessageContaining("ports");
    }

    @Test
    void find_takesTheLastFlag() {
        assertThat(HostResolverRules.find(List.of("--host-resolver-rules=MAP a b", "--x", "--host-resolver-rules=MAP * ~NOTFOUND")))
                .isEqualTo("MAP * ~NOTFOUND");
        assertThat(HostResolverRules.find(List.of("--lang=de"))).isNull();
    }

    @Test
    void glob_matchesAsChromiumDoes() {
        assertThat(HostResolverRules.matches("a.example.com", "*.example.com")).isTrue();
        assertThat(HostResolverRules.matches("example.com", "*.example.com")).isFalse();
        assertThat(HostResolverRules.matches("127.0.0.1", "127.0.0.?")).isTrue();
        assertThat(HostResolverRules.matches("anything", "*")).isTrue();
    }
}
