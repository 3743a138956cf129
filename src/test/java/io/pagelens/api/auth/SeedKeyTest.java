package io.pagelens.api.auth;

import io.pagelens.config.ConfigException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedKeyTest {
    static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @Test
    void parse_entriesAreHashedAtOnce_andTheIdIsStablePerToken() {
        var keys = SeedKey.parse(" ci:" + TOKEN + " ,\n admin:" + TOKEN.toUpperCase() + ":rate=600 ", 120);
        assertThat(keys).hasSize(2);
        assertThat(keys.getFirst().secretHash()).isEqualTo(ApiKeyStore.hash(TOKEN));
        assertThat(keys.getFirst().id()).startsWith("key_env_").hasSize(24).isEqualTo(SeedKey.parse("renamed:" + TOKEN, 1).getFirst().id());
        assertThat(keys.get(1).ratePerMinute()).isEqualTo(600);
        assertThat(keys.toString()).doesNotContain(TOKEN).doesNotContain(TOKEN.toUpperCase());
        assertThat(SeedKey.parse("  ", 120)).isEmpty();
        assertThat(SeedKey.parse("ci:" + TOKEN + ",,", 120)).as("blank entries are skipped").hasSize(1);
        assertThat(SeedKey.parse(null, 120)).isEmpty();
    }

    @Test
    void parse_badEntries_nameTheVariableAndTheEntry_neverTheToken() {
        expect("ci", "PAGELENS_API_KEYS: entry 1 has no token: write NAME:TOKEN[:rate=N]");
        expect("ci:short", "PAGELENS_API_KEYS: entry 1 ('ci'): the token must be 24 to 200 characters of A-Z a-z 0-9 _ - . ~ (e.g. openssl rand -hex 32)");
        expect(":" + TOKEN, "PAGELENS_API_KEYS: entry 1: the name must be 1 to 200 characters");
        expect("ci:" + TOKEN + ":tenant=acme", "PAGELENS_API_KEYS: entry 1 ('ci'): unknown attribute 'tenant' (known: rate=N)");
        expect("ci:" + TOKEN + ":rate=0", "PAGELENS_API_KEYS: entry 1 ('ci'): rate must be a whole number of requests per minute, 1 to 100000");
        expect("ci:" + TOKEN + ",ci:" + TOKEN + "x", "PAGELENS_API_KEYS: entry 2 ('ci'): the name is used twice");
        expect("a:" + TOKEN + ",b:" + TOKEN, "PAGELENS_API_KEYS: entry 2 ('b'): the same token is used twice");
        expect("ci:" + TOKEN.substring(0, 20) + " with space", "PAGELENS_API_KEYS: entry 1 ('ci'): the token must be 24 to 200 characters of A-Z a-z 0-9 _ - . ~ (e.g. openssl rand -hex 32)");
    }

    private static void expect(String value, String message) {
        assertThatThrownBy(() -> SeedKey.parse(value, 120)).isInstanceOf(ConfigException.class).hasMessage(message)
                .hasMessageNotContaining(TOKEN);
    }
}
