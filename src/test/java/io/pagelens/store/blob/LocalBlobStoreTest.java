package io.pagelens.store.blob;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LocalBlobStoreTest extends BlobStoreContract<LocalBlobStore> {
    @Override
    LocalBlobStore open(Path dir) {
        return new LocalBlobStore(dir.resolve("blobs"));
    }

    @Test
    void publishedBlob_isAFileFannedOutByPrefix_andStagingIsEmptyAfterwards() throws IOException {
        String sha = put(store, "hello".getBytes(), "text/plain");
        assertThat(store.root().resolve(sha.substring(0, 2)).resolve(sha)).hasContent("hello");
        try (Stream<Path> staged = Files.list(store.root().resolve("tmp"))) {
            assertThat(staged).isEmpty();
        }
    }

    @Test
    void staleStagingFiles_areRemovedAtOpen_recentOnesKept() throws IOException {
        Path tmp = store.root().resolve("tmp");
        Path stale = Files.writeString(tmp.resolve("upload-1.part"), "crashed");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(LocalBlobStore.STALE_STAGING).minusSeconds(60)));
        Path running = Files.writeString(tmp.resolve("upload-2.part"), "another process");
        new LocalBlobStore(store.root()).close();
        assertThat(stale).doesNotExist();
        assertThat(running).exists();
    }

    @Test
    void abandonedUpload_removesItsStagedFile() throws IOException {
        try (BlobUpload up = store.upload(); OutputStream out = up.stream()) {
            out.write(new byte[10]);
        }
        try (Stream<Path> staged = Files.list(store.root().resolve("tmp"))) {
            assertThat(staged).isEmpty();
        }
    }
}
