package io.pagelens.api.auth;

import io.pagelens.jobs.MutableClock;
import io.pagelens.store.BothDatabases;
import io.pagelens.store.Database;
import io.pagelens.store.DatabaseSuite;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys seeded from PAGELENS_API_KEYS across restarts, on SQLite and PostgreSQL. */
class KeyBootstrapIT extends DatabaseSuite {
    static final String CI = "0123456789abcdef0123456789abcdef";
    static final String ADMIN = "fedcba9876543210fedcba9876543210";
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @BothDatabases
    void seeds_areUpsertedAcrossRestarts_storedOnlyAsHashes_andNoFirstKeyIsMade(Database db) {
        ApiKeyStore store = fresh(db);
        assertThat(KeyBootstrap.prepare(store, SeedKey.parse("ci:" + CI + ",admin:" + ADMIN, 120), 120, true)).isEmpty();
        assertThat(KeyBootstrap.prepare(store, SeedKey.parse("ci:" + CI + ":rate=30,admin:" + ADMIN, 120), 120, true))
                .as("a restart creates nothing new").isEmpty();
        assertThat(store.list()).extracting(ApiKey::name).containsExactlyInAnyOrder("ci", "admin");
        assertThat(store.findByToken(CI).orElseThrow().ratePerMinute()).as("the declared rate follows the variable").isEqualTo(30);
        assertThat(store.findByToken(ADMIN).orElseThrow().revoked()).isFalse();
        String stored = db.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT secret_hash, prefix FROM api_keys ORDER BY name")) {
                StringBuilder b = new StringBuilder();
                while (rs.next()) b.append(rs.getString(1)).append(rs.getString(2));
                return b.toString();
            }
        });
        assertThat(stored).doesNotContain(CI.substring(0, 12)).doesNotContain(ADMIN.substring(0, 12));
    }

    @BothDatabases
    void removingOrRotatingAnEntry_revokesTheOldKey_atTheNextStart(Database db) {
        ApiKeyStore store = fresh(db);
        KeyBootstrap.prepare(store, SeedKey.parse("ci:" + CI + ",admin:" + ADMIN, 120), 120, true);
        String rotated = "abcdefabcdefabcdefabcdef00000000";
        KeyBootstrap.prepare(store, SeedKey.parse("ci:" + rotated, 120), 120, true);
        assertThat(store.findByToken(CI).orElseThrow().revoked()).as("ci's old token").isTrue();
        assertThat(store.findByToken(ADMIN).orElseThrow().revoked()).as("admin, removed from the variable").isTrue();
        assertThat(store.findByToken(rotated).orElseThrow().revoked()).isFalse();
        ApiKeyStore.Created manual = store.create("manual", 60);
        KeyBootstrap.prepare(store, List.of(), 120, true);
        assertThat(store.findByToken(rotated).orElseThrow().revoked()).as("unset variable: its keys go").isTrue();
        assertThat(store.findByToken(manual.token()).orElseThrow().revoked()).as("keys made with 'pagelens keys' stay").isFalse();
    }

    @BothDatabases
    void aSeededKeyRevokedByHand_staysRevoked(Database db) {
        ApiKeyStore store = fresh(db);
        List<SeedKey> seeds = SeedKey.parse("ci:" + CI, 120);
        KeyBootstrap.prepare(store, seeds, 120, true);
        assertThat(store.revoke(seeds.getFirst().id())).isTrue();
        KeyBootstrap.prepare(store, seeds, 120, true);
        assertThat(store.findByToken(CI).orElseThrow().revoked()).isTrue();
    }

    @BothDatabases
    void firstKey_onlyForAnEmptyStoreWithoutSeeds_andOnlyWhenItCanBeShown(Database db) {
        ApiKeyStore store = fresh(db);
        assertThat(KeyBootstrap.prepare(store, List.of(), 120, false)).as("no terminal: no key nobody can see").isEmpty();
        assertThat(store.isEmpty()).isTrue();
        String token = KeyBootstrap.prepare(store, List.of(), 120, true).orElseThrow();
        assertThat(store.findByToken(token).orElseThrow().name()).isEqualTo("default");
        assertThat(KeyBootstrap.prepare(store, List.of(), 120, true)).as("once only").isEmpty();
    }

    /** The class shares one database per dialect: each test starts with no key. */
    private ApiKeyStore fresh(Database db) {
        db.transaction(c -> {
            try (var st = c.createStatement()) {
                return st.executeUpdate("DELETE FROM api_keys");
            }
        });
        return new ApiKeyStore(db, clock);
    }
}
