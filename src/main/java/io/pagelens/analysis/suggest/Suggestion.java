package io.pagelens.analysis.suggest;

import io.pagelens.analysis.variant.Mutation;

import java.util.List;

/**
 * A proposed variant: a name, why, and the mutations that make it (valid input for {@code Mutations}).
 *
 * @param rule   the rule that made it ({@code cta-accent}, {@code larger-headline}, {@code shorter-hero},
 *               {@code contrast-fix}, or {@code llm-headline} / {@code llm-cta} for copy from the language model)
 * @param source {@code rules} or {@code llm}
 */
public record Suggestion(String name, String rule, String rationale, List<Mutation> mutations, String source) {
    public Suggestion {
        mutations = List.copyOf(mutations);
    }
}
