package io.pagelens.web;

import io.pagelens.api.auth.ApiKeyStore;

/**
 * How people get into the dashboard: with sessions (keyed servers) or without (PAGELENS_AUTH=none, where every
 * request is let in and the dashboard needs no sign-in).
 *
 * @param sessions login links and sessions; null for open access
 * @param guard    the guard the server checks requests with (reads and caches sessions); null for open access
 * @param keys     the key store, to sign in with an API key; null for open access
 */
public record WebAccess(DashboardSessions sessions, SessionGuard guard, ApiKeyStore keys) {
    /** PAGELENS_AUTH=none, and tests of the pages alone. */
    public static final WebAccess OPEN = new WebAccess(null, null, null);

    public boolean open() {
        return sessions == null;
    }
}
