package io.pagelens.store;

import io.pagelens.config.ConfigException;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where the database is: a JDBC URL plus credentials, parsed from {@code DATABASE_URL}.
 * Accepts Heroku's {@code postgres://user:pass@host:port/db?params}, {@code postgresql://...}, and JDBC URLs
 * ({@code jdbc:postgresql://...}, {@code jdbc:sqlite:FILE}) as they are.
 *
 * @param user     null when the URL carries none (JDBC form with credentials in its parameters, or SQLite)
 * @param password null when the URL carries none
 */
public record DatabaseUrl(Dialect dialect, String jdbcUrl, String user, String password) {
    static final String KEY = "DATABASE_URL";

    public DatabaseUrl {
        if (jdbcUrl == null || jdbcUrl.isBlank()) throw new IllegalArgumentException("jdbcUrl is required");
    }

    /** Parses a DATABASE_URL value; the error names {@code DATABASE_URL} and never shows the password. */
    public static DatabaseUrl parse(String raw) {
        String s = raw == null ? "" : raw.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) return new DatabaseUrl(Dialect.POSTGRES, s, null, null);
        if (lower.startsWith("jdbc:sqlite:")) return new DatabaseUrl(Dialect.SQLITE, s, null, null);
        if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) return fromHeroku(s);
        throw new ConfigException(KEY, s, "expected postgres://user:pass@host:port/db, jdbc:postgresql://... or jdbc:sqlite:FILE");
    }

    /** The embedded default: a SQLite file. */
    public static DatabaseUrl sqlite(java.nio.file.Path file) {
        return new DatabaseUrl(Dialect.SQLITE, "jdbc:sqlite:" + file.toAbsolutePath(), null, null);
    }

    private static DatabaseUrl fromHeroku(String s) {
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new ConfigException(KEY, s, "is not a valid URL: " + e.getReason());
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) throw new ConfigException(KEY, s, "has no host");
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.length() <= 1) throw new ConfigException(KEY, s, "has no database name (postgres://user:pass@host:port/DB)");
        String user = null;
        String password = null;
        String info = uri.getRawUserInfo();
        if (info != null && !info.isEmpty()) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(host);
        if (uri.getPort() > 0) jdbc.append(':').append(uri.getPort());
        jdbc.append(path);
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) jdbc.append('?').append(uri.getRawQuery());
        return new DatabaseUrl(Dialect.POSTGRES, jdbc.toString(), user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        String safeUrl = jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1****");
        return "DatabaseUrl[" + dialect + " " + safeUrl + (user == null ? "" : " user=" + user) + "]";
    }
}
