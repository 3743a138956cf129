package io.pagelens.pipeline;

import io.pagelens.capture.CaptureRequest;
import io.pagelens.capture.Cookie;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.jobs.JobPriority;
import io.pagelens.store.CanonicalOptions;
import io.pagelens.store.CaptureKey;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One capture as the pipeline runs it, validated once at the edge and never again: the request, where it is stored
 * (its key and canonical options, or none when the caller only wants the files), the result cache's {@code maxAge},
 * the webhook, the deadline, the queue priority and who asked. Immutable. This, not the HTTP body, is what a capture
 * job stores (its headers and cookies encrypted, see {@link OrderCodec}).
 * <pre>{@code
 * CaptureOrder order = CaptureOrder.from(spec)              // API body, CLI flags or a crawler's page options
 *         .storing(CaptureOrder.Storing.ALWAYS)             // the API stores every capture; the CLI only with --project
 *         .deadline(clock.instant().plusSeconds(60))
 *         .owner(apiKeyId)
 *         .build();                                         // InvalidRequestException naming the API field
 * CaptureOutcome done = captureService.run(order);
 * }</pre>
 *
 * @param request  what to capture
 * @param key      where the capture is stored; null when it is not stored
 * @param options  the request's canonical options, the key's options part (null when not stored)
 * @param maxAge   a stored capture of the key up to this old answers instead of a new capture; null: always capture
 * @param webhook  called (signed) when the order's job ends; null for none
 * @param deadline when the capture must be stored by (queue time included); null: only the capture's own limits
 * @param priority claim order in the job queue
 * @param owner    who asked (API key id; the tenant later); null for internal work and the CLI
 */
public record CaptureOrder(CaptureRequest request, CaptureKey key, CanonicalOptions options, Duration maxAge, URI webhook,
                           Instant deadline, JobPriority priority, String owner) {
    public CaptureOrder {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(priority, "priority");
        if ((key == null) != (options == null)) throw new IllegalArgumentException("key and options go together");
        if (key != null && !key.optionsHash().equals(options.sha256())) {
            throw new IllegalArgumentException("the options are not the ones the key was made from");
        }
        if (maxAge != null && key == null) throw new IllegalArgumentException("maxAge needs a key (only stored captures answer from the store)");
    }

    /** How an edge decides whether an order is stored. */
    public enum Storing {
        /** Every capture is stored, in project {@value CaptureKey#DEFAULT_PROJECT} unless {@code projectId} says otherwise (API). */
        ALWAYS,
        /** Stored only when {@code projectId} is given; {@code pageType}, {@code variantId} and {@code maxAge} need it (CLI). */
        WITH_PROJECT
    }

    /** Whether the capture is saved under {@link #key()}. */
    public boolean stores() {
        return key != null;
    }

    /** This order with other headers and cookies (the secret parts, taken out of a stored order and put back). */
    public CaptureOrder withSecrets(Map<String, String> headers, List<Cookie> cookies) {
        return new CaptureOrder(request.withHeadersAndCookies(headers, cookies), key, options, maxAge, webhook, deadline, priority, owner);
    }

    /** This order without the cache lookup (done at the edge already). */
    public CaptureOrder withoutMaxAge() {
        return new CaptureOrder(request, key, options, null, webhook, deadline, priority, owner);
    }

    /** The one builder of orders: from the input form, plus what only the edge knows. */
    public static Builder from(CaptureSpec spec) {
        return new Builder(spec);
    }

    /** Validates a {@link CaptureSpec} into an order; every error is an {@link InvalidRequestException} naming the API field. */
    public static final class Builder {
        private final CaptureSpec spec;
        private Storing storing = Storing.ALWAYS;
        private Instant deadline;
        private String owner;
        private String tenant;
        private JobPriority defaultPriority = JobPriority.NORMAL;
        private VariantLookup variants;

        private Builder(CaptureSpec spec) {
            this.spec = Objects.requireNonNull(spec, "spec");
        }

        /** Whether and when the order is stored; <b>ALWAYS</b> by default. */
        public Builder storing(Storing s) {
            this.storing = Objects.requireNonNull(s, "storing");
            return this;
        }

        /** When the capture must be stored by; null (the default) for none. The spec's {@code deadline} can only shorten it. */
        public Builder deadline(Instant d) {
            this.deadline = d;
            return this;
        }

        public Builder owner(String o) {
            this.owner = o;
            return this;
        }

        /** The tenant whose project the capture is stored in; <b>{@value io.pagelens.store.TenantScope#DEFAULT}</b> by default. */
        public Builder tenant(String t) {
            this.tenant = t;
            return this;
        }

        /** The priority when the spec names none; <b>normal</b> by default. */
        public Builder defaultPriority(JobPriority p) {
            this.defaultPriority = Objects.requireNonNull(p, "defaultPriority");
            return this;
        }

        /**
         * The deadline the spec's {@code deadline} (ms from {@code now}) gives within the edge's, or the edge's.
         *
         * @throws InvalidRequestException naming {@code deadline} when it is not positive
         */
        public Instant deadlineFrom(Instant now) {
            if (spec.deadline() == null) return deadline;
            if (spec.deadline() < 1) throw new InvalidRequestException("deadline", "must be at least 1 ms, was " + spec.deadline());
            Instant asked = now.plusMillis(spec.deadline());
            return deadline == null || asked.isBefore(deadline) ? asked : deadline;
        }

        /** Where {@code variantId} is looked up; without one, an order naming a variant is refused. */
        public Builder variants(VariantLookup v) {
            this.variants = v;
            return this;
        }

        public CaptureOrder build() {
            return build(Instant.now());
        }

        /** {@link #build()} with the spec's relative {@code deadline} counted from {@code now}. */
        public CaptureOrder build(Instant now) {
            boolean stored = storing == Storing.ALWAYS || spec.projectId() != null;
            if (!stored) OrderChecks.noStorageOptions(spec);
            String project = spec.projectId() == null ? CaptureKey.DEFAULT_PROJECT : spec.projectId();
            VariantLookup.Variant variant = spec.variantId() == null ? null : variant(project);
            CaptureRequest request = spec.toRequest(variant);
            OrderChecks.noCredentialsInUrl(request);
            OrderChecks.headersAndCookies(request);
            Instant until = deadlineFrom(now);
            if (spec.maxAge() != null && spec.maxAge() < 0) throw new InvalidRequestException("maxAge", "must not be negative, was " + spec.maxAge());
            CaptureKey key = null;
            CanonicalOptions options = null;
            if (stored) {
                options = CanonicalOptions.of(request);
                key = CaptureKey.of(project, spec.pageType(), request, options, variant == null ? null : variant.name()).inTenant(tenant);
            }
            Duration maxAge = spec.maxAge() == null ? null : Duration.ofMillis(spec.maxAge());
            return new CaptureOrder(request, key, options, maxAge, spec.webhookUri(), until, spec.priorityOr(defaultPriority), owner);
        }

        /** The stored variant {@code variantId} names in {@code project}; 4xx naming variantId when there is none. */
        private VariantLookup.Variant variant(String project) {
            String id = CaptureKey.requireName("variantId", spec.variantId());
            if (variants == null) throw new InvalidRequestException("variantId", "variants are not available here");
            return variants.find(project, id).orElseThrow(() -> new InvalidRequestException("variantId",
                    "project '" + project + "' has no variant '" + id + "' (create it with POST /v1/projects/" + project + "/variants)"));
        }
    }
}
