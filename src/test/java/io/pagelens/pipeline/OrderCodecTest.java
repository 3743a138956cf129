package io.pagelens.pipeline;

import io.pagelens.capture.CaptureError;
import io.pagelens.capture.CaptureException;
import io.pagelens.config.SecretBox;
import io.pagelens.jobs.Job;
import io.pagelens.jobs.JobPriority;
import io.pagelens.jobs.JobState;
import io.pagelens.jobs.NewJob;
import io.pagelens.json.Jackson;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An order as a job stores it, and back: nothing lost, the secrets sealed apart from the payload. */
class OrderCodecTest {
    static final String SECRET = "s3cr3t-XYZ";
    final OrderCodec codec = new OrderCodec(SecretBox.of(new byte[32]));

    static CaptureOrder order(String json) throws Exception {
        return CaptureOrder.from(Jackson.STRICT.forType(CaptureSpec.class).readValue(json))
                .deadline(Instant.parse("2026-11-29T10:01:00Z")).defaultPriority(JobPriority.INTERACTIVE).owner("key_1")
                .build(Instant.parse("2026-11-29T10:00:00Z"));
    }

    /** The job as the store would give it back. */
    static Job stored(NewJob n) {
        return new Job("job_1", n.kind(), JobState.RUNNING, n.priority().weight(), n.payload(), n.secrets(), null, null, null, 1,
                n.maxAttempts(), Instant.EPOCH, null, "w", false, n.deadlineAt(), n.owner(), null, Instant.EPOCH, null, null, Instant.EPOCH);
    }

    @Test
    void roundTrip_givesTheSameOrder_withTheSecretsOnlyInTheSealedColumn() throws Exception {
        CaptureOrder o = order("""
                {"url": "https://example.com/a", "projectId": "demo", "pageType": "home", "formats": ["screenshot", "markdown", "pdf"],
                 "fullPage": true, "format": "jpeg", "quality": 70, "delay": 250, "timeout": 20000, "waitFor": "#main",
                 "viewport": {"width": 1000, "height": 700}, "markdown": {"headingStyle": "setext"}, "pdf": {"paper": "letter"},
                 "headers": {"Authorization": "Bearer s3cr3t-XYZ"}, "cookies": [{"name": "sid", "value": "s3cr3t-XYZ"}],
                 "maxAge": 60000, "webhook": "https://hooks.example.net/in", "autoScroll": true, "waitForFonts": false}""");
        NewJob n = codec.toJob(o, 3);
        assertThat(n.kind()).isEqualTo(CaptureJobHandler.KIND);
        assertThat(n.payload()).doesNotContain(SECRET).contains("authorization\\\":\\\"****");
        assertThat(n.secrets()).startsWith("v1:").doesNotContain(SECRET);
        assertThat(n.deadlineAt()).isEqualTo(o.deadline());
        assertThat(n.priority()).isEqualTo(JobPriority.INTERACTIVE);
        assertThat(n.owner()).isEqualTo("key_1");

        CaptureOrder back = codec.fromJob(stored(n));
        assertThat(back).isEqualTo(o);
        assertThat(back.request().headers()).containsEntry("Authorization", "Bearer " + SECRET);
        assertThat(back.request().cookies().getFirst().value()).isEqualTo(SECRET);
    }

    @Test
    void orderWithoutHeadersOrCookies_hasNoSecrets() throws Exception {
        NewJob n = codec.toJob(order("{\"url\": \"https://example.com/\"}"), 1);
        assertThat(n.secrets()).isNull();
        assertThat(codec.fromJob(stored(n)).request().headers()).isEmpty();
    }

    @Test
    void secretsSealedWithAnotherKey_failClearly_namingTheVariable() throws Exception {
        NewJob n = codec.toJob(order("{\"url\": \"https://example.com/\", \"headers\": {\"X-Token\": \"s3cr3t-XYZ\"}}"), 1);
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> new OrderCodec(SecretBox.of(other)).fromJob(stored(n)))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.error()).isEqualTo(CaptureError.SECRETS_UNREADABLE))
                .hasMessageContaining("PAGELENS_SECRET_KEY")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aJobQueuedByAnOlderVersion_holdingTheHttpBody_stillRuns() throws Exception {
        String body = "{\"url\": \"https://example.com/\", \"projectId\": \"old\", \"webhook\": \"https://hooks.example.net/in\","
                + " \"maxAge\": 1000, \"headers\": {\"X-A\": \"1\"}}";
        NewJob n = new NewJob(CaptureJobHandler.KIND, JobPriority.INTERACTIVE, body, null, 1, Instant.parse("2026-11-29T10:01:00Z"), "key_1", null);
        CaptureOrder o = codec.fromJob(stored(n));
        assertThat(o.key().project()).isEqualTo("old");
        assertThat(o.request().headers()).containsEntry("X-A", "1");
        assertThat(o.priority()).isEqualTo(JobPriority.INTERACTIVE);
        assertThat(o.deadline()).isEqualTo(n.deadlineAt());
        assertThat(o.owner()).isEqualTo("key_1");
        assertThat(codec.webhook(stored(n))).hasToString("https://hooks.example.net/in");
    }

    @Test
    void aPayloadThatIsNotAnOrder_isAnInternalError() {
        NewJob n = new NewJob(CaptureJobHandler.KIND, JobPriority.NORMAL, "{\"v\": 99, \"request\": {}}", null, 1, null, null, null);
        assertThatThrownBy(() -> codec.fromJob(stored(n)))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.error()).isEqualTo(CaptureError.INTERNAL));
    }
}
