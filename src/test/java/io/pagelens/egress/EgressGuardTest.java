package io.pagelens.egress;

import io.pagelens.config.ConfigException;
import io.pagelens.config.Env;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EgressGuardTest {
    @Test
    void fromEnv_isOnByDefault_withAProxyPortOnLoopback() {
        try (EgressGuard g = EgressGuard.fromEnv(new Env(Map.of()), List.of(), null)) {
            assertThat(g.enabled()).isTrue();
            assertThat(g.browserProxy()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(g.settings().allow().isEmpty()).isTrue();
        }
    }

    @Test
    void fromEnv_badListsAndTimeouts_nameTheVariable() {
        assertThatThrownBy(() -> EgressGuard.fromEnv(new Env(Map.of("PAGELENS_ALLOW_HOSTS", "10.0.0.1/8")), List.of(), null))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("PAGELENS_ALLOW_HOSTS=");
        assertThatThrownBy(() -> EgressGuard.fromEnv(new Env(Map.of("PAGELENS_DENY_HOSTS", "a b")), List.of(), null))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("PAGELENS_DENY_HOSTS=");
        assertThatThrownBy(() -> EgressGuard.fromEnv(new Env(Map.of("PAGELENS_EGRESS", "maybe")), List.of(), null))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("PAGELENS_EGRESS=");
        assertThatThrownBy(() -> EgressGuard.fromEnv(new Env(Map.of("PAGELENS_EGRESS_CONNECT_TIMEOUT", "0s")), List.of(), null))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("PAGELENS_EGRESS_CONNECT_TIMEOUT=");
        assertThatThrownBy(() -> EgressGuard.fromEnv(new Env(Map.of()), List.of("--host-resolver-rules=SEND * x"), null))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("PAGELENS_CHROME_ARGS=");
    }

    @Test
    void off_hasNoProxy_butStillRefusesLocalSchemes() {
        try (EgressGuard g = EgressGuard.fromEnv(new Env(Map.of("PAGELENS_EGRESS", "off")), List.of(), null)) {
            assertThat(g.enabled()).isFalse();
            assertThat(g.browserProxy()).isNull();
            assertThat(g.checkNavigation(URI.create("http://127.0.0.2/")).isAllowed()).isTrue();
            assertThat(g.checkNavigation(URI.create("file:///etc/passwd")).reason())
                    .isEqualTo("blocked: the file: scheme is not allowed (only http and https)");
        }
    }

    @Test
    void checkNavigation_judgesWhatNeedsNoDns() {
        try (EgressGuard g = EgressGuard.start(EgressSettings.allowing("127.0.0.1"), host -> {
            throw new AssertionError("no lookup expected for " + host);
        }, null)) {
            assertThat(g.checkNavigation(URI.create("http://127.0.0.1:8080/")).isAllowed()).isTrue();
            // a loopback alias outside the allow-list (other ranges are classified in AddressClassifierTest, with no URL)
            assertThat(g.checkNavigation(URI.create("http://127.0.0.2/latest/meta-data/")).explained())
                    .isEqualTo("blocked: 127.0.0.2 is loopback (127.0.0.0/8) (to allow it, add it to PAGELENS_ALLOW_HOSTS)");
            assertThat(g.checkNavigation(URI.create("https://example.com/")).isAllowed()).as("judged by the proxy when it connects").isTrue();
            assertThat(g.checkNavigation(URI.create("javascript:alert(1)")).isBlocked()).isTrue();
            assertThat(g.checkNavigation(URI.create("http://[::ffff:127.0.0.2]/")).reason()).contains("loopback");
            // java.net.URI has no host for names browsers accept; the guard reads them the WHATWG way
            assertThat(URI.create("http://my_host.example:8080/x").getHost()).isNull();
            assertThat(g.checkNavigation(URI.create("http://my_host.example:8080/x")).isAllowed()).isTrue();
            assertThat(EgressSession.authority(URI.create("wss://my_host.example/socket"))).isEqualTo("my_host.example:443");
        }
    }

    @Test
    void sessions_getPortsOfTheirOwn_andCloseWithTheGuard() throws Exception {
        EgressGuard g = EgressGuard.start(EgressSettings.allowing(""), Resolver.system(), null);
        EgressSession a = g.openSession("a");
        EgressSession b = g.openSession("b");
        assertThat(a.proxyServer()).isNotEqualTo(b.proxyServer()).isNotEqualTo(g.browserProxy());
        g.close();
        assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", a.port()).close()).isInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> g.openSession("late")).isInstanceOf(java.io.IOException.class);
    }
}
