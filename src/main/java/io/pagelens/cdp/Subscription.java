package io.pagelens.cdp;

/** An event listener registration; closing removes it. Idempotent. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
