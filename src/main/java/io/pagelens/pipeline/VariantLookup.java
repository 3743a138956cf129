package io.pagelens.pipeline;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * Finds a project's stored variant for an order's {@code variantId}, so the order carries the variant's mutations
 * (and a queued job runs the variant as it was when asked, even if it is deleted meanwhile). The store implements it;
 * an edge without one refuses {@code variantId}.
 */
@FunctionalInterface
public interface VariantLookup {
    /** The variant named (or with the id) {@code variantId} of project {@code project} (a name or id), or empty. */
    Optional<Variant> find(String project, String variantId);

    /**
     * @param name      the variant's name, which the capture key carries
     * @param mutations its mutations as stored (a JSON array, validated when the variant was created)
     */
    record Variant(String name, JsonNode mutations) {
    }
}
