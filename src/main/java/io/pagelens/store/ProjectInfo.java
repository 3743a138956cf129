package io.pagelens.store;

import java.time.Instant;

/** A project: a named set of pages whose captures are kept together, with its own retention. */
public record ProjectInfo(String id, String name, Retention retention, Instant createdAt) {
}
