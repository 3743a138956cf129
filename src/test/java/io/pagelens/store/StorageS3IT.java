package io.pagelens.store;

import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.Format;
import io.pagelens.config.Env;
import io.pagelens.store.blob.BlobContent;
import io.pagelens.store.blob.S3BlobStore;
import io.pagelens.store.blob.S3BlobStoreIT;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Storage as configured for scale-out blobs: {@code Storage.open} with PAGELENS_S3_* against a real S3 server. */
class StorageS3IT {
    @RegisterExtension
    final S3ProxyExtension s3proxy = S3ProxyExtension.builder().withCredentials("access", "secret").build();

    @TempDir
    Path data;

    @Test
    void saveReadAndCollect_throughS3() throws Exception {
        S3BlobStoreIT.createBucket(s3proxy, "shots");
        Env env = new Env(Map.of("PAGELENS_DATA", data.toString(), "PAGELENS_S3_BUCKET", "shots",
                "PAGELENS_S3_ENDPOINT", s3proxy.getUri().toString(), "AWS_ACCESS_KEY_ID", s3proxy.getAccessKey(),
                "AWS_SECRET_ACCESS_KEY", s3proxy.getSecretKey(), "PAGELENS_BLOB_GRACE", "0"));
        try (Storage s = Storage.open(env)) {
            assertThat(s.blobStore()).isInstanceOf(S3BlobStore.class);
            CaptureRequest req = FakeCaptures.request("https://example.com/", Format.SCREENSHOT, Format.HTML);
            BlobSink sink = s.openSink();
            StoredCapture saved = s.save(CaptureKey.of("demo", "home", req, null), FakeCaptures.capture(req, sink, "s3"), sink);
            try (BlobContent png = s.open(saved.artifact(Format.SCREENSHOT).orElseThrow()).orElseThrow()) {
                assertThat(png.stream().readAllBytes()).asString().isEqualTo("screenshot:s3");
                assertThat(png.contentType()).isEqualTo("image/png");
            }
            assertThat(s.findFresh(saved.key(), Duration.ofMinutes(1))).isPresent();

            // grace 0: as soon as nothing references them, the objects go
            assertThat(s.collectGarbage().deleted()).isZero();
            s.deleteProject(saved.projectId());
            Thread.sleep(5); // last use must be strictly before "now"
            assertThat(s.collectGarbage().deleted()).isEqualTo(2);
            assertThat(s.blobStore().exists(saved.artifacts().getFirst().sha256())).isFalse();
        }
    }
}
