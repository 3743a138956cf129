package io.pagelens.jobs;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * HMAC-SHA256 signatures of webhook deliveries. The signed text is {@code timestamp + "." + body}, so a
 * receiver can refuse replays of old deliveries; the header value is {@code sha256=<hex>}.
 */
public final class WebhookSigner {
    public static final String SIGNATURE_HEADER = "X-Pagelens-Signature";
    public static final String TIMESTAMP_HEADER = "X-Pagelens-Timestamp";
    public static final String EVENT_HEADER = "X-Pagelens-Event";
    public static final String DELIVERY_HEADER = "X-Pagelens-Delivery";

    private final byte[] secret;

    public WebhookSigner(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("webhook secret must have at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The signature header value for a body sent at {@code epochSeconds}. */
    public String sign(long epochSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] sig = mac.doFinal((epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time check of a received signature, as a receiver would do it. */
    public boolean verify(long epochSeconds, String body, String header) {
        if (header == null) return false;
        return MessageDigest.isEqual(sign(epochSeconds, body).getBytes(StandardCharsets.US_ASCII),
                header.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
