package io.pagelens.store.blob;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The behaviour every {@link BlobStore} must have; subclasses open the store under test (one per test). */
abstract class BlobStoreContract<S extends BlobStore> {
    @TempDir
    Path dir;
    S store;

    abstract S open(Path dir) throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = open(dir);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    BlobStore store() {
        return store;
    }

    static String put(BlobStore store, byte[] bytes, String contentType) throws IOException {
        try (BlobUpload up = store.upload()) {
            try (OutputStream out = up.stream()) {
                // in pieces, as a capture streams them
                for (int off = 0; off < bytes.length; off += 7000) out.write(bytes, off, Math.min(7000, bytes.length - off));
            }
            up.publish(contentType);
            return up.sha256();
        }
    }

    static List<BlobInfo> list(BlobStore store) throws IOException {
        List<BlobInfo> all = new ArrayList<>();
        store.forEach(all::add);
        return all;
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void upload_isNamedByItsSha256_andReadsBackWithEtag() throws IOException {
        byte[] png = randomBytes(300_000, 1);
        String sha = put(store(), png, "image/png");
        assertThat(sha).isEqualTo(Sha256.hex(Sha256.newDigest().digest(png)));
        try (BlobContent c = store().open(sha).orElseThrow()) {
            assertThat(c.stream().readAllBytes()).isEqualTo(png);
            assertThat(c.length()).isEqualTo(png.length);
            assertThat(c.totalLength()).isEqualTo(png.length);
            assertThat(c.etag()).isEqualTo("\"" + sha + "\"");
            assertThat(c.partial()).isFalse();
        }
        assertThat(store().exists(sha)).isTrue();
    }

    @Test
    void identicalContent_isStoredOnce() throws IOException {
        byte[] html = "<html>same</html>".getBytes(StandardCharsets.UTF_8);
        String a = put(store(), html, "text/html");
        String b = put(store(), html, "text/html");
        assertThat(a).isEqualTo(b);
        assertThat(list(store())).extracting(BlobInfo::sha256).containsOnlyOnce(a);
    }

    @Test
    void range_readsThePartAsked() throws IOException {
        byte[] data = randomBytes(10_000, 2);
        String sha = put(store(), data, "image/jpeg");
        try (BlobContent c = store().open(sha, 100, 50).orElseThrow()) {
            assertThat(c.stream().readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(data, 100, 150));
            assertThat(c.length()).isEqualTo(50);
            assertThat(c.totalLength()).isEqualTo(10_000);
            assertThat(c.offset()).isEqualTo(100);
            assertThat(c.partial()).isTrue();
        }
        try (BlobContent tail = store().open(sha, 9_990, Long.MAX_VALUE).orElseThrow()) {
            assertThat(tail.stream().readAllBytes()).hasSize(10);
        }
        assertThatThrownBy(() -> store().open(sha, 10_000, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingBlob_isEmpty_andDeleteIsIdempotent() throws IOException {
        String sha = Sha256.of("never stored");
        assertThat(store().open(sha)).isEmpty();
        assertThat(store().exists(sha)).isFalse();
        store().delete(sha);
        String stored = put(store(), "x".getBytes(StandardCharsets.UTF_8), "text/plain");
        store().delete(stored);
        store().delete(stored);
        assertThat(store().exists(stored)).isFalse();
        assertThat(store().open(stored)).isEmpty();
    }

    @Test
    void unpublishedUpload_leavesNothing() throws IOException {
        try (BlobUpload up = store().upload()) {
            try (OutputStream out = up.stream()) {
                out.write(randomBytes(1000, 3));
            }
            assertThat(up.sha256()).hasSize(64);
        }
        assertThat(list(store())).isEmpty();
    }

    @Test
    void shaBeforeTheStreamIsClosed_isAnError() throws IOException {
        try (BlobUpload up = store().upload()) {
            up.stream().write(1);
            assertThatThrownBy(up::sha256).isInstanceOf(IllegalStateException.class).hasMessageContaining("not closed");
        }
    }

    @Test
    void aNameThatIsNotAHash_isRejected() {
        assertThatThrownBy(() -> store().open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().delete("ABC")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyBlob_works() throws IOException {
        String sha = put(store(), new byte[0], "text/plain");
        assertThat(sha).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        try (BlobContent c = store().open(sha).orElseThrow()) {
            assertThat(c.stream().readAllBytes()).isEmpty();
        }
    }
}
