package io.pagelens.config;

/** A setting that cannot be used; the message names the variable to fix. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String key, String value, String problem) {
        super(key + "=" + mask(key, value) + ": " + problem);
    }

    public ConfigException(String key, String problem) {
        super(key + ": " + problem);
    }

    private static String mask(String key, String value) {
        String k = key.toUpperCase();
        boolean secret = k.contains("SECRET") || k.contains("PASSWORD") || k.contains("KEY") || k.endsWith("_URL");
        return secret ? "****" : value;
    }
}
