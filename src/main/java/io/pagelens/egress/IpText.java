package io.pagelens.egress;

import java.util.Optional;

/**
 * Strict IP address text, both ways. Parsing accepts only the forms a canonical URL host can hold: a dotted quad
 * of four decimal parts without leading zeros, and RFC 4291 IPv6 text (with an optional trailing dotted quad).
 * Number forms such as {@code 2130706434}, {@code 0x7f000002}, {@code 0177.0.0.2} or {@code 127.2} are not
 * parsed here: Chromium canonicalizes them before they reach the proxy, so meeting one means something
 * bypassed canonicalization, and {@link CanonicalHost} refuses it. Formatting follows RFC 5952.
 */
public final class IpText {
    private IpText() {
    }

    /** Four bytes of a strict dotted quad, or empty. */
    public static Optional<byte[]> parseV4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) return Optional.empty();
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) return Optional.empty();
            int v = 0;
            for (int j = 0; j < p.length(); j++) {
                char c = p.charAt(j);
                if (c < '0' || c > '9') return Optional.empty();
                v = v * 10 + (c - '0');
            }
            if (v > 255) return Optional.empty();
            out[i] = (byte) v;
        }
        return Optional.of(out);
    }

    /** Sixteen bytes of IPv6 text without brackets or zone, or empty. */
    public static Optional<byte[]> parseV6(String s) {
        if (s.isEmpty() || s.length() > 45) return Optional.empty();
        int lastColon = s.lastIndexOf(':');
        if (lastColon < 0) return Optional.empty();
        String text = s;
        byte[] quad = null;
        if (s.indexOf('.') >= 0) { // a trailing dotted quad stands for the last two groups
            Optional<byte[]> v4 = parseV4(s.substring(lastColon + 1));
            if (v4.isEmpty()) return Optional.empty();
            quad = v4.get();
            text = s.substring(0, lastColon + 1);
            if (!text.endsWith("::")) text = text.substring(0, text.length() - 1); // drop the separator
        }
        int wanted = quad == null ? 8 : 6;
        int[] head;
        int[] tail = new int[0];
        int dbl = text.indexOf("::");
        if (dbl >= 0) {
            if (text.indexOf("::", dbl + 1) >= 0) return Optional.empty();
            head = groups(text.substring(0, dbl));
            tail = groups(text.substring(dbl + 2));
            if (head == null || tail == null || head.length + tail.length > wanted - 1) return Optional.empty();
        } else {
            head = groups(text);
            if (head == null || head.length != wanted) return Optional.empty();
        }
        byte[] out = new byte[16];
        for (int i = 0; i < head.length; i++) put(out, i, head[i]);
        for (int i = 0; i < tail.length; i++) put(out, wanted - tail.length + i, tail[i]);
        if (quad != null) System.arraycopy(quad, 0, out, 12, 4);
        return Optional.of(out);
    }

    private static void put(byte[] out, int group, int value) {
        out[2 * group] = (byte) (value >> 8);
        out[2 * group + 1] = (byte) value;
    }

    /** Hex groups separated by single colons; empty text is zero groups; null when malformed. */
    private static int[] groups(String s) {
        if (s.isEmpty()) return new int[0];
        String[] parts = s.split(":", -1);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 4) return null;
            int v = 0;
            for (int j = 0; j < p.length(); j++) {
                int d = Character.digit(p.charAt(j), 16);
                if (d < 0) return null;
                v = v * 16 + d;
            }
            out[i] = v;
        }
        return out;
    }

    /** RFC 5952 text: dotted quad for 4 bytes; lowercase, longest zero run as "::" for 16 bytes. */
    public static String format(byte[] a) {
        if (a.length == 4) return (a[0] & 255) + "." + (a[1] & 255) + "." + (a[2] & 255) + "." + (a[3] & 255);
        if (a.length != 16) throw new IllegalArgumentException("not an IP address: " + a.length + " bytes");
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = ((a[2 * i] & 255) << 8) | (a[2 * i + 1] & 255);
        int bestStart = -1;
        int bestLen = 1; // a single zero group is not compressed
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
