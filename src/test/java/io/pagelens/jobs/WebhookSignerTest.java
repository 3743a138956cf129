package io.pagelens.jobs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Verification (MessageDigest.isEqual, constant time) accepts exactly the signature of this body at this time. */
class WebhookSignerTest {
    final WebhookSigner signer = new WebhookSigner("0123456789abcdef-secret");

    @Test
    void verify_acceptsItsOwnSignature_only() {
        String sig = signer.sign(1_700_000_000L, "{\"id\":1}");
        assertThat(sig).startsWith("sha256=").hasSize(7 + 64);
        assertThat(signer.verify(1_700_000_000L, "{\"id\":1}", sig)).isTrue();
        assertThat(signer.verify(1_700_000_000L, "{\"id\":1}", " " + sig + " ")).as("surrounding space").isTrue();
        assertThat(signer.verify(1_700_000_001L, "{\"id\":1}", sig)).as("another timestamp (replay)").isFalse();
        assertThat(signer.verify(1_700_000_000L, "{\"id\":2}", sig)).as("another body").isFalse();
        assertThat(signer.verify(1_700_000_000L, "{\"id\":1}", sig.substring(0, sig.length() - 1))).as("truncated").isFalse();
        assertThat(signer.verify(1_700_000_000L, "{\"id\":1}", sig.toUpperCase())).as("case").isFalse();
        assertThat(signer.verify(1_700_000_000L, "{\"id\":1}", null)).isFalse();
        assertThat(new WebhookSigner("another-secret-0123456").verify(1_700_000_000L, "{\"id\":1}", sig)).as("another secret").isFalse();
    }
}
