package io.pagelens.url;

/**
 * The WHATWG host parser for special schemes: {@code [IPv6]}, else percent-decode, domain to ASCII, the forbidden
 * domain code points, and IPv4 when the name "ends in a number" ({@code 0x7f.1}, {@code 2130706433}).
 */
final class HostParser {
    /** Forbidden domain code points below 128: C0 controls, space, DEL and {@code #%/:<>?@[\]^|}. */
    private static final PercentEncoding.EncodeSet FORBIDDEN_DOMAIN = PercentEncoding.C0_CONTROL.plus(" #%/:<>?@[\\]^|");
    private static final long TOO_BIG = 1L << 40; // IPv4 numbers saturate here: anything over 2^32 fails anyway

    private final DomainToAscii idna;

    HostParser(DomainToAscii idna) {
        this.idna = idna;
    }

    /** Parses {@code input.substring(start, end)}, which is not empty. */
    Host parse(String input, int start, int end) {
        if (input.charAt(start) == '[') {
            if (input.charAt(end - 1) != ']' || end - start < 2) {
                throw new UrlException(UrlPart.HOST, "'" + Chars.shown(input.substring(start, end)) + "' is missing the closing ']' of an IPv6 address");
            }
            return parseIpv6(input, start + 1, end - 1);
        }
        String raw = input.substring(start, end);
        String ascii = toAscii(raw);
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (FORBIDDEN_DOMAIN.contains(c)) {
                throw new UrlException(UrlPart.HOST, "'" + Chars.shown(raw) + "' contains a forbidden character " + Chars.describe(c));
            }
        }
        if (endsInANumber(ascii)) return new Host.Ipv4(parseIpv4(ascii, raw));
        return new Host.Domain(ascii);
    }

    /**
     * Domain to ASCII with beStrict false. An ASCII domain is only lower-cased, whatever UTS #46 would say of its
     * {@code xn--} labels: the standard passes them through for web compatibility (whatwg/url#914, the WPT section
     * "Domain is ASCII, but a label is invalid IDNA"). That is also the fast path: no IDNA work for most hosts.
     */
    private String toAscii(String raw) {
        String domain = raw.indexOf('%') < 0 ? raw : PercentEncoding.decodeToString(raw);
        String ascii = isAscii(domain) ? domain.toLowerCase(java.util.Locale.ROOT) : idna.toAscii(domain, Chars.shown(raw));
        if (ascii.isEmpty()) throw new UrlException(UrlPart.HOST, "'" + Chars.shown(raw) + "' is empty once mapped for IDNA");
        return ascii;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) return false;
        }
        return true;
    }

    /** The "ends in a number" checker: the last label (ignoring one trailing dot) is digits or an IPv4 number. */
    static boolean endsInANumber(String s) {
        int end = s.length();
        if (end > 0 && s.charAt(end - 1) == '.') end--; // an empty last part is dropped
        int start = s.lastIndexOf('.', end - 1) + 1;
        if (start >= end) return false;
        boolean digits = true;
        for (int i = start; i < end && digits; i++) digits = s.charAt(i) >= '0' && s.charAt(i) <= '9';
        return digits || ipv4Number(s, start, end) >= 0;
    }

    /** The IPv4 number parser: decimal, {@code 0x} hex, leading-{@code 0} octal; -1 for failure. */
    static long ipv4Number(String s, int start, int end) {
        if (start == end) return -1;
        int radix = 10;
        if (end - start >= 2 && s.charAt(start) == '0' && (s.charAt(start + 1) | 0x20) == 'x') {
            start += 2;
            radix = 16;
        } else if (end - start >= 2 && s.charAt(start) == '0') {
            start++;
            radix = 8;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            int d = Character.digit(s.charAt(i), radix);
            if (d < 0 || s.charAt(i) >= 128) return -1;
            value = Math.min(TOO_BIG, value * radix + d);
        }
        return value;
    }

    /** The IPv4 parser: one to four numbers, the last filling the remaining bytes. */
    private static int parseIpv4(String s, String raw) {
        int end = s.length();
        if (s.charAt(end - 1) == '.') end--; // one trailing dot is allowed (endsInANumber made sure there is more)
        long[] numbers = new long[4];
        int count = 0;
        for (int start = 0; start <= end; ) {
            int dot = s.indexOf('.', start);
            if (dot < 0 || dot > end) dot = end;
            if (count == 4) throw ipv4Error(raw, "it has more than four parts");
            long n = ipv4Number(s, start, dot);
            if (n < 0) throw ipv4Error(raw, "'" + Chars.shown(s.substring(start, dot)) + "' is not a decimal, octal or hex number");
            numbers[count++] = n;
            start = dot + 1;
        }
        for (int i = 0; i < count - 1; i++) {
            if (numbers[i] > 255) throw ipv4Error(raw, "part " + (i + 1) + " is " + numbers[i] + ", over 255");
        }
        long last = numbers[count - 1];
        long limit = 1L << (8 * (5 - count));
        if (last >= limit) throw ipv4Error(raw, "the last part is " + (last >= TOO_BIG ? "too large" : last) + ", over " + (limit - 1));
        long address = last;
        for (int i = 0; i < count - 1; i++) address += numbers[i] << (8 * (3 - i));
        return (int) address;
    }

    private static UrlException ipv4Error(String raw, String why) {
        return new UrlException(UrlPart.HOST, "'" + Chars.shown(raw) + "' is not a valid IPv4 address: " + why);
    }

    /** The IPv6 parser, on the text between the brackets. */
    private static Host.Ipv6 parseIpv6(String s, int start, int end) {
        int[] address = new int[8];
        int pieceIndex = 0, compress = -1, p = start;
        if (p < end && s.charAt(p) == ':') {
            if (p + 1 >= end || s.charAt(p + 1) != ':') throw ipv6Error(s, start, end, "it starts with a single ':'");
            p += 2;
            compress = ++pieceIndex;
        }
        while (p < end) {
            if (pieceIndex == 8) throw ipv6Error(s, start, end, "it has more than eight pieces");
            if (s.charAt(p) == ':') {
                if (compress >= 0) throw ipv6Error(s, start, end, "'::' appears twice");
                p++;
                compress = ++pieceIndex;
                continue;
            }
            int value = 0, length = 0;
            while (length < 4 && p < end && PercentEncoding.isHex(s.charAt(p))) {
                value = value * 16 + PercentEncoding.hexValue(s.charAt(p));
                p++;
                length++;
            }
            if (p < end && s.charAt(p) == '.') {
                if (length == 0) throw ipv6Error(s, start, end, "an embedded IPv4 address starts with '.'");
                p -= length;
                if (pieceIndex > 6) throw ipv6Error(s, start, end, "there is no room for an embedded IPv4 address");
                int numbersSeen = 0;
                while (p < end) {
                    int ipv4Piece = -1;
                    if (numbersSeen > 0) {
                        if (s.charAt(p) == '.' && numbersSeen < 4) p++;
                        else throw ipv6Error(s, start, end, "the embedded IPv4 address is malformed");
                    }
                    if (p >= end || s.charAt(p) < '0' || s.charAt(p) > '9') throw ipv6Error(s, start, end, "the embedded IPv4 address is malformed");
                    while (p < end && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
                        int number = s.charAt(p) - '0';
                        if (ipv4Piece == -1) ipv4Piece = number;
                        else if (ipv4Piece == 0) throw ipv6Error(s, start, end, "the embedded IPv4 address has a leading zero");
                        else ipv4Piece = ipv4Piece * 10 + number;
                        if (ipv4Piece > 255) throw ipv6Error(s, start, end, "the embedded IPv4 address has a part over 255");
                        p++;
                    }
                    address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
                    numbersSeen++;
                    if (numbersSeen == 2 || numbersSeen == 4) pieceIndex++;
                }
                if (numbersSeen != 4) throw ipv6Error(s, start, end, "the embedded IPv4 address has fewer than four parts");
                break;
            } else if (p < end && s.charAt(p) == ':') {
                p++;
                if (p >= end) throw ipv6Error(s, start, end, "it ends with a single ':'");
            } else if (p < end) {
                throw ipv6Error(s, start, end, "it contains " + Chars.describe(s.codePointAt(p)));
            }
            address[pieceIndex++] = value;
        }
        if (compress >= 0) {
            int swaps = pieceIndex - compress;
            pieceIndex = 7;
            while (pieceIndex != 0 && swaps > 0) {
                int t = address[pieceIndex];
                address[pieceIndex] = address[compress + swaps - 1];
                address[compress + swaps - 1] = t;
                pieceIndex--;
                swaps--;
            }
        } else if (pieceIndex != 8) {
            throw ipv6Error(s, start, end, "it has fewer than eight pieces and no '::'");
        }
        long high = 0, low = 0;
        for (int i = 0; i < 4; i++) {
            high = high << 16 | address[i];
            low = low << 16 | address[4 + i];
        }
        return new Host.Ipv6(high, low);
    }

    private static UrlException ipv6Error(String s, int start, int end, String why) {
        return new UrlException(UrlPart.HOST, "'[" + Chars.shown(s.substring(start, end)) + "]' is not a valid IPv6 address: " + why);
    }
}
