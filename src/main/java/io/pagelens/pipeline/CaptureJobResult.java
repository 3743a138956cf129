package io.pagelens.pipeline;

import io.pagelens.json.Jackson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * What a succeeded capture job stores as its result, read once by whoever needs it (the synchronous API waiter,
 * the webhook, the job view).
 *
 * @param captureId the stored capture
 * @param cached    true when a stored capture answered (maxAge); absent otherwise
 * @param ageMs     the stored capture's age when it answered; absent for a new capture
 */
public record CaptureJobResult(String captureId, Boolean cached, Long ageMs) {
    static CaptureJobResult of(CaptureOutcome o) {
        return new CaptureJobResult(o.stored().id(), o.cached() ? Boolean.TRUE : null, o.cached() ? o.age().toMillis() : null);
    }

    public boolean isCached() {
        return Boolean.TRUE.equals(cached);
    }

    public String json() {
        try {
            return Jackson.MAPPER.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The result of a job, or empty when it has none or it is not a capture result. */
    public static Optional<CaptureJobResult> parse(String json) {
        if (json == null) return Optional.empty();
        try {
            CaptureJobResult r = Jackson.LENIENT.forType(CaptureJobResult.class).readValue(json);
            return r.captureId() == null ? Optional.empty() : Optional.of(r);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
