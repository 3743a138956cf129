package io.pagelens.api.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The keys a keyed server starts with. Seeds from {@code PAGELENS_API_KEYS} are upserted (same token: same key;
 * a new name or rate is applied), and seeded keys no longer listed are revoked, so removing an entry or rotating
 * its token takes effect at the next start. A seeded key revoked with {@code pagelens keys revoke} stays revoked.
 * <p>A first key named {@code default} is created only when no seed is declared and the store has never held a
 * key, and only when the caller can show it where no log drain reads it (a terminal); otherwise the log says how
 * to make one.
 */
public final class KeyBootstrap {
    private static final Logger log = LoggerFactory.getLogger(KeyBootstrap.class);

    private KeyBootstrap() {
    }

    /** Applies the seeds; returns the token of a newly created first key, if one was made. */
    public static Optional<String> prepare(ApiKeyStore keys, List<SeedKey> seeds, int defaultRate, boolean canShowFirstKey) {
        for (SeedKey s : seeds) {
            if (keys.seed(s)) {
                log.atWarn().addKeyValue("key", s.id()).addKeyValue("name", s.name())
                        .log("seeded API key was revoked and stays revoked: give it a new token in PAGELENS_API_KEYS");
            }
        }
        Set<String> ids = seeds.stream().map(SeedKey::id).collect(Collectors.toSet());
        int revoked = keys.revokeSeededExcept(ids);
        if (!seeds.isEmpty() || revoked > 0) {
            log.atInfo().addKeyValue("seeded", seeds.size()).addKeyValue("revoked", revoked).log("API keys from PAGELENS_API_KEYS");
        }
        if (!seeds.isEmpty() || !keys.isEmpty()) return Optional.empty();
        if (!canShowFirstKey) {
            log.atWarn().log("no API key exists and there is no terminal to show a new one on: set PAGELENS_API_KEYS "
                    + "(NAME:TOKEN, comma-separated) or run 'pagelens keys create --name NAME' against this database");
            return Optional.empty();
        }
        return Optional.of(keys.create("default", defaultRate).token());
    }
}
