package io.pagelens.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a host may be reached: the deny-list first (always wins), then the allow-list, then the
 * special-purpose ranges of {@link AddressClassifier}. The host is resolved once and each answer is judged on its
 * own; the decision carries the addresses that passed, so the caller connects to exactly what was checked.
 * An answer mixing reachable and refused addresses keeps only the reachable ones.
 */
public final class EgressPolicy {
    static final String ALLOW_VAR = "PAGELENS_ALLOW_HOSTS";
    static final String DENY_VAR = "PAGELENS_DENY_HOSTS";

    private final HostList allow;
    private final HostList deny;

    public EgressPolicy(HostList allow, HostList deny) {
        this.allow = allow;
        this.deny = deny;
    }

    public HostList allow() {
        return allow;
    }

    public HostList deny() {
        return deny;
    }

    /**
     * Parses, resolves once through {@code resolver}, and judges {@code host} (a URL host: name, dotted quad or [IPv6]).
     * With a null {@code resolver} only what needs no DNS is judged (syntax, deny-listed names, IP literals), and an
     * allowed name comes back without addresses: for early checks whose connection is made elsewhere.
     */
    public Decision decide(String host, Resolver resolver) {
        CanonicalHost h;
        try {
            h = CanonicalHost.parse(host);
        } catch (IllegalArgumentException e) {
            return Decision.blocked(e.getMessage(), false);
        }
        boolean nameAllowed = false;
        if (!h.isLiteral()) {
            Optional<String> denied = deny.matchName(h.text());
            if (denied.isPresent()) return Decision.blocked(h.text() + " is on " + DENY_VAR + " (" + denied.get() + ")", false);
            nameAllowed = allow.matchName(h.text()).isPresent();
        } else {
            Refusal r = judge(h.address(), false);
            if (r != null) return Decision.blocked(r.address() + " is " + r.what(), r.allowListable());
            if (h.zone() != null && allow.matchAddress(h.address()).isEmpty()) {
                return Decision.blocked(h.text() + " carries a zone id (scoped addresses are refused)", true);
            }
        }
        if (resolver == null) {
            return Decision.allowed(h.isLiteral() ? List.of(pinned(h.text(), h.address())) : List.of(), "not resolved yet");
        }
        List<InetAddress> answers;
        try {
            answers = resolver.resolve(h.text());
        } catch (UnknownHostException | RuntimeException e) {
            return Decision.unresolved("the host " + h.text() + " could not be resolved");
        }
        List<InetAddress> kept = new ArrayList<>();
        Refusal first = null;
        for (InetAddress a : answers) {
            byte[] bytes = a.getAddress();
            Refusal r = judge(bytes, nameAllowed);
            if (r == null) {
                kept.add(pinned(h.text(), bytes));
            } else if (first == null) {
                first = r;
            }
        }
        if (kept.isEmpty()) {
            if (first == null) return Decision.unresolved("the host " + h.text() + " could not be resolved");
            String what = h.isLiteral() && IpText.format(h.address()).equals(first.address()) ? first.address() + " is " + first.what()
                    : h.text() + " resolves to " + first.address() + ", which is " + first.what();
            return Decision.blocked(what, first.allowListable());
        }
        String why = nameAllowed ? h.text() + " is on " + ALLOW_VAR : "allowed";
        return Decision.allowed(kept, why);
    }

    /** An address and what it is ("loopback (127.0.0.0/8)", "on PAGELENS_DENY_HOSTS (10.0.0.0/8)"). */
    private record Refusal(String address, String what, boolean allowListable) {
    }

    private Refusal judge(byte[] address, boolean nameAllowed) {
        String text = IpText.format(address);
        Optional<Cidr> denied = deny.matchAddress(address);
        if (denied.isPresent()) return new Refusal(text, "on " + DENY_VAR + " (" + denied.get() + ")", false);
        if (nameAllowed || allow.matchAddress(address).isPresent()) return null;
        return AddressClassifier.classify(address)
                .map(f -> new Refusal(text, f.describe(), true))
                .orElse(null);
    }

    /** An address object made from the checked bytes, so no later step can look the name up again. */
    private static InetAddress pinned(String host, byte[] bytes) {
        try {
            return InetAddress.getByAddress(host.startsWith("[") ? null : host, bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("checked address has a bad length", e);
        }
    }
}
