package io.pagelens.egress;

import java.util.Locale;
import java.util.Optional;

/**
 * A host as a canonical URL carries it: a dotted quad, a bracketed IPv6 address (optionally with a zone), or a DNS
 * name of ASCII labels. Chromium canonicalizes every URL (WHATWG) before the proxy sees it, and the URL intake does
 * the same for the top level, so anything else here means a spelling that skipped canonicalization, and it is
 * refused instead of being guessed at: number forms of IPv4 ({@code 2130706434}, {@code 0x7f000002},
 * {@code 0177.0.0.2}, {@code 127.2}), unbracketed IPv6, percent signs, non-ASCII.
 *
 * @param text    the host, lowercased, brackets kept, one trailing dot dropped
 * @param address the address bytes of an IP literal (4 or 16), or null for a DNS name
 * @param zone    the zone id of a scoped IPv6 literal, or null
 */
public record CanonicalHost(String text, byte[] address, String zone) {
    private static final int MAX_NAME = 253;
    private static final int MAX_LABEL = 63;

    public boolean isLiteral() {
        return address != null;
    }

    /** Parses a host, or throws {@link IllegalArgumentException} saying why it is not canonical. */
    public static CanonicalHost parse(String raw) {
        if (raw == null || raw.isEmpty()) throw new IllegalArgumentException("the host is empty");
        if (raw.startsWith("[")) return bracketed(raw);
        if (raw.indexOf(':') >= 0) throw new IllegalArgumentException("'" + shown(raw) + "' is an IPv6 address without brackets");
        String s = raw.toLowerCase(Locale.ROOT);
        if (s.endsWith(".")) s = s.substring(0, s.length() - 1);
        if (s.isEmpty()) throw new IllegalArgumentException("the host is empty");
        String last = s.substring(s.lastIndexOf('.') + 1);
        if (endsInNumber(last)) {
            Optional<byte[]> v4 = IpText.parseV4(s);
            if (v4.isEmpty()) {
                throw new IllegalArgumentException("'" + shown(raw) + "' is a non-canonical IPv4 spelling (decimal, octal, hex or"
                        + " short forms are refused; write a dotted quad)");
            }
            return new CanonicalHost(s, v4.get(), null);
        }
        if (s.length() > MAX_NAME) throw new IllegalArgumentException("the host name is longer than " + MAX_NAME + " characters");
        for (String label : s.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > MAX_LABEL || !label.chars().allMatch(CanonicalHost::nameChar)) {
                throw new IllegalArgumentException("'" + shown(raw) + "' is not a canonical host name (ASCII letters, digits, '-'"
                        + " and '_' in dot-separated labels of 1 to 63 characters)");
            }
        }
        return new CanonicalHost(s, null, null);
    }

    private static CanonicalHost bracketed(String raw) {
        if (!raw.endsWith("]")) throw new IllegalArgumentException("'" + shown(raw) + "' has an unclosed '['");
        String inner = raw.substring(1, raw.length() - 1).toLowerCase(Locale.ROOT);
        String zone = null;
        int pct = inner.indexOf('%');
        if (pct >= 0) {
            zone = inner.substring(pct + 1);
            if (zone.startsWith("25")) zone = zone.substring(2); // "%25" is the URL form of "%"
            inner = inner.substring(0, pct);
            if (zone.isEmpty()) throw new IllegalArgumentException("'" + shown(raw) + "' has an empty zone id");
        }
        byte[] a = IpText.parseV6(inner)
                .orElseThrow(() -> new IllegalArgumentException("'" + shown(raw) + "' is not a valid IPv6 address"));
        return new CanonicalHost("[" + IpText.format(a) + (zone == null ? "" : "%" + zone) + "]", a, zone);
    }

    /** WHATWG's "ends in a number": a last label of digits, or 0x and hex digits, makes the host an IPv4 address. */
    private static boolean endsInNumber(String label) {
        if (label.isEmpty()) return false;
        if (label.chars().allMatch(c -> c >= '0' && c <= '9')) return true;
        return label.startsWith("0x") && label.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private static boolean nameChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    /** The raw host for a message: capped and with control characters replaced, as it comes from a page. */
    static String shown(String raw) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.length() && i < 100; i++) {
            char c = raw.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (raw.length() > 100) sb.append("...");
        return sb.toString();
    }
}
