package io.pagelens.api.auth;

import io.pagelens.config.ConfigException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An API key declared in {@code PAGELENS_API_KEYS}, so a dyno or container starts with keys its operator chose
 * (no first-start key to fish out of a log). The variable holds comma-separated entries
 * {@code NAME:TOKEN[:rate=N]}: a name (1–200 characters, no {@code :} or {@code ,}), a token of 24–200 characters
 * from {@code A-Z a-z 0-9 _ - . ~} (e.g. {@code openssl rand -hex 32}), and optionally its requests per minute
 * (default {@code PAGELENS_RATE_LIMIT}); blank entries are skipped. The token is hashed as soon as it is read; only the hash is kept, and
 * errors name the entry by position and name, never the token.
 *
 * @param name          the key's name, as {@code pagelens keys list} shows it
 * @param secretHash    SHA-256 of the token, as {@code api_keys.secret_hash} stores it
 * @param ratePerMinute requests per minute
 */
public record SeedKey(String name, String secretHash, int ratePerMinute) {
    public static final String VARIABLE = "PAGELENS_API_KEYS";
    /** Seeded keys are stored under this id prefix, so a restart can tell them from keys made with {@code pagelens keys}. */
    static final String ID_PREFIX = "key_env_";
    static final int MIN_TOKEN = 24;
    static final int MAX_TOKEN = 200;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.~-]+");

    /** The stored id: stable for one token, so restarts upsert instead of adding keys. */
    public String id() {
        return ID_PREFIX + secretHash.substring(0, 16);
    }

    /** The entries of {@code PAGELENS_API_KEYS}; empty for an unset or blank variable. */
    public static List<SeedKey> parse(String value, int defaultRate) {
        List<SeedKey> out = new ArrayList<>();
        if (value == null || value.isBlank()) return out;
        Set<String> names = new HashSet<>();
        Set<String> hashes = new HashSet<>();
        String[] entries = value.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            String where = "entry " + (i + 1);
            if (entry.isEmpty()) continue; // a trailing or doubled comma, as env files often have
            String[] parts = entry.split(":", -1);
            if (parts.length < 2) throw problem(where + " has no token: write NAME:TOKEN[:rate=N]");
            String name = parts[0].trim();
            if (name.isEmpty() || name.length() > 200) throw problem(where + ": the name must be 1 to 200 characters");
            where += " ('" + name + "')";
            String token = parts[1].trim();
            if (token.length() < MIN_TOKEN || token.length() > MAX_TOKEN || !TOKEN.matcher(token).matches()) {
                throw problem(where + ": the token must be " + MIN_TOKEN + " to " + MAX_TOKEN
                        + " characters of A-Z a-z 0-9 _ - . ~ (e.g. openssl rand -hex 32)");
            }
            int rate = defaultRate;
            for (int p = 2; p < parts.length; p++) rate = attribute(where, parts[p].trim());
            if (!names.add(name)) throw problem(where + ": the name is used twice");
            String hash = ApiKeyStore.hash(token);
            if (!hashes.add(hash)) throw problem(where + ": the same token is used twice");
            out.add(new SeedKey(name, hash, rate));
        }
        return List.copyOf(out);
    }

    private static int attribute(String where, String attr) {
        int eq = attr.indexOf('=');
        String k = eq < 0 ? attr : attr.substring(0, eq).trim();
        if (!k.equals("rate") || eq < 0) throw problem(where + ": unknown attribute '" + k + "' (known: rate=N)");
        try {
            int n = Integer.parseInt(attr.substring(eq + 1).trim());
            if (n >= 1 && n <= 100_000) return n;
        } catch (NumberFormatException e) {
            // the message below
        }
        throw problem(where + ": rate must be a whole number of requests per minute, 1 to 100000");
    }

    private static ConfigException problem(String what) {
        return new ConfigException(VARIABLE, what);
    }

    @Override
    public String toString() {
        return "SeedKey[" + name + ", " + id() + ", " + ratePerMinute + "/min]";
    }
}
