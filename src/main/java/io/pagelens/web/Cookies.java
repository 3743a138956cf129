package io.pagelens.web;

import io.pagelens.api.Ctx;

import java.util.Optional;

/** Reads a request cookie and writes the session cookie's attributes in one place. */
final class Cookies {
    private Cookies() {
    }

    /** The value of cookie {@code name}, from every {@code Cookie} header of the request. */
    static Optional<String> value(Ctx ctx, String name) {
        // HTTP/1.1 browsers send all cookies in one header
        for (String header : ctx.header("Cookie").stream().toList()) {
            for (String part : header.split(";")) {
                String p = part.trim();
                int eq = p.indexOf('=');
                if (eq > 0 && p.substring(0, eq).equals(name) && eq + 1 < p.length()) return Optional.of(p.substring(eq + 1));
            }
        }
        return Optional.empty();
    }

    /**
     * The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Path=/;
     * Secure when the request came over HTTPS (directly or through a proxy that says so).
     */
    static String session(Ctx ctx, String token, long maxAgeSeconds) {
        boolean https = ctx.header("X-Forwarded-Proto").map(p -> p.equalsIgnoreCase("https")).orElse(false);
        return SessionGuard.COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + maxAgeSeconds + (https ? "; Secure" : "");
    }
}
