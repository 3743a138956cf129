package io.pagelens.analysis.variant;

import java.util.List;

/** Every mutation's result, in order; {@link #check} applies {@code failOnMissingSelector}. */
public record MutationReport(List<MutationResult> mutations) {
    public MutationReport {
        mutations = List.copyOf(mutations);
    }

    public List<MutationResult> missing() {
        return mutations.stream().filter(MutationResult::missing).toList();
    }

    /**
     * {@code failOnMissingSelector} semantics: every mutation is attempted first (so the report is complete and the
     * page is mutated as far as it can be), then, when asked, a mutation that matched nothing or had an invalid
     * selector fails the capture with an error naming each, e.g. {@code mutations[2].selector}. Without it, the
     * capture goes on and the report says {@code matched: 0}.
     */
    public void check(boolean failOnMissingSelector) throws MissingSelectorException {
        List<MutationResult> missing = missing();
        if (failOnMissingSelector && !missing.isEmpty()) throw new MissingSelectorException(missing);
    }
}
