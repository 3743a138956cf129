package io.pagelens.egress;

/**
 * The {@code host[:port]} of a request target, split without judging the host (that is {@link CanonicalHost}'s and
 * the policy's job). IPv6 hosts keep their brackets.
 */
record HostPort(String host, int port) {
    /** Splits {@code authority}; {@code defaultPort} -1 means the port is required (CONNECT). */
    static HostPort parse(String authority, int defaultPort) {
        if (authority.isEmpty()) throw new IllegalArgumentException("the request has no host");
        if (authority.indexOf('@') >= 0) throw new IllegalArgumentException("credentials in a proxied URL are refused");
        String host;
        String port = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) throw new IllegalArgumentException("unclosed '[' in the host");
            host = authority.substring(0, close + 1);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) throw new IllegalArgumentException("junk after the IPv6 host");
                port = rest.substring(1);
            }
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            if (colon >= 0) port = authority.substring(colon + 1);
        }
        int p;
        if (port == null || port.isEmpty()) {
            if (defaultPort < 0) throw new IllegalArgumentException("CONNECT needs a port");
            p = defaultPort;
        } else {
            if (port.length() > 5 || !port.chars().allMatch(Character::isDigit)) throw new IllegalArgumentException("invalid port");
            p = Integer.parseInt(port);
            if (p < 1 || p > 65535) throw new IllegalArgumentException("port out of range");
        }
        return new HostPort(host, p);
    }

    String authority() {
        return host + ":" + port;
    }
}
