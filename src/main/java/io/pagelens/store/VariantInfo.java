package io.pagelens.store;

import java.time.Instant;

/**
 * A stored page variant: a named list of DOM mutations of a project.
 *
 * @param mutationsJson the mutation array as it was sent (validated before it was stored)
 */
public record VariantInfo(String id, String projectId, String name, String description, String mutationsJson, Instant createdAt) {
}
