package io.pagelens.analysis.suggest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What {@link VariantSuggester} proposes.
 *
 * @param llmUsed  copy alternatives came from the configured language model
 * @param llmError why the language model gave none (unset, timeout, HTTP error); the rules' suggestions are there anyway
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Suggestions(List<Suggestion> suggestions, boolean llmUsed, String llmError) {
    public Suggestions {
        suggestions = List.copyOf(suggestions);
    }
}
