package io.pagelens.api.auth;

import io.pagelens.jobs.MutableClock;
import io.pagelens.store.BothDatabases;
import io.pagelens.store.Database;
import io.pagelens.store.DatabaseSuite;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyStoreIT extends DatabaseSuite {
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @BothDatabases
    void createdKey_isFoundByItsToken_andStoredOnlyAsAHash(Database db) {
        ApiKeyStore store = new ApiKeyStore(db, clock);
        ApiKeyStore.Created c = store.create("ci", 30);
        assertThat(c.token()).startsWith("pl_").hasSize(67);
        assertThat(store.findByToken(c.token())).get().extracting(ApiKey::id).isEqualTo(c.key().id());
        assertThat(store.findByToken(c.token() + "x")).isEmpty();
        String stored = db.read(conn -> {
            try (var rs = conn.createStatement().executeQuery("SELECT secret_hash FROM api_keys WHERE id = '" + c.key().id() + "'")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(stored).isEqualTo(ApiKeyStore.hash(c.token())).doesNotContain(c.token().substring(3, 20));
    }

    @BothDatabases
    void revoke_byIdOrPrefix(Database db) {
        ApiKeyStore store = new ApiKeyStore(db, clock);
        ApiKeyStore.Created a = store.create("a", 30);
        ApiKeyStore.Created b = store.create("b", 30);
        assertThat(store.revoke(a.key().id())).isTrue();
        assertThat(store.revoke(a.key().id())).as("already revoked").isFalse();
        assertThat(store.revoke(b.key().prefix())).isTrue();
        assertThat(store.findByToken(a.token()).orElseThrow().revoked()).isTrue();
        assertThat(store.list()).extracting(ApiKey::name).contains("a", "b");
    }

    @BothDatabases
    void touch_recordsTheLastUse(Database db) {
        ApiKeyStore store = new ApiKeyStore(db, clock);
        ApiKeyStore.Created c = store.create("used", 30);
        assertThat(c.key().lastUsedAt()).isNull();
        clock.advance(java.time.Duration.ofMinutes(3));
        store.touch(c.key().id());
        assertThat(store.findByToken(c.token()).orElseThrow().lastUsedAt()).isEqualTo(clock.instant());
    }
}
