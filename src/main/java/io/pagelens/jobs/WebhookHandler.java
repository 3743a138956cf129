package io.pagelens.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.egress.EgressBlockedException;
import io.pagelens.egress.EgressEvent;
import io.pagelens.egress.EgressHttp;
import io.pagelens.json.Jackson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Delivers one webhook: a signed POST of the payload's {@code body} to its {@code url}. Runs as a job of
 * its own, so deliveries survive restarts and are retried with the queue's backoff; any answer other than
 * 2xx counts as a failed attempt.
 */
public final class WebhookHandler implements JobHandler {
    public static final String KIND = "webhook";
    /** Delivery attempts before giving up; with the default 2 s backoff the last one is about a minute in. */
    public static final int MAX_ATTEMPTS = 6;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebhookSigner signer;
    private final EgressHttp http;
    private final Clock clock;

    /** {@code egress} makes the sender's client: every delivery goes through the egress guard, as captures do. */
    public WebhookHandler(WebhookSigner signer, Clock clock, io.pagelens.egress.EgressGuard egress) {
        this.signer = signer;
        this.clock = clock;
        this.http = egress.http("webhooks", HttpClient.newBuilder().connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1));
    }

    /** The payload of a delivery job. */
    public record Delivery(String url, String event, String body) {
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String run(Job job, JobContext ctx) throws JobFailure, InterruptedException {
        Delivery d;
        try {
            d = Jackson.LENIENT.forType(Delivery.class).readValue(job.payload());
        } catch (IOException e) {
            throw new JobFailure("bad_payload", "webhook payload unreadable: " + e.getMessage(), false);
        }
        long ts = clock.instant().getEpochSecond();
        HttpRequest req = HttpRequest.newBuilder(URI.create(d.url()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "pagelens-webhook")
                .header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(ts))
                .header(WebhookSigner.SIGNATURE_HEADER, signer.sign(ts, d.body()))
                .header(WebhookSigner.EVENT_HEADER, d.event())
                .header(WebhookSigner.DELIVERY_HEADER, job.id())
                .POST(HttpRequest.BodyPublishers.ofString(d.body(), StandardCharsets.UTF_8))
                .build();
        ctx.progress("delivering");
        try {
            HttpResponse<Void> res = http.send(req, HttpResponse.BodyHandlers.discarding());
            if (res.statusCode() / 100 != 2) {
                throw new JobFailure("webhook_status", "receiver answered " + res.statusCode(), true);
            }
            JsonNode out = Jackson.MAPPER.createObjectNode().put("status", res.statusCode()).put("attempts", job.attempts());
            return out.toString();
        } catch (EgressBlockedException e) {
            // a refused host stays refused: no retries
            if (e.outcome() == EgressEvent.Outcome.BLOCKED) throw new JobFailure("webhook_blocked", e.getMessage(), false);
            throw new JobFailure("webhook_unreachable", "receiver unreachable: " + e.getMessage(), true);
        } catch (IOException e) {
            throw new JobFailure("webhook_unreachable", "receiver unreachable: " + e.getMessage(), true);
        }
    }
}
