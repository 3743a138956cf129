package io.pagelens.capture;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The analysis feature's options of a capture (issue 13): a stable render, a stored variant's DOM mutations, a brand
 * snapshot. Its page steps live in {@code io.pagelens.analysis.AnalysisSteps}; this package only carries the values
 * (it cannot name the analysis classes, which sit beside it).
 *
 * @param stableRender          freeze animations, transitions, videos and GIFs, hide the caret, wait for fonts
 * @param variant               the stored variant's name whose mutations these are; null for the page as served
 * @param mutations             the variant's mutations as stored (the JSON array validated by
 *                              {@code analysis.variant.Mutations.parse}); null when there is no variant
 * @param failOnMissingSelector a mutation that matches nothing fails the capture (else the report says matched: 0)
 * @param brand                 collect the page's brand profile into the report ({@code steps.brand})
 */
public record AnalysisOptions(boolean stableRender, String variant, JsonNode mutations, boolean failOnMissingSelector,
                              boolean brand) {
    /** Nothing asked: no analysis step runs. */
    public static final AnalysisOptions NONE = new AnalysisOptions(false, null, null, false, false);

    public AnalysisOptions {
        if ((variant == null) != (mutations == null)) throw new IllegalArgumentException("a variant comes with its mutations");
        if (mutations != null && !mutations.isArray()) throw new IllegalArgumentException("mutations must be a JSON array");
        if (mutations != null) mutations = mutations.deepCopy(); // a JsonNode is mutable; this record must not be
    }

    public boolean hasVariant() {
        return variant != null;
    }

    /** Whether any analysis step runs. */
    public boolean any() {
        return stableRender || variant != null || brand;
    }
}
