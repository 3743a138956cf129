package io.pagelens.egress;

import io.pagelens.config.Env;

import java.time.Duration;

/**
 * How the egress guard runs, from {@code PAGELENS_EGRESS}, {@code PAGELENS_ALLOW_HOSTS}, {@code PAGELENS_DENY_HOSTS}
 * and {@code PAGELENS_EGRESS_CONNECT_TIMEOUT} (docs/configuration.md).
 *
 * @param enabled        the guard is on (the default); off lets Chromium reach any address and is logged loudly
 * @param allow          hosts and blocks reachable despite the special-purpose ranges
 * @param deny           hosts and blocks never reachable, allow-list or not
 * @param connectTimeout how long one connection attempt to an origin may take
 */
public record EgressSettings(boolean enabled, HostList allow, HostList deny, Duration connectTimeout) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public EgressSettings {
        if (connectTimeout.isNegative() || connectTimeout.isZero()) throw new IllegalArgumentException("connectTimeout must be positive");
    }

    /** On, with the given allow-list (as {@code PAGELENS_ALLOW_HOSTS} spells it) and no deny-list. */
    public static EgressSettings allowing(String allowHosts) {
        return new EgressSettings(true, HostList.parse(EgressPolicy.ALLOW_VAR, allowHosts), HostList.EMPTY, DEFAULT_CONNECT_TIMEOUT);
    }

    public static EgressSettings fromEnv(Env env) {
        Duration connect = env.duration("PAGELENS_EGRESS_CONNECT_TIMEOUT", DEFAULT_CONNECT_TIMEOUT);
        if (connect.isZero() || connect.isNegative()) {
            throw new io.pagelens.config.ConfigException("PAGELENS_EGRESS_CONNECT_TIMEOUT", connect.toString(), "must be positive");
        }
        return new EgressSettings(env.bool("PAGELENS_EGRESS", true),
                HostList.parse(EgressPolicy.ALLOW_VAR, env.string(EgressPolicy.ALLOW_VAR, "")),
                HostList.parse(EgressPolicy.DENY_VAR, env.string(EgressPolicy.DENY_VAR, "")), connect);
    }
}
