package io.pagelens.store;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Text ids made in Java, so the schema needs no dialect-specific identity columns: a type prefix, the creation time
 * in milliseconds and a per-process sequence (hex, so ids sort by creation and keyset pagination follows creation
 * order), then 48 random bits so processes sharing a database never collide. Example: {@code cap_019b2c3d4e5f0000a1b2c3d4e5f6}.
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    private static long lastMillis;
    private static int sequence;

    private Ids() {
    }

    public static String next(String prefix, long epochMillis) {
        long millis;
        int seq;
        synchronized (Ids.class) {
            if (epochMillis > lastMillis) {
                lastMillis = epochMillis;
                sequence = 0;
            } else if (++sequence > 0xffff) { // 65,536 ids in one millisecond: borrow the next one
                lastMillis++;
                sequence = 0;
            }
            millis = lastMillis;
            seq = sequence;
        }
        byte[] r = new byte[6];
        RANDOM.nextBytes(r);
        return prefix + "_" + String.format("%012x%04x", millis, seq) + HEX.formatHex(r);
    }
}
