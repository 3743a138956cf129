package io.pagelens.egress;

import io.pagelens.config.ConfigException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chromium's {@code --host-resolver-rules} applied by the guard's resolver. Once Chromium sends everything to the
 * proxy it resolves no page host itself, so rules given in {@code PAGELENS_CHROME_ARGS} (tests and benchmarks use
 * {@code MAP * ~NOTFOUND , EXCLUDE 127.0.0.1} to stay on a closed network) must be honoured here, or the proxy
 * would look up what Chromium was told not to. Same semantics as Chromium's HostMappingRules: an EXCLUDE that
 * matches the host wins; otherwise the first matching MAP replaces it ({@code ~NOTFOUND}: no address). Patterns
 * take {@code *} and {@code ?}, and apply to IP literals too. Ports in patterns or replacements are not supported.
 */
public final class HostResolverRules implements Resolver {
    private record MapRule(String pattern, String replacement) {
    }

    private static final String NOT_FOUND = "~notfound";

    private final List<MapRule> maps;
    private final List<String> excludes;
    private final Resolver next;
    private final String text;

    private HostResolverRules(List<MapRule> maps, List<String> excludes, Resolver next, String text) {
        this.maps = List.copyOf(maps);
        this.excludes = List.copyOf(excludes);
        this.next = next;
        this.text = text;
    }

    /**
     * Parses the value of {@code --host-resolver-rules}; errors name {@code variable} (where the flag came from).
     * {@code next} resolves hosts that no rule maps away.
     */
    public static HostResolverRules parse(String variable, String rules, Resolver next) {
        List<MapRule> maps = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        for (String rule : rules.split(",")) {
            String[] t = rule.trim().toLowerCase(Locale.ROOT).split("\\s+");
            if (t.length == 1 && t[0].isEmpty()) continue;
            if (t[0].equals("map") && t.length == 3) {
                checkNoPort(variable, rules, t[1]);
                if (!t[2].equals(NOT_FOUND)) checkNoPort(variable, rules, t[2]);
                maps.add(new MapRule(t[1], t[2]));
            } else if (t[0].equals("exclude") && t.length == 2) {
                checkNoPort(variable, rules, t[1]);
                excludes.add(t[1]);
            } else {
                throw new ConfigException(variable, rules, "--host-resolver-rules: '" + rule.trim()
                        + "' is neither 'MAP PATTERN REPLACEMENT' nor 'EXCLUDE PATTERN'");
            }
        }
        return new HostResolverRules(maps, excludes, next, rules);
    }

    private static void checkNoPort(String variable, String rules, String hostPattern) {
        boolean port = hostPattern.startsWith("[") ? hostPattern.contains("]:")
                : hostPattern.chars().filter(c -> c == ':').count() == 1; // unbracketed IPv6 has several colons
        if (port) {
            throw new ConfigException(variable, rules, "--host-resolver-rules: ports ('" + hostPattern
                    + "') are not supported while the egress guard is on");
        }
    }

    /** The {@code --host-resolver-rules=} value in a Chromium argument list (the last one wins, as in Chromium), or null. */
    public static String find(List<String> chromeArgs) {
        String found = null;
        for (String a : chromeArgs) {
            if (a.startsWith("--host-resolver-rules=")) found = a.substring("--host-resolver-rules=".length());
        }
        return found;
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        String h = host.toLowerCase(Locale.ROOT);
        String bare = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        for (String ex : excludes) {
            if (matches(bare, ex) || matches(h, ex)) return next.resolve(host);
        }
        for (MapRule m : maps) {
            if (matches(bare, m.pattern()) || matches(h, m.pattern())) {
                if (m.replacement().equals(NOT_FOUND)) throw new UnknownHostException(host + " (mapped to ~NOTFOUND by --host-resolver-rules)");
                return next.resolve(m.replacement());
            }
        }
        return next.resolve(host);
    }

    /** Glob match with {@code *} (any run) and {@code ?} (one character), as Chromium's MatchPattern. */
    static boolean matches(String s, String pattern) {
        int si = 0;
        int pi = 0;
        int star = -1;
        int mark = 0;
        while (si < s.length()) {
            if (pi < pattern.length() && (pattern.charAt(pi) == '?' || pattern.charAt(pi) == s.charAt(si))) {
                si++;
                pi++;
            } else if (pi < pattern.length() && pattern.charAt(pi) == '*') {
                star = pi++;
                mark = si;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (pi < pattern.length() && pattern.charAt(pi) == '*') pi++;
        return pi == pattern.length();
    }

    @Override
    public String toString() {
        return text;
    }
}
