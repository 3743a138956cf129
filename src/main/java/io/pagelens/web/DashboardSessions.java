package io.pagelens.web;

import io.pagelens.api.auth.ApiKey;
import io.pagelens.api.auth.ApiKeyStore;
import io.pagelens.store.Database;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Dashboard sign-in in the {@code dashboard_sessions} table: one-time login links and the browser sessions they
 * open. A token is 32 random bytes; only its SHA-256 is stored. A session acts as an API key (the key
 * {@value #DASHBOARD_KEY} for a terminal link, or the key a user signed in with), so everything a session does is
 * owned, rate-limited and revoked as that key's work is.
 */
public final class DashboardSessions {
    /** A login link printed on the terminal works once, within this time. */
    public static final Duration LINK_TTL = Duration.ofHours(24);
    /** A browser session lasts this long, then the user signs in again. */
    public static final Duration SESSION_TTL = Duration.ofDays(7);
    /**
     * The key terminal links sign in as; made on first use, its token never shown (sessions need none). Whoever reads
     * the server's terminal runs it, so this key is an admin of the default tenant (sees every tenant, writes into
     * default). A tenant's user signs in with a key of that tenant instead, and the session stays in it.
     */
    public static final String DASHBOARD_KEY = "dashboard";
    static final int DASHBOARD_RATE_PER_MINUTE = 1_200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final ApiKeyStore keys;
    private final Clock clock;

    public DashboardSessions(Database db, ApiKeyStore keys, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.clock = clock;
    }

    /** A new one-time login token for the dashboard key, for the link shown on the terminal. */
    public String createLink() {
        return insert("link", dashboardKey().id(), LINK_TTL);
    }

    /** Uses a login link: its row is deleted whatever happens next, and a new session token is returned. */
    public Optional<String> redeem(String linkToken) {
        String hash = hash(linkToken);
        Optional<String> keyId = db.transaction(c -> {
            String found = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT key_id FROM dashboard_sessions WHERE token_hash = ? AND kind = 'link' AND expires_at > ?")) {
                ps.setString(1, hash);
                ps.setLong(2, clock.millis());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) found = rs.getString(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM dashboard_sessions WHERE token_hash = ? AND kind = 'link'")) {
                ps.setString(1, hash);
                // only the transaction that deletes the row may use it: two racing uses of one link open one session
                if (ps.executeUpdate() == 0) found = null;
            }
            return Optional.ofNullable(found);
        });
        return keyId.map(this::open);
    }

    /** A new session acting as the key {@code keyId} (a user who signed in with an API key). */
    public String open(String keyId) {
        return insert("session", keyId, SESSION_TTL);
    }

    /** The key a live session acts as; empty when the token is unknown, expired or its key revoked. */
    public Optional<ApiKey> find(String sessionToken) {
        Optional<String> keyId = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT key_id FROM dashboard_sessions WHERE token_hash = ? AND kind = 'session' AND expires_at > ?")) {
                ps.setString(1, hash(sessionToken));
                ps.setLong(2, clock.millis());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
        return keyId.flatMap(this::key).filter(k -> !k.revoked());
    }

    /** Ends a session (sign out). */
    public void end(String sessionToken) {
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM dashboard_sessions WHERE token_hash = ?")) {
                ps.setString(1, hash(sessionToken));
                return ps.executeUpdate();
            }
        });
    }

    /** Deletes expired links and sessions; returns how many. */
    public int purgeExpired() {
        return db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM dashboard_sessions WHERE expires_at <= ?")) {
                ps.setLong(1, clock.millis());
                return ps.executeUpdate();
            }
        });
    }

    /**
     * The token a write from this session must echo in {@code X-CSRF-Token}: derived from the session token (which
     * only the HttpOnly cookie holds), so nothing more is stored and another site can neither read nor forge it.
     */
    public static String csrfToken(String sessionToken) {
        return hash("csrf:" + sessionToken);
    }

    /** Constant-time comparison of two tokens. */
    static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private ApiKey dashboardKey() {
        // the key store has no lookup by name; keys are few, and this runs once per link
        return keys.list().stream().filter(k -> k.name().equals(DASHBOARD_KEY) && !k.revoked()).findFirst()
                .orElseGet(() -> keys.create(DASHBOARD_KEY, DASHBOARD_RATE_PER_MINUTE, io.pagelens.store.TenantScope.DEFAULT, true).key());
    }

    private Optional<ApiKey> key(String id) {
        return keys.list().stream().filter(k -> k.id().equals(id)).findFirst();
    }

    private String insert(String kind, String keyId, Duration ttl) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        long now = clock.millis();
        db.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dashboard_sessions (token_hash, kind, key_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, hash(token));
                ps.setString(2, kind);
                ps.setString(3, keyId);
                ps.setLong(4, now);
                ps.setLong(5, now + ttl.toMillis());
                return ps.executeUpdate();
            }
        });
        return token;
    }

    private static String hash(String token) {
        return ApiKeyStore.hash(token);
    }
}
