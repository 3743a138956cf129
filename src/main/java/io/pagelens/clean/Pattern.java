package io.pagelens.clean;

/**
 * One non-host network rule's pattern in Adblock Plus syntax: {@code *} any characters, {@code ^} a separator (anything
 * but a letter, digit or {@code _-.%}) or the end, {@code ||} the start of the host or of one of its labels,
 * {@code |} at either end the URL's start or end. Matching is on the lower-cased URL.
 */
final class Pattern {
    final String text;
    final int options;
    private final String body;
    private final boolean hostAnchor;
    private final boolean startAnchor;
    private final boolean endAnchor;

    Pattern(String pattern, int options, String text) {
        this.text = text;
        this.options = options;
        String p = pattern;
        hostAnchor = p.startsWith("||");
        if (hostAnchor) p = p.substring(2);
        startAnchor = !hostAnchor && p.startsWith("|");
        if (startAnchor) p = p.substring(1);
        endAnchor = p.endsWith("|") && !p.endsWith("\\|");
        if (endAnchor) p = p.substring(0, p.length() - 1);
        while (p.startsWith("*")) p = p.substring(1);
        while (p.endsWith("*") && !endAnchor) p = p.substring(0, p.length() - 1);
        this.body = p;
    }

    static boolean tokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '%';
    }

    private static boolean separator(char c) {
        return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == '%');
    }

    /**
     * The longest run of token characters that a matching URL must hold as a whole token (bounded on both sides by a
     * literal separator, an anchor or {@code ^}), or null when there is none.
     */
    String token() {
        String best = null;
        int n = body.length();
        for (int s = 0; s < n; ) {
            while (s < n && !tokenChar(body.charAt(s))) s++;
            int e = s;
            while (e < n && tokenChar(body.charAt(e))) e++;
            if (e > s) {
                boolean left = s == 0 ? (hostAnchor || startAnchor) : body.charAt(s - 1) != '*' && !tokenChar(body.charAt(s - 1));
                boolean right = e == n ? endAnchor : body.charAt(e) != '*' && !tokenChar(body.charAt(e));
                // a hyphen or dot inside a literal bounds the URL's token too (tokens are runs of [a-z0-9%])
                if (left && right && e - s >= 2 && (best == null || e - s > best.length())) best = body.substring(s, e);
            }
            s = e;
        }
        return best;
    }

    boolean matches(String url, String host) {
        if (startAnchor) return matchAt(url, 0, 0);
        if (hostAnchor) {
            int hostStart = url.indexOf("://");
            if (hostStart < 0) return false;
            hostStart += 3;
            int hostEnd = hostStart + host.length();
            for (int i = hostStart; i <= hostEnd && i < url.length(); i++) {
                if ((i == hostStart || url.charAt(i - 1) == '.') && matchAt(url, i, 0)) return true;
            }
            return false;
        }
        for (int i = 0; i <= url.length(); i++) if (matchAt(url, i, 0)) return true;
        return false;
    }

    /** Whether body[pi..] matches url from ui (to the end when end-anchored). */
    private boolean matchAt(String url, int ui, int pi) {
        int n = url.length();
        while (pi < body.length()) {
            char c = body.charAt(pi);
            if (c == '*') {
                for (int k = ui; k <= n; k++) if (matchAt(url, k, pi + 1)) return true;
                return false;
            }
            if (c == '^') {
                if (ui == n) {
                    pi++;
                    continue; // ^ matches the end
                }
                if (!separator(url.charAt(ui))) return false;
            } else if (ui >= n || url.charAt(ui) != c) {
                return false;
            }
            ui++;
            pi++;
        }
        return !endAnchor || ui == n;
    }
}
