package io.pagelens.analysis.variant;

import java.util.List;
import java.util.stream.Collectors;

/** With {@code failOnMissingSelector}: some mutations matched no element. */
public final class MissingSelectorException extends Exception {
    private final List<MutationResult> missing;

    public MissingSelectorException(List<MutationResult> missing) {
        super(missing.stream().map(m -> "mutations[" + m.index() + "].selector: '" + m.selector() + "' "
                        + (m.error() != null ? m.error() : "matched no element"))
                .collect(Collectors.joining("; ")) + " (failOnMissingSelector)");
        this.missing = List.copyOf(missing);
    }

    /** The first field at fault, for an error body. */
    public String field() {
        return "mutations[" + missing.getFirst().index() + "].selector";
    }

    public List<MutationResult> missing() {
        return missing;
    }
}
