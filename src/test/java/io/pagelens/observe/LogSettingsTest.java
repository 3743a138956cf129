package io.pagelens.observe;

import io.pagelens.config.ConfigException;
import io.pagelens.config.Env;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogSettingsTest {
    @Test
    void formats_textByDefault_jsonOnRequest() {
        assertThat(LogSettings.fromEnv(new Env(Map.of())).json()).isFalse();
        assertThat(LogSettings.fromEnv(new Env(Map.of("PAGELENS_LOG_FORMAT", "JSON"))).json()).isTrue();
        assertThat(LogSettings.fromEnv(new Env(Map.of("PAGELENS_LOG_FORMAT", "logfmt"))).format()).isEqualTo(LogSettings.Format.TEXT);
    }

    @Test
    void unknownFormatOrLevel_namesTheVariable() {
        assertThatThrownBy(() -> LogSettings.fromEnv(new Env(Map.of("PAGELENS_LOG_FORMAT", "xml"))))
                .isInstanceOf(ConfigException.class).hasMessage("PAGELENS_LOG_FORMAT=xml: must be text (logfmt) or json");
        assertThatThrownBy(() -> LogSettings.fromEnv(new Env(Map.of("PAGELENS_LOG_LEVEL", "loud"))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("PAGELENS_LOG_LEVEL=loud: must be one of");
    }
}
