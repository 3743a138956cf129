package io.pagelens.store;

import io.pagelens.url.WebUrl;

import java.net.URI;
import java.util.Locale;

/**
 * Normalises a capture URL for the capture key, conservatively: two URLs that normalise alike must render alike.
 * So: lower-case scheme and host, no default port, {@code /} for an empty path, dot segments resolved, percent
 * escapes in upper case and unreserved characters decoded. Unlike a crawler's normaliser (crawler-commons sorts
 * query parameters and drops the fragment) the query order and the fragment are kept: single-page apps route on
 * {@code #/...} and some servers read parameters in order, so dropping or reordering could merge two different pages.
 */
public final class CaptureUrls {
    private CaptureUrls() {
    }

    public static String normalize(URI url) {
        // read the WHATWG way: java.net.URI has no host, port or user info for names like my_host.example
        WebUrl w = WebUrl.from(url);
        StringBuilder s = new StringBuilder(w.scheme()).append("://");
        if (w.hasCredentials()) {
            s.append(w.username());
            if (!w.password().isEmpty()) s.append(':').append(w.password());
            s.append('@');
        }
        s.append(w.hostname());
        if (w.port() >= 0) s.append(':').append(w.port());
        s.append(normalizeEscapes(w.path())); // dot segments (also %2e ones) are already resolved by the parser
        if (w.hasQuery()) s.append('?').append(normalizeEscapes(w.query()));
        if (w.hasFragment()) s.append('#').append(normalizeEscapes(w.fragment()));
        return s.toString();
    }

    /** %7e becomes ~, %3a stays %3A: the same URL escaped in different ways gets one key. */
    private static String normalizeEscapes(String s) {
        if (s.indexOf('%') < 0) return s;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                int v = Integer.parseInt(s.substring(i + 1, i + 3), 16);
                if (isUnreserved(v)) out.append((char) v);
                else out.append('%').append(s.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
