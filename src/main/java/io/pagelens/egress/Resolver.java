package io.pagelens.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a canonical host into the addresses to connect to. The guard asks once per connection, decides on the
 * answer and connects to an address from that same answer, so a second, different answer (DNS rebinding) is
 * judged afresh and never reaches a socket unchecked. Implementations: {@link #system()} and
 * {@link HostResolverRules}; tests supply their own.
 */
@FunctionalInterface
public interface Resolver {
    /**
     * The addresses of {@code host} (a lowercase DNS name, a dotted quad, or bracketed IPv6); an IP literal resolves
     * to itself unless a rule maps it. Never empty.
     *
     * @throws UnknownHostException when the host has no address
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM's resolver (the OS's, through its cache); {@code localhost} and {@code *.localhost} are loopback without asking DNS (RFC 6761). */
    static Resolver system() {
        return SystemResolver.INSTANCE;
    }
}
