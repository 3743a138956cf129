package io.pagelens.api.auth;

import io.pagelens.store.Database;
import io.pagelens.store.TenantScope;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * API keys in the {@code api_keys} table. A token is {@code pl_} + 32 random bytes (base62-ish hex); only
 * its SHA-256 is stored, so a leaked database does not leak usable keys. Lookup is by that hash.
 */
public final class ApiKeyStore {
    private static final String COLS = "id, name, prefix, rate_per_minute, created_at, last_used_at, revoked_at, tenant, admin";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final Clock clock;

    public ApiKeyStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A new key and the token to hand to its user; the token is shown once and cannot be recovered. */
    public record Created(ApiKey key, String token) {
    }

    public Created create(String name, int ratePerMinute) {
        return create(name, ratePerMinute, TenantScope.DEFAULT, false);
    }

    /**
     * A key of {@code tenant}; an {@code admin} key sees every tenant's data.
     *
     * @throws IllegalArgumentException naming what is wrong with the name, rate or tenant
     */
    public Created create(String name, int ratePerMinute, String tenant, boolean admin) {
        try {
            TenantScope.requireName("tenant", tenant);
        } catch (io.pagelens.capture.InvalidRequestException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (name == null || name.isBlank() || name.length() > 200) throw new IllegalArgumentException("key name must be 1 to 200 characters");
        if (ratePerMinute < 1 || ratePerMinute > 100_000) throw new IllegalArgumentException("rate must be between 1 and 100000 per minute, was " + ratePerMinute);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "pl_" + HexFormat.of().formatHex(secret);
        String id = "key_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String prefix = token.substring(0, 10);
        long now = clock.millis();
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_keys (id, name, prefix, secret_hash, rate_per_minute, created_at, tenant, admin) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, name.trim());
                ps.setString(3, prefix);
                ps.setString(4, hash(token));
                ps.setInt(5, ratePerMinute);
                ps.setLong(6, now);
                ps.setString(7, tenant);
                ps.setBoolean(8, admin);
                return ps.executeUpdate();
            }
        });
        return new Created(new ApiKey(id, name.trim(), prefix, ratePerMinute, Instant.ofEpochMilli(now), null, null, tenant, admin), token);
    }

    /** The key a presented token belongs to, revoked or not; empty when unknown. */
    public Optional<ApiKey> findByToken(String token) {
        List<ApiKey> l = query("SELECT " + COLS + " FROM api_keys WHERE secret_hash = ?", hash(token));
        return l.stream().findFirst();
    }

    /** Records that the key was used; callers throttle this (it is a write). */
    public void touch(String id) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_keys SET last_used_at = ? WHERE id = ?")) {
                ps.setLong(1, clock.millis());
                ps.setString(2, id);
                return ps.executeUpdate();
            }
        });
    }

    public List<ApiKey> list() {
        return query("SELECT " + COLS + " FROM api_keys ORDER BY created_at");
    }

    /** Revokes by id or by token prefix; false when no such active key. */
    public boolean revoke(String idOrPrefix) {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_keys SET revoked_at = ? WHERE (id = ? OR prefix = ?) AND revoked_at IS NULL")) {
                ps.setLong(1, clock.millis());
                ps.setString(2, idOrPrefix);
                ps.setString(3, idOrPrefix);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /**
     * Upserts a key declared in {@code PAGELENS_API_KEYS} under its stable id: its name and rate follow the
     * declaration, its revocation (if any) stands. Returns whether the key is revoked.
     */
    public boolean seed(SeedKey k) {
        long now = clock.millis();
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_keys (id, name, prefix, secret_hash, rate_per_minute, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, rate_per_minute = excluded.rate_per_minute")) {
                ps.setString(1, k.id());
                ps.setString(2, k.name());
                ps.setString(3, "env:" + k.name().substring(0, Math.min(k.name().length(), 20)));
                ps.setString(4, k.secretHash());
                ps.setInt(5, k.ratePerMinute());
                ps.setLong(6, now);
                return ps.executeUpdate();
            }
        });
        return query("SELECT " + COLS + " FROM api_keys WHERE id = ?", k.id()).getFirst().revoked();
    }

    /** Revokes the seeded keys whose id is not in {@code keep} (entries removed from PAGELENS_API_KEYS); returns how many. */
    public int revokeSeededExcept(java.util.Set<String> keep) {
        return db.transaction(c -> {
            StringBuilder sql = new StringBuilder("UPDATE api_keys SET revoked_at = ? WHERE SUBSTR(id, 1, ?) = ? AND revoked_at IS NULL");
            if (!keep.isEmpty()) sql.append(" AND id NOT IN (").append(String.join(", ", java.util.Collections.nCopies(keep.size(), "?"))).append(")");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setLong(1, clock.millis());
                ps.setInt(2, SeedKey.ID_PREFIX.length());
                ps.setString(3, SeedKey.ID_PREFIX);
                int i = 4;
                for (String id : keep) ps.setString(i++, id);
                return ps.executeUpdate();
            }
        });
    }

    /** Whether any key, active or revoked, exists: the first start of the embedded default creates one. */
    public boolean isEmpty() {
        return list().isEmpty();
    }

    /** The SHA-256 (hex) a token is stored and looked up as; the token itself is never stored. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private List<ApiKey> query(String sql, String... args) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setString(i + 1, args[i]);
                List<ApiKey> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ApiKey(rs.getString("id"), rs.getString("name"), rs.getString("prefix"), rs.getInt("rate_per_minute"),
                                instant(rs, "created_at"), instant(rs, "last_used_at"), instant(rs, "revoked_at"),
                                rs.getString("tenant"), rs.getBoolean("admin")));
                    }
                }
                return out;
            }
        });
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
