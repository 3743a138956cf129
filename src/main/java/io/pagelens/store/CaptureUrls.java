package io.pagelens.store;

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
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) port = -1;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : removeDotSegments(url.getRawPath());
        StringBuilder s = new StringBuilder(scheme).append("://");
        if (url.getRawUserInfo() != null) s.append(url.getRawUserInfo()).append('@');
        s.append(host);
        if (port >= 0) s.append(':').append(port);
        s.append(normalizeEscapes(path));
        if (url.getRawQuery() != null) s.append('?').append(normalizeEscapes(url.getRawQuery()));
        if (url.getRawFragment() != null) s.append('#').append(normalizeEscapes(url.getRawFragment()));
        return s.toString();
    }

    /** RFC 3986 section 5.2.4 on the raw (still escaped) path; leading ".." segments are dropped, as browsers do. */
    static String removeDotSegments(String rawPath) {
        java.util.ArrayDeque<String> out = new java.util.ArrayDeque<>();
        String[] segments = rawPath.split("/", -1);
        for (int i = 1; i < segments.length; i++) { // segments[0] is "" before the leading "/"
            String seg = segments[i];
            boolean last = i == segments.length - 1;
            if (seg.equals(".")) {
                if (last) out.addLast("");
            } else if (seg.equals("..")) {
                out.pollLast();
                if (last) out.addLast("");
            } else {
                out.addLast(seg);
            }
        }
        return "/" + String.join("/", out);
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
