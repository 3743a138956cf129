package io.pagelens.testing;

import io.pagelens.egress.EgressGuard;
import io.pagelens.egress.EgressSettings;
import io.pagelens.egress.HostResolverRules;
import io.pagelens.egress.Resolver;

import java.util.Map;

/**
 * The egress guard as every test engine runs it: on, with {@code 127.0.0.1,localhost} allowed (the corpus server
 * listens on 127.0.0.1), resolving as the tests' Chromium flag says (nothing but 127.0.0.1 resolves, so no test
 * sends a DNS query or a packet off the machine).
 */
public final class TestEgress {
    public static final String ALLOW_HOSTS = "127.0.0.1,localhost";
    public static final String RESOLVER_RULES = "MAP * ~NOTFOUND , EXCLUDE 127.0.0.1";

    private TestEgress() {
    }

    public static EgressGuard guard() {
        return EgressGuard.start(EgressSettings.allowing(ALLOW_HOSTS),
                HostResolverRules.parse("test", RESOLVER_RULES, Resolver.system()), null);
    }

    /** For a pagelens process a test starts: the same allow-list through the environment. */
    public static Map<String, String> env() {
        return Map.of("PAGELENS_ALLOW_HOSTS", ALLOW_HOSTS);
    }
}
