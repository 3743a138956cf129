package io.pagelens.api;

import io.pagelens.config.ConfigException;
import io.pagelens.config.Env;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiSettingsTest {
    @Test
    void requestDeadline_onAHerokuDyno_defaultsUnderTheRoutersThirtySeconds() {
        assertThat(ApiSettings.fromEnv(new Env(Map.of())).requestDeadline()).isEqualTo(Duration.ofSeconds(60));
        assertThat(ApiSettings.fromEnv(new Env(Map.of("DYNO", "web.1"))).requestDeadline())
                .isEqualTo(Duration.ofSeconds(25)).isLessThan(ApiSettings.HEROKU_ROUTER_TIMEOUT);
        assertThat(ApiSettings.fromEnv(new Env(Map.of("DYNO", "web.1", "PAGELENS_REQUEST_DEADLINE", "10s"))).requestDeadline())
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void requestDeadline_onAHerokuDyno_atOrPastThirtySeconds_isRefusedNamingTheVariable() {
        assertThatThrownBy(() -> ApiSettings.fromEnv(new Env(Map.of("DYNO", "web.1", "PAGELENS_REQUEST_DEADLINE", "30s"))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("PAGELENS_REQUEST_DEADLINE=PT30S: must be under 30s on Heroku");
    }

    @Test
    void seedKeys_withOpenAccess_isAContradictionNamingTheVariable() {
        assertThatThrownBy(() -> ApiSettings.fromEnv(new Env(Map.of("PAGELENS_AUTH", "none",
                "PAGELENS_API_KEYS", "ci:0123456789abcdef0123456789abcdef"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PAGELENS_API_KEYS").hasMessageNotContaining("0123456789abcdef");
    }

    @Test
    void seedKeys_takeTheDefaultRate_andFirstKeyCanBeTurnedOff() {
        ApiSettings s = ApiSettings.fromEnv(new Env(Map.of("PAGELENS_RATE_LIMIT", "77",
                "PAGELENS_API_KEYS", "ci:0123456789abcdef0123456789abcdef, admin:abcdefabcdefabcdefabcdef0000:rate=600")));
        assertThat(s.seedKeys()).extracting(k -> k.name() + "/" + k.ratePerMinute()).containsExactly("ci/77", "admin/600");
        assertThat(s.createFirstKey()).isTrue();
        assertThat(s.withoutFirstKey().createFirstKey()).isFalse();
        assertThat(s.withoutFirstKey().seedKeys()).isEqualTo(s.seedKeys());
    }
}
