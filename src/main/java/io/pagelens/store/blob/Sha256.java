package io.pagelens.store.blob;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** SHA-256 helpers: every blob is named by the lower-case hex digest of its bytes. */
public final class Sha256 {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private Sha256() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    public static String of(String text) {
        return hex(newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static boolean isValid(String s) {
        return s != null && HEX64.matcher(s).matches();
    }

    /** Rejects anything that is not 64 lower-case hex digits, so a hash can never become a path or key trick. */
    public static String require(String s) {
        if (!isValid(s)) throw new IllegalArgumentException("not a SHA-256 hex digest: '" + s + "'");
        return s;
    }
}
