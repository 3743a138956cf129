package io.pagelens.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of Heroku-style environment variables. Every setting pagelens reads goes through here,
 * so a bad value stops startup with an error that names the variable. All keys are documented in
 * {@code docs/configuration.md}.
 */
public final class Env {
    private final Map<String, String> vars;

    public Env(Map<String, String> vars) {
        this.vars = Map.copyOf(vars);
    }

    public static Env system() {
        return new Env(System.getenv());
    }

    public Optional<String> string(String key) {
        String v = vars.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    public String string(String key, String dflt) {
        return string(key).orElse(dflt);
    }

    public int integer(String key, int dflt, int min, int max) {
        return string(key).map(v -> {
            try {
                int n = Integer.parseInt(v);
                if (n < min || n > max) {
                    throw new ConfigException(key, v, "must be between " + min + " and " + max);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new ConfigException(key, v, "must be a whole number");
            }
        }).orElse(dflt);
    }

    public boolean bool(String key, boolean dflt) {
        return string(key).map(v -> switch (v.toLowerCase()) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new ConfigException(key, v, "must be true or false");
        }).orElse(dflt);
    }

    /** Durations as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, or a bare number of seconds. */
    public Duration duration(String key, Duration dflt) {
        return string(key).map(v -> parseDuration(key, v)).orElse(dflt);
    }

    static Duration parseDuration(String key, String v) {
        String s = v.toLowerCase();
        try {
            if (s.endsWith("ms")) return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            if (s.endsWith("s")) return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
            if (s.endsWith("m")) return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
            if (s.endsWith("h")) return Duration.ofHours(Long.parseLong(s.substring(0, s.length() - 1)));
            return Duration.ofSeconds(Long.parseLong(s));
        } catch (NumberFormatException e) {
            throw new ConfigException(key, v, "must be a duration such as 500ms, 30s, 5m or 1h");
        }
    }
}
