package io.pagelens.store.blob;

import io.pagelens.config.ConfigException;
import io.pagelens.config.Env;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Blobs as objects in an S3 bucket (AWS or any S3-compatible server), key {@code <prefix><sha256>}, with the
 * Content-Type stored as object metadata. An upload is spooled to a synced local file while hashed, then sent with
 * one PUT from that file (S3 makes an object visible only when the PUT succeeds, so an object is never partial).
 *
 * <p>Configured by {@link #fromEnv}: {@code PAGELENS_S3_BUCKET} (required), {@code PAGELENS_S3_ENDPOINT} (for
 * S3-compatible servers), {@code PAGELENS_S3_REGION} ({@code us-east-1}), {@code PAGELENS_S3_PATH_STYLE} (true when
 * an endpoint is set), {@code PAGELENS_S3_PREFIX} ({@code blobs/}), {@code AWS_ACCESS_KEY_ID} and
 * {@code AWS_SECRET_ACCESS_KEY} (else the SDK's default credential chain).
 */
public final class S3BlobStore implements BlobStore {
    public static final String BUCKET = "PAGELENS_S3_BUCKET";
    public static final String DEFAULT_PREFIX = "blobs/";
    static final Duration DELETE_TIMEOUT = Duration.ofSeconds(15);

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final Path staging;

    /** Takes ownership of the client (closed with the store). */
    public S3BlobStore(S3Client s3, String bucket, String prefix, Path staging) {
        if (bucket == null || bucket.isBlank()) throw new IllegalArgumentException("bucket is required");
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
        this.staging = staging;
    }

    /** Builds the client from the environment (see the class comment); uploads are staged in {@code staging}. */
    public static S3BlobStore fromEnv(Env env, Path staging) {
        String bucket = env.string(BUCKET).orElseThrow(() -> new ConfigException(BUCKET, "is required for the S3 blob store"));
        Optional<URI> endpoint = env.string("PAGELENS_S3_ENDPOINT").map(v -> {
            try {
                URI u = URI.create(v);
                if (u.getScheme() == null || u.getHost() == null) throw new IllegalArgumentException("no scheme or host");
                return u;
            } catch (IllegalArgumentException e) {
                throw new ConfigException("PAGELENS_S3_ENDPOINT", v, "must be a URL such as https://s3.example.com");
            }
        });
        String region = env.string("PAGELENS_S3_REGION", "us-east-1");
        boolean pathStyle = env.bool("PAGELENS_S3_PATH_STYLE", endpoint.isPresent());
        String prefix = env.string("PAGELENS_S3_PREFIX", DEFAULT_PREFIX);
        AwsCredentialsProvider credentials = credentials(env);
        return new S3BlobStore(client(endpoint.orElse(null), Region.of(region), pathStyle, credentials), bucket, prefix, staging);
    }

    /** An S3 client with the small URLConnection HTTP stack, for AWS or an S3-compatible endpoint. */
    public static S3Client client(URI endpoint, Region region, boolean pathStyle, AwsCredentialsProvider credentials) {
        var b = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)))
                .region(region)
                .credentialsProvider(credentials)
                .forcePathStyle(pathStyle)
                // flexible checksums only when S3 requires them: many S3-compatible servers reject the new defaults
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (endpoint != null) b.endpointOverride(endpoint);
        return b.build();
    }

    private static AwsCredentialsProvider credentials(Env env) {
        Optional<String> id = env.string("AWS_ACCESS_KEY_ID");
        Optional<String> secret = env.string("AWS_SECRET_ACCESS_KEY");
        if (id.isPresent() != secret.isPresent()) {
            throw new ConfigException(id.isPresent() ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID", "must be set together with the other AWS key");
        }
        return id.isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(id.get(), secret.get()))
                : DefaultCredentialsProvider.builder().build();
    }

    private String key(String sha256) {
        return prefix + Sha256.require(sha256);
    }

    @Override
    public BlobUpload upload() throws IOException {
        return new StagedUpload(staging) {
            @Override
            void publish(Path staged, String sha256, long size, String contentType) throws IOException {
                if (exists(sha256)) return; // identical content is stored once
                try {
                    s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key(sha256))
                            .contentType(contentType).contentLength(size).build(), RequestBody.fromFile(staged));
                } catch (SdkException e) {
                    throw new IOException("S3 upload of " + sha256 + " to bucket " + bucket + " failed: " + e.getMessage(), e);
                }
            }
        };
    }

    @Override
    public Optional<BlobContent> open(String sha256) throws IOException {
        return get(sha256, GetObjectRequest.builder().bucket(bucket).key(key(sha256)).build(), 0);
    }

    @Override
    public Optional<BlobContent> open(String sha256, long offset, long length) throws IOException {
        if (offset < 0 || length < 0) throw new IllegalArgumentException("offset and length must not be negative");
        if (length == 0) throw new IllegalArgumentException("length must be positive for a range");
        long last = length == Long.MAX_VALUE ? -1 : offset + length - 1;
        String range = "bytes=" + offset + "-" + (last < 0 ? "" : Long.toString(last));
        return get(sha256, GetObjectRequest.builder().bucket(bucket).key(key(sha256)).range(range).build(), offset);
    }

    private Optional<BlobContent> get(String sha256, GetObjectRequest request, long offset) throws IOException {
        ResponseInputStream<GetObjectResponse> in;
        try {
            in = s3.getObject(request);
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return Optional.empty();
            if (e.statusCode() == 416) throw new IllegalArgumentException("offset " + offset + " is past the end of " + sha256);
            throw new IOException("S3 read of " + sha256 + " failed: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("S3 read of " + sha256 + " failed: " + e.getMessage(), e);
        }
        GetObjectResponse r = in.response();
        long length = r.contentLength();
        long total = totalLength(r.contentRange(), length);
        String type = r.contentType() == null ? BlobContent.UNKNOWN_TYPE : r.contentType();
        return Optional.of(new BlobContent(in, length, total, offset, sha256, type));
    }

    /** "bytes 0-9/100" gives 100; without a Content-Range the response is the whole object. */
    private static long totalLength(String contentRange, long length) {
        if (contentRange == null) return length;
        int slash = contentRange.lastIndexOf('/');
        try {
            return slash < 0 ? length : Long.parseLong(contentRange.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            return length;
        }
    }

    @Override
    public boolean exists(String sha256) throws IOException {
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key(sha256)).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return false;
            throw new IOException("S3 HEAD of " + sha256 + " failed: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("S3 HEAD of " + sha256 + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String sha256) throws IOException {
        try {
            // bounded: GC deletes inside a database transaction, which PostgreSQL ends after 30 s idle
            s3.deleteObject(b -> b.bucket(bucket).key(key(sha256))
                    .overrideConfiguration(o -> o.apiCallTimeout(DELETE_TIMEOUT)));
        } catch (SdkException e) {
            throw new IOException("S3 delete of " + sha256 + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void forEach(Consumer<BlobInfo> visitor) throws IOException {
        try {
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
                String name = o.key().substring(prefix.length());
                if (Sha256.isValid(name)) visitor.accept(new BlobInfo(name, o.size(), o.lastModified()));
            }
        } catch (SdkException e) {
            throw new IOException("S3 listing of bucket " + bucket + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "s3 bucket " + bucket + " prefix " + prefix;
    }

    @Override
    public void close() {
        s3.close();
    }
}
