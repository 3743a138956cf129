package io.pagelens.store;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Text ids made in Java, so the schema needs no dialect-specific identity columns: a type prefix, the creation time
 * in milliseconds (hex, so ids sort by creation) and 64 random bits. Example: {@code cap_019b2c3d4e5f_8a7b...}.
 */
final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private Ids() {
    }

    static String next(String prefix, long epochMillis) {
        byte[] r = new byte[8];
        RANDOM.nextBytes(r);
        return prefix + "_" + String.format("%012x", epochMillis) + HEX.formatHex(r);
    }
}
