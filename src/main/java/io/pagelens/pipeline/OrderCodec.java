package io.pagelens.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.capture.CaptureError;
import io.pagelens.capture.CaptureException;
import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.Cookie;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.config.SecretBox;
import io.pagelens.jobs.Job;
import io.pagelens.jobs.JobPriority;
import io.pagelens.jobs.NewJob;
import io.pagelens.json.Jackson;
import io.pagelens.store.CanonicalOptions;
import io.pagelens.store.CaptureKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link CaptureOrder} as a capture job stores it. The payload is the order without its secret parts: the
 * request with no headers and no cookies, the key and canonical options (header and cookie values redacted), maxAge
 * and webhook; priority, deadline and owner are the job row's own columns. The header and cookie values go, sealed with
 * {@link SecretBox} (AES-GCM), into the row's {@code secrets} column, which the queue clears when the job ends.
 */
public final class OrderCodec {
    /** Binds sealed secrets to their use: they open only as a capture order's. */
    static final String CONTEXT = "pagelens capture order v1";
    static final int VERSION = 1;

    private final SecretBox box;

    public OrderCodec(SecretBox box) {
        this.box = box;
    }

    /** The job payload: everything but the secrets. */
    record Payload(int v, CaptureRequest request, CaptureKey key, CanonicalOptions options, Duration maxAge, URI webhook) {
    }

    /** The sealed part. */
    record Secrets(Map<String, String> headers, List<Cookie> cookies) {
        boolean isEmpty() {
            return headers.isEmpty() && cookies.isEmpty();
        }
    }

    /** The job of an order, {@code maxAttempts} starts at most. */
    public NewJob toJob(CaptureOrder order, int maxAttempts) {
        CaptureRequest r = order.request();
        Secrets secrets = new Secrets(r.headers(), r.cookies());
        Payload p = new Payload(VERSION, r.withHeadersAndCookies(Map.of(), List.of()), order.key(), order.options(),
                order.maxAge(), order.webhook());
        String sealed = secrets.isEmpty() ? null : box.seal(write(secrets), CONTEXT);
        return new NewJob(CaptureJobHandler.KIND, order.priority(), new String(write(p), java.nio.charset.StandardCharsets.UTF_8),
                sealed, maxAttempts, order.deadline(), order.owner(), null, order.key() == null ? null : order.key().tenant());
    }

    /**
     * The order a job was made from, its secrets opened.
     *
     * @throws CaptureException {@link CaptureError#SECRETS_UNREADABLE} when they were sealed with another key, or
     *                          {@link CaptureError#INTERNAL} when the payload is not an order's
     */
    public CaptureOrder fromJob(Job job) throws CaptureException {
        Optional<CaptureSpec> legacy = legacySpec(job);
        if (legacy.isPresent()) return legacyOrder(job, legacy.get());
        Payload p = payload(job);
        CaptureOrder order = new CaptureOrder(p.request(), p.key(), p.options(), p.maxAge(), p.webhook(), job.deadlineAt(),
                JobPriority.ofWeight(job.priority()), job.owner());
        if (job.secrets() == null) return order;
        try {
            Secrets s = Jackson.LENIENT.forType(Secrets.class).readValue(box.open(job.secrets(), CONTEXT));
            return order.withSecrets(s.headers(), s.cookies());
        } catch (SecretBox.SecretException e) {
            throw new CaptureException(CaptureError.SECRETS_UNREADABLE, "the job's headers and cookies cannot be decrypted: "
                    + e.getMessage());
        } catch (IOException e) {
            throw new CaptureException(CaptureError.SECRETS_UNREADABLE, "the job's decrypted headers and cookies are not readable");
        }
    }

    /** The webhook of a job's order, or null; read from the payload alone (after the job ended its secrets are gone). */
    public URI webhook(Job job) throws CaptureException {
        Optional<CaptureSpec> legacy = legacySpec(job);
        if (legacy.isPresent()) return legacyOrder(job, legacy.get()).webhook();
        return payload(job).webhook();
    }

    /**
     * A job queued by a version before orders were stored holds the HTTP body itself ({@code url} at the top, no
     * {@code v}); it still runs, validated as it was then, so an upgrade with jobs in the queue loses none of them.
     */
    private static Optional<CaptureSpec> legacySpec(Job job) {
        try {
            JsonNode n = Jackson.LENIENT.readTree(job.payload());
            if (n == null || n.has("v") || !n.has("url")) return Optional.empty();
            return Optional.of(Jackson.LENIENT.forType(CaptureSpec.class).readValue(n));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not a legacy body: payload() reports what is wrong
        }
    }

    private static CaptureOrder legacyOrder(Job job, CaptureSpec spec) throws CaptureException {
        try {
            return CaptureOrder.from(spec).storing(CaptureOrder.Storing.ALWAYS).deadline(job.deadlineAt())
                    .defaultPriority(JobPriority.ofWeight(job.priority())).owner(job.owner()).build();
        } catch (InvalidRequestException e) {
            throw new CaptureException(CaptureError.INVALID_REQUEST, e.getMessage(), e);
        }
    }

    private static Payload payload(Job job) throws CaptureException {
        try {
            Payload p = Jackson.LENIENT.forType(Payload.class).readValue(job.payload());
            if (p.v() != VERSION || p.request() == null) throw new IOException("version " + p.v() + " is not " + VERSION);
            return p;
        } catch (IOException | RuntimeException e) {
            throw new CaptureException(CaptureError.INTERNAL, "job " + job.id() + " does not hold a capture order this version reads: "
                    + e.getMessage(), e);
        }
    }

    private static byte[] write(Object value) {
        try {
            return Jackson.MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
