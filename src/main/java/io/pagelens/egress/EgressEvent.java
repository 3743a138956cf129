package io.pagelens.egress;

/**
 * A request the proxy did not carry out.
 *
 * @param url       the absolute URL of a plain HTTP request, or {@code host:port} of a CONNECT tunnel (https, wss)
 * @param authority {@code host:port} the request was for
 * @param tunnel    whether it was a CONNECT (the URL inside the tunnel is not visible to the proxy)
 * @param outcome   what happened
 * @param reason    why, naming the rule
 * @param allowListable whether PAGELENS_ALLOW_HOSTS could allow it
 */
public record EgressEvent(String url, String authority, boolean tunnel, Outcome outcome, String reason, boolean allowListable) {
    public enum Outcome {
        /** Refused by the policy. */
        BLOCKED,
        /** The host has no address. */
        UNRESOLVED,
        /** Allowed, but no checked address accepted a connection. */
        UNREACHABLE
    }

    /** The reason, with the way around it when there is one: for a user's error message. */
    public String explained() {
        return allowListable ? reason + " (to allow it, add it to PAGELENS_ALLOW_HOSTS)" : reason;
    }
}
