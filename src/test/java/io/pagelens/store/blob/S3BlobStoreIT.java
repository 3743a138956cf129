package io.pagelens.store.blob;

import io.pagelens.config.Env;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The blob store contract against a real S3 server (S3Proxy, in-process, one per test). */
public class S3BlobStoreIT extends BlobStoreContract<S3BlobStore> {
    static final String BUCKET = "pagelens-test";

    @RegisterExtension
    final S3ProxyExtension s3proxy = S3ProxyExtension.builder().withCredentials("access", "secret").build();

    @Override
    S3BlobStore open(Path dir) {
        createBucket(s3proxy, BUCKET);
        return (S3BlobStore) BlobStores.fromEnv(new Env(env(s3proxy)), dir);
    }

    /** Buckets are made outside the store: pagelens expects its bucket to exist. */
    public static void createBucket(S3ProxyExtension s3proxy, String bucket) {
        try (S3Client admin = S3BlobStore.client(s3proxy.getUri(), Region.US_EAST_1, true,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(s3proxy.getAccessKey(), s3proxy.getSecretKey())))) {
            admin.createBucket(b -> b.bucket(bucket));
        }
    }

    static Map<String, String> env(S3ProxyExtension s3proxy) {
        return Map.of("PAGELENS_S3_BUCKET", BUCKET,
                "PAGELENS_S3_ENDPOINT", s3proxy.getUri().toString(),
                "AWS_ACCESS_KEY_ID", s3proxy.getAccessKey(),
                "AWS_SECRET_ACCESS_KEY", s3proxy.getSecretKey());
    }

    @Test
    void contentType_isStoredWithTheObject() throws IOException {
        String sha = put(store, "%PDF-1.7".getBytes(), "application/pdf");
        try (BlobContent c = store.open(sha).orElseThrow()) {
            assertThat(c.contentType()).isEqualTo("application/pdf");
        }
    }

    @Test
    void describe_namesTheBucket_withoutSecrets() {
        assertThat(store.describe()).contains(BUCKET).doesNotContain("secret");
    }
}
