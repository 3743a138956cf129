package io.pagelens.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.pagelens.api.ApiException;
import io.pagelens.api.Ctx;
import io.pagelens.api.RequestGuard;
import io.pagelens.api.auth.ApiKey;

import java.time.Duration;
import java.util.Optional;

/**
 * API keys for programs, the session cookie for the dashboard. A request with an {@code Authorization} header goes
 * to the key guard as before; one without it may carry the dashboard's session cookie, and then acts as the
 * session's key. A write (anything but GET/HEAD) on a session must also carry {@code X-CSRF-Token}: the cookie is
 * SameSite=Strict already, and the token makes a forged cross-site write fail even in a browser that ignores that.
 */
public final class SessionGuard implements RequestGuard {
    public static final String COOKIE = "pl_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** How long a looked-up session is trusted before the store is asked again (sign-out elsewhere takes this long). */
    static final Duration LOOKUP_TTL = Duration.ofSeconds(5);

    private final RequestGuard keys;
    private final DashboardSessions sessions;
    private final Cache<String, Optional<ApiKey>> lookups = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterWrite(LOOKUP_TTL).build();

    public SessionGuard(RequestGuard keys, DashboardSessions sessions) {
        this.keys = keys;
        this.sessions = sessions;
    }

    @Override
    public Object authorize(Ctx ctx) throws ApiException {
        if (ctx.header("Authorization").isPresent()) return keys.authorize(ctx);
        Optional<String> token = Cookies.value(ctx, COOKIE);
        if (token.isEmpty()) return keys.authorize(ctx); // its 401 says how to send a key
        ApiKey key = session(token.get()).orElseThrow(() ->
                new ApiException(401, "unauthorized", "your dashboard session has ended; sign in again"));
        if (!ctx.method().equals("GET") && !ctx.method().equals("HEAD")
                && !DashboardSessions.same(ctx.header(CSRF_HEADER).orElse(null), DashboardSessions.csrfToken(token.get()))) {
            throw new ApiException(403, "csrf", "this write did not come from the dashboard page (missing or wrong " + CSRF_HEADER + "); reload the page");
        }
        return key;
    }

    /** The live session's key, cached for a few seconds. */
    Optional<ApiKey> session(String token) {
        return lookups.get(token, sessions::find);
    }

    /** Forgets a session at once (sign-out on this process). */
    void forget(String token) {
        lookups.invalidate(token);
    }
}
