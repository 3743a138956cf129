package io.pagelens.api;

import io.pagelens.api.auth.ApiKey;

/**
 * Which rows of its tenant a key sees, for the resources a key starts (jobs, crawls, monitors): the ones it made,
 * and the tenant's ownerless ones (the CLI's); an admin key and open access see every one. The tenant itself is
 * checked with {@link Ctx#tenant()}; this narrows within it, and a row it does not see is not found (404).
 */
final class KeyRows {
    private KeyRows() {
    }

    /** The key whose rows a non-admin caller sees; null for an admin key and open access. */
    static String ownerFilter(Ctx ctx) {
        ApiKey key = ctx.principal();
        return key == null || key.admin() ? null : key.id();
    }

    /** Whether the caller sees a row of its tenant made by {@code rowOwner} (null: ownerless). */
    static boolean sees(Ctx ctx, String rowOwner) {
        String owner = ownerFilter(ctx);
        return owner == null || rowOwner == null || rowOwner.equals(owner);
    }
}
