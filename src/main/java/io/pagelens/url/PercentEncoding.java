package io.pagelens.url;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The WHATWG percent-encode sets as bit masks over ASCII (every code point above U+007E is in every set), UTF-8
 * percent-encoding into a builder, and percent-decoding. One mask test per character, no regex, no per-call objects.
 */
final class PercentEncoding {
    /** A percent-encode set: bits 0-63 and 64-127 of the ASCII code points it contains. */
    record EncodeSet(long low, long high) {
        boolean contains(int c) {
            if (c >= 128) return true;
            return c < 64 ? (low >>> c & 1) != 0 : (high >>> (c - 64) & 1) != 0;
        }

        EncodeSet plus(String chars) {
            long l = low, h = high;
            for (int i = 0; i < chars.length(); i++) {
                char c = chars.charAt(i);
                if (c < 64) l |= 1L << c;
                else h |= 1L << (c - 64);
            }
            return new EncodeSet(l, h);
        }
    }

    /** C0 controls, U+007F and above. */
    static final EncodeSet C0_CONTROL = new EncodeSet(0xFFFF_FFFFL, 1L << (0x7F - 64));
    static final EncodeSet FRAGMENT = C0_CONTROL.plus(" \"<>`");
    static final EncodeSet QUERY = C0_CONTROL.plus(" \"#<>");
    static final EncodeSet SPECIAL_QUERY = QUERY.plus("'");
    static final EncodeSet PATH = QUERY.plus("?^`{}");
    static final EncodeSet USERINFO = PATH.plus("/:;=@[\\]|");

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /**
     * Appends {@code s.charAt(i)} (with its low surrogate when it starts a pair) percent-encoded with {@code set}
     * and returns the index of the last char used. Unpaired surrogates must have been replaced before.
     */
    static int appendEncoded(StringBuilder out, CharSequence s, int i, EncodeSet set) {
        char c = s.charAt(i);
        if (c < 128) {
            if (set.contains(c)) appendByte(out, c);
            else out.append(c);
            return i;
        }
        int cp = c;
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            cp = Character.toCodePoint(c, s.charAt(++i));
        }
        appendUtf8(out, cp);
        return i;
    }

    /** Appends every char of {@code s} from {@code start} to {@code end}, percent-encoded with {@code set}. */
    static void appendEncoded(StringBuilder out, CharSequence s, int start, int end, EncodeSet set) {
        for (int i = start; i < end; i++) i = appendEncoded(out, s, i, set);
    }

    private static void appendUtf8(StringBuilder out, int cp) {
        if (cp < 0x800) {
            appendByte(out, 0xC0 | cp >> 6);
        } else if (cp < 0x10000) {
            appendByte(out, 0xE0 | cp >> 12);
            appendByte(out, 0x80 | (cp >> 6 & 0x3F));
        } else {
            appendByte(out, 0xF0 | cp >> 18);
            appendByte(out, 0x80 | (cp >> 12 & 0x3F));
            appendByte(out, 0x80 | (cp >> 6 & 0x3F));
        }
        appendByte(out, 0x80 | (cp & 0x3F));
    }

    static void appendByte(StringBuilder out, int b) {
        out.append('%').append(HEX[b >> 4 & 0xF]).append(HEX[b & 0xF]);
    }

    static boolean isHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static int hexValue(int c) {
        return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    }

    /**
     * The WHATWG "percent-decode" of a string (UTF-8 encode, turn each {@code %XX} into its byte, keep a lone
     * {@code %}), then "UTF-8 decode without BOM": malformed sequences become U+FFFD.
     */
    static String decodeToString(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length);
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b == '%' && i + 2 < utf8.length && isHex(utf8[i + 1]) && isHex(utf8[i + 2])) {
                out.write(hexValue(utf8[i + 1]) << 4 | hexValue(utf8[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8); // "without BOM": a leading U+FEFF is kept (IDNA ignores it)
    }
}
