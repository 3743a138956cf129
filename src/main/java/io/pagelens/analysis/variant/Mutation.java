package io.pagelens.analysis.variant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One DOM mutation of a variant, as validated by {@link Mutations#parse}. {@code value} is normalised: a string
 * for every action that takes one (a {@code setStyle} object becomes declarations), except {@code setAttribute},
 * whose {@code attribute} and {@code value} are the attribute's name and value.
 *
 * @param selector CSS selector; null for {@code injectCss}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Mutation(String selector, @JsonProperty("action") String actionId, String value, String attribute) {
    public MutationAction action() {
        return MutationAction.byId(actionId).orElseThrow();
    }

    public static Mutation of(String selector, MutationAction action, String value) {
        return new Mutation(selector, action.id(), value, null);
    }

    public static Mutation attribute(String selector, String name, String value) {
        return new Mutation(selector, MutationAction.SET_ATTRIBUTE.id(), value, name);
    }
}
