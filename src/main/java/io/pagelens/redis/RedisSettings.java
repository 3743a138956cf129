package io.pagelens.redis;

import io.pagelens.config.ConfigException;
import io.pagelens.config.Env;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code REDIS_URL} ({@code redis://} or TLS {@code rediss://}, as Heroku Redis gives it) and
 * {@code PAGELENS_REDIS_TLS_VERIFY} (default true; false accepts the self-signed certificate Heroku Redis presents).
 * Unset: no Redis, and what it would share comes from PostgreSQL (or stays in the one SQLite process).
 */
public record RedisSettings(URI uri, boolean verifyTls) {
    public static final String URL_VAR = "REDIS_URL";
    public static final String VERIFY_VAR = "PAGELENS_REDIS_TLS_VERIFY";

    public static Optional<RedisSettings> fromEnv(Env env) {
        Optional<String> raw = env.string(URL_VAR).map(String::trim).filter(s -> !s.isEmpty());
        if (raw.isEmpty()) return Optional.empty();
        URI uri;
        try {
            uri = new URI(raw.get());
        } catch (URISyntaxException e) {
            throw new ConfigException(URL_VAR, "is not a valid URL (expected redis://[:password@]host:port or rediss://...)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new ConfigException(URL_VAR, "must start with redis:// or rediss:// (TLS), was " + scheme + "://");
        }
        if (uri.getHost() == null) throw new ConfigException(URL_VAR, "has no host");
        return Optional.of(new RedisSettings(uri, env.bool(VERIFY_VAR, true)));
    }

    public boolean tls() {
        return uri.getScheme().equalsIgnoreCase("rediss");
    }

    /** host:port, never the password. */
    public String describe() {
        return (tls() ? "rediss://" : "redis://") + uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort());
    }
}
