package io.pagelens.analysis.variant;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What one mutation did, for the capture report.
 *
 * @param index    position in the variant's list
 * @param selector null for injectCss
 * @param matched  elements the selector matched when the mutation ran (after the earlier ones); 1 for injectCss
 * @param boxes    page boxes of the first {@link #MAX_BOXES} matched elements, measured before the mutation acted;
 *                 empty for injectCss and an invalid selector
 * @param error    why the mutation could not run (an invalid selector), else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MutationResult(int index, String selector, String action, int matched, List<MatchBox> boxes, String error) {
    /** The in-page script's cap (apply-mutations.js): enough to show a selector's matches, small in the report. */
    public static final int MAX_BOXES = 20;

    public MutationResult {
        boxes = boxes == null ? List.of() : List.copyOf(boxes);
    }

    /** A mutation that touched nothing: no element matched, or the selector was invalid. */
    public boolean missing() {
        return matched == 0 || error != null;
    }
}
