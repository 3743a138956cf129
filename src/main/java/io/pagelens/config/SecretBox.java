package io.pagelens.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Encryption of secrets at rest (a capture job's header and cookie values): AES-256-GCM with a random 96-bit nonce per
 * value, so equal secrets never look alike and a changed byte fails to open instead of decrypting to garbage.
 * <p>The key is {@code PAGELENS_SECRET_KEY} (32 bytes as base64 or hex; a bad value stops startup naming the variable).
 * Unset, the embedded default generates one on first use into the data folder ({@value #KEY_FILE}, mode 0600) and
 * reads it from there afterwards; processes that share a database but not a disk (web and worker dynos) must be given
 * the same {@code PAGELENS_SECRET_KEY}. Sealed text is {@code v1:} + base64(nonce + ciphertext + tag).
 * <pre>{@code
 * SecretBox box = SecretBox.fromEnv(env, () -> Database.dataFolder(env));
 * String sealed = box.seal("Bearer ...".getBytes(UTF_8), "capture-order");
 * byte[] plain = box.open(sealed, "capture-order");     // SecretException if the key differs
 * }</pre>
 */
public final class SecretBox {
    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    public static final String KEY_VAR = "PAGELENS_SECRET_KEY";
    public static final String KEY_FILE = "secret.key";
    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String PREFIX = "v1:";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final SecureRandom random = new SecureRandom();
    private final Supplier<Path> keyFile; // null when the key was given
    private SecretKeySpec key;            // guarded by this; loaded on first use when from a file

    private SecretBox(SecretKeySpec key, Supplier<Path> keyFile) {
        this.key = key;
        this.keyFile = keyFile;
    }

    /** A box over a given 32-byte key (tests, tools). */
    public static SecretBox of(byte[] key) {
        if (key.length != KEY_BYTES) throw new IllegalArgumentException("key must be " + KEY_BYTES + " bytes, was " + key.length);
        return new SecretBox(new SecretKeySpec(key.clone(), "AES"), null);
    }

    /**
     * {@code PAGELENS_SECRET_KEY} when set (checked now), else the key file in {@code dataFolder} (made on first use).
     *
     * @throws ConfigException naming {@code PAGELENS_SECRET_KEY} when its value is not a 256-bit key
     */
    public static SecretBox fromEnv(Env env, Supplier<Path> dataFolder) {
        return env.string(KEY_VAR)
                .map(v -> new SecretBox(new SecretKeySpec(parseKey(v), "AES"), null))
                .orElseGet(() -> new SecretBox(null, () -> dataFolder.get().resolve(KEY_FILE)));
    }

    /** Whether the key comes from the data folder rather than {@code PAGELENS_SECRET_KEY}. */
    public boolean fromDataFolder() {
        return keyFile != null;
    }

    static byte[] parseKey(String value) {
        String v = value.trim();
        byte[] k = null;
        if (v.length() == KEY_BYTES * 2 && v.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            k = HexFormat.of().parseHex(v);
        } else {
            try {
                k = (v.contains("-") || v.contains("_") ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(v);
            } catch (IllegalArgumentException e) {
                // reported below, without the value
            }
        }
        if (k == null || k.length != KEY_BYTES) {
            throw new ConfigException(KEY_VAR, value, "must be a 256-bit key: 32 random bytes as base64 (44 characters) "
                    + "or hex (64 characters), e.g. from 'openssl rand -base64 32'");
        }
        return k;
    }

    /** Encrypts {@code plain}; {@code context} must be given again to open it (it binds the text to its use). */
    public String seal(byte[] plain, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plain);
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
        }
    }

    /** Decrypts what {@link #seal} made with the same key and context. */
    public byte[] open(String sealed, String context) throws SecretException {
        if (sealed == null || !sealed.startsWith(PREFIX)) throw new SecretException("not a sealed value of this version");
        byte[] in;
        try {
            in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SecretException("the sealed value is not base64");
        }
        if (in.length < NONCE_BYTES + TAG_BITS / 8) throw new SecretException("the sealed value is truncated");
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretException("it was sealed with another key (is " + KEY_VAR + " the same on every process?)");
        } catch (GeneralSecurityException e) {
            throw new SecretException("it cannot be decrypted: " + e.getMessage());
        }
    }

    private synchronized SecretKeySpec key() {
        if (key == null) key = new SecretKeySpec(loadOrCreate(keyFile.get()), "AES");
        return key;
    }

    /** Reads the key file, or creates it (owner read/write only) when there is none; a concurrent creator wins once. */
    static byte[] loadOrCreate(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                byte[] k = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(k);
                try (SeekableByteChannel ch = create(file)) {
                    ch.write(ByteBuffer.wrap((Base64.getEncoder().encodeToString(k) + "\n").getBytes(StandardCharsets.US_ASCII)));
                    log.atInfo().addKeyValue("file", file).log("secret key generated (set " + KEY_VAR + " to share one between processes)");
                    return k;
                } catch (FileAlreadyExistsException e) {
                    // another process made it first: read theirs
                }
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key file " + file + " (or set " + KEY_VAR + ")", e);
        }
    }

    private static SeekableByteChannel create(Path file) throws IOException {
        try {
            return Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC),
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) { // not a POSIX file system
            return Files.newByteChannel(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        }
    }

    private static byte[] read(Path file) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            try {
                byte[] k = Base64.getDecoder().decode(text);
                if (k.length == KEY_BYTES) return k;
            } catch (IllegalArgumentException e) {
                // fall through: being written by another process, or damaged
            }
            if (attempt >= 20) throw new IOException("it does not hold a 256-bit base64 key");
            try {
                Thread.sleep(50);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading the key file");
            }
        }
    }

    /** A sealed value that cannot be opened; the message says why, never the value. */
    public static final class SecretException extends Exception {
        public SecretException(String message) {
            super(message);
        }
    }
}
