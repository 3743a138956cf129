package io.pagelens.store;

import io.pagelens.config.ConfigException;
import io.pagelens.config.Env;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTest {
    @Test
    void herokuForm_becomesJdbcWithCredentials() {
        DatabaseUrl u = DatabaseUrl.parse("postgres://alice:s3cret@db.example.com:5433/pagelens");
        assertThat(u.dialect()).isEqualTo(Dialect.POSTGRES);
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5433/pagelens");
        assertThat(u.user()).isEqualTo("alice");
        assertThat(u.password()).isEqualTo("s3cret");
    }

    @Test
    void herokuForm_decodesEscapedPasswordAndKeepsQuery() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://bob:p%40ss%3Aw+rd@localhost/db?sslmode=require");
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/db?sslmode=require");
        assertThat(u.user()).isEqualTo("bob");
        assertThat(u.password()).isEqualTo("p@ss:w+rd");
    }

    @Test
    void herokuForm_withoutPassword() {
        DatabaseUrl u = DatabaseUrl.parse("postgres://postgres@127.0.0.1:5432/test");
        assertThat(u.user()).isEqualTo("postgres");
        assertThat(u.password()).isNull();
    }

    @Test
    void jdbcForms_passThrough() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h:1/d?user=x").dialect()).isEqualTo(Dialect.POSTGRES);
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h:1/d?user=x").jdbcUrl()).isEqualTo("jdbc:postgresql://h:1/d?user=x");
        assertThat(DatabaseUrl.parse("jdbc:sqlite:/tmp/x.db").dialect()).isEqualTo(Dialect.SQLITE);
    }

    @Test
    void missingDatabaseName_namesTheVariable_andHidesThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:topsecret@host:5432/"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("DATABASE_URL")
                .hasMessageContaining("database name")
                .hasMessageNotContaining("topsecret");
    }

    @Test
    void unknownScheme_isRejected() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u@h/db"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DATABASE_URL");
    }

    @Test
    void toString_masksPasswords() {
        assertThat(DatabaseUrl.parse("postgres://u:topsecret@h/db").toString()).doesNotContain("topsecret");
        assertThat(DatabaseUrl.parse("jdbc:postgresql://h/db?user=u&password=topsecret").toString()).doesNotContain("topsecret");
    }

    @Test
    void settings_fromEnv_validateWithTheKey() {
        assertThat(DatabaseSettings.fromEnv(new Env(Map.of())).poolSize()).isEqualTo(3);
        assertThat(DatabaseSettings.fromEnv(new Env(Map.of("PAGELENS_DB_POOL_SIZE", "5"))).poolSize()).isEqualTo(5);
        assertThatThrownBy(() -> DatabaseSettings.fromEnv(new Env(Map.of("PAGELENS_DB_POOL_SIZE", "0"))))
                .hasMessageContaining("PAGELENS_DB_POOL_SIZE");
        assertThatThrownBy(() -> DatabaseSettings.fromEnv(new Env(Map.of("PAGELENS_DB_STATEMENT_TIMEOUT", "0"))))
                .hasMessageContaining("PAGELENS_DB_STATEMENT_TIMEOUT");
    }

    @Test
    void sqliteDefault_isInTheDataFolder() {
        assertThat(DatabaseUrl.sqlite(Path.of("/data/pagelens.db")).jdbcUrl()).isEqualTo("jdbc:sqlite:/data/pagelens.db");
    }
}
