package io.pagelens.analysis.variant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one mutation did, for the capture report.
 *
 * @param index    position in the variant's list
 * @param selector null for injectCss
 * @param matched  elements the selector matched when the mutation ran (after the earlier ones); 1 for injectCss
 * @param error    why the mutation could not run (an invalid selector), else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MutationResult(int index, String selector, String action, int matched, String error) {
    /** A mutation that touched nothing: no element matched, or the selector was invalid. */
    public boolean missing() {
        return matched == 0 || error != null;
    }
}
