package io.pagelens.memory;

import java.time.Instant;

/**
 * Gate in front of every capture. A capture reserves its estimated memory cost before it starts and
 * gives it back when it ends; captures start only while reservations fit the headroom.
 */
public interface Admission {
    /**
     * Waits for room, at most until {@code deadline}.
     *
     * @throws AdmissionException when the deadline passes or the instance is shedding load
     */
    Permit admit(CaptureKind kind, String host, Instant deadline) throws InterruptedException, AdmissionException;

    /** Held for the length of one capture. Closing is idempotent. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** Fails the capture with a clear message instead of risking the OOM killer. */
    final class AdmissionException extends Exception {
        public AdmissionException(String message) {
            super(message);
        }
    }
}
