package io.pagelens.egress;

import java.net.InetAddress;
import java.util.List;

/**
 * The guard's answer for one host.
 *
 * @param verdict     allowed, blocked or not resolvable
 * @param addresses   when allowed: the checked addresses, the only ones a connection may use
 * @param reason      what decided, naming the rule ("blocked: 127.0.0.2 is loopback (127.0.0.0/8)")
 * @param allowListable whether adding the host or its block to PAGELENS_ALLOW_HOSTS would allow it
 */
public record Decision(Verdict verdict, List<InetAddress> addresses, String reason, boolean allowListable) {
    public enum Verdict { ALLOWED, BLOCKED, UNRESOLVED }

    public Decision {
        addresses = List.copyOf(addresses);
    }

    static Decision allowed(List<InetAddress> addresses, String reason) {
        return new Decision(Verdict.ALLOWED, addresses, reason, false);
    }

    static Decision blocked(String reason, boolean allowListable) {
        return new Decision(Verdict.BLOCKED, List.of(), "blocked: " + reason, allowListable);
    }

    static Decision unresolved(String reason) {
        return new Decision(Verdict.UNRESOLVED, List.of(), reason, false);
    }

    public boolean isAllowed() {
        return verdict == Verdict.ALLOWED;
    }

    public boolean isBlocked() {
        return verdict == Verdict.BLOCKED;
    }

    /** The reason, with the way around it when there is one: for a user's error message. */
    public String explained() {
        return allowListable ? reason + " (to allow it, add it to PAGELENS_ALLOW_HOSTS)" : reason;
    }
}
