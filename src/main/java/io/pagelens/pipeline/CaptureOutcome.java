package io.pagelens.pipeline;

import io.pagelens.capture.CaptureResult;
import io.pagelens.store.StoredCapture;

import java.time.Duration;

/**
 * What {@link CaptureService#run} did with an order.
 *
 * @param stored the saved (or, when cached, the reused) capture; null when the order is not stored
 * @param result the new capture's result; null when it came from the store
 * @param cached whether a stored capture answered instead of a new one
 * @param age    how old the stored capture was when it answered; zero for a new capture
 */
public record CaptureOutcome(StoredCapture stored, CaptureResult result, boolean cached, Duration age) {
    public static CaptureOutcome captured(StoredCapture stored, CaptureResult result) {
        return new CaptureOutcome(stored, result, false, Duration.ZERO);
    }

    public static CaptureOutcome fromStore(StoredCapture stored, Duration age) {
        return new CaptureOutcome(stored, null, true, age);
    }
}
