package io.pagelens.egress;

import java.io.IOException;

/** A request the egress guard refused or could not carry out; the message names the rule. */
public final class EgressBlockedException extends IOException {
    private final EgressEvent.Outcome outcome;

    public EgressBlockedException(EgressEvent.Outcome outcome, String reason) {
        super(reason);
        this.outcome = outcome;
    }

    /** BLOCKED by the policy, or UNRESOLVED / UNREACHABLE. */
    public EgressEvent.Outcome outcome() {
        return outcome;
    }
}
