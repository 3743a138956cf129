package io.pagelens.clean;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The network rules of one filter list (Adblock Plus syntax, the subset pagelens supports), compiled into a compact
 * matcher. Host-only rules ({@code ||ads.example^}, nine in ten of EasyList's) are 64-bit hashes in a sorted array,
 * looked up for the host and each parent domain; the other rules are indexed by a token that any URL they match must
 * contain as a whole token, so a request is checked against a handful of them. Exceptions ({@code @@}) have the same
 * two forms. Supported options: {@code third-party}/{@code ~third-party} and resource types (with {@code ~});
 * rules with other options ({@code domain=}, {@code popup}, {@code csp}, ...) or regular expressions are dropped at
 * compile time ({@link #supported}).
 */
final class NetworkFilter {
    static final int SCRIPT = 1, IMAGE = 1 << 1, STYLESHEET = 1 << 2, XHR = 1 << 3, SUBDOCUMENT = 1 << 4, MEDIA = 1 << 5,
            FONT = 1 << 6, PING = 1 << 7, WEBSOCKET = 1 << 8, OTHER = 1 << 9, ALL_TYPES = (1 << 10) - 1;
    static final int THIRD = 1 << 12, FIRST = 1 << 13;
    private static final Map<String, Integer> TYPES = Map.ofEntries(Map.entry("script", SCRIPT), Map.entry("image", IMAGE),
            Map.entry("stylesheet", STYLESHEET), Map.entry("xmlhttprequest", XHR), Map.entry("subdocument", SUBDOCUMENT),
            Map.entry("media", MEDIA), Map.entry("font", FONT), Map.entry("ping", PING), Map.entry("websocket", WEBSOCKET),
            Map.entry("other", OTHER), Map.entry("object", OTHER));

    final String name;
    private final Rules block;
    private final Rules allow;

    private NetworkFilter(String name, Rules block, Rules allow) {
        this.name = name;
        this.block = block;
        this.allow = allow;
    }

    /** The rule that blocks {@code r}, or null (none matched, or an exception did). */
    String match(FilterRequest r) {
        String rule = block.match(r);
        if (rule == null || allow.match(r) != null) return null;
        return rule;
    }

    int size() {
        return block.size() + allow.size();
    }

    /** The type bit of a CDP resource type (Network.ResourceType). */
    static int typeBit(String cdpType) {
        return switch (cdpType == null ? "" : cdpType) {
            case "Script" -> SCRIPT;
            case "Image" -> IMAGE;
            case "Stylesheet" -> STYLESHEET;
            case "XHR", "Fetch", "EventSource" -> XHR;
            case "Document" -> SUBDOCUMENT; // main documents are never filtered (RequestFilterStep)
            case "Media" -> MEDIA;
            case "Font" -> FONT;
            case "Ping", "CSPViolationReport" -> PING;
            case "WebSocket" -> WEBSOCKET;
            default -> OTHER;
        };
    }

    /** Compiles the rules of a list (comment, cosmetic and unsupported lines are skipped). */
    static NetworkFilter compile(String name, Iterable<String> lines) {
        Rules.Builder block = new Rules.Builder();
        Rules.Builder allow = new Rules.Builder();
        for (String raw : lines) {
            String line = raw.strip();
            if (!supported(line)) continue;
            boolean exception = line.startsWith("@@");
            (exception ? allow : block).add(exception ? line.substring(2) : line, line);
        }
        return new NetworkFilter(name, block.build(), allow.build());
    }

    /** Whether a line is a network rule this matcher understands (the compiler keeps only those). */
    static boolean supported(String line) {
        if (line.isEmpty() || line.startsWith("!") || line.startsWith("[") || line.contains("##") || line.contains("#@#")
                || line.contains("#?#") || line.contains("#$#") || line.contains("#%#")) return false;
        String body = line.startsWith("@@") ? line.substring(2) : line;
        int dollar = body.lastIndexOf('$');
        String pattern = dollar >= 0 ? body.substring(0, dollar) : body;
        if (pattern.isEmpty() || pattern.length() < 3 || (pattern.startsWith("/") && pattern.endsWith("/") && pattern.length() > 2)) return false;
        return dollar < 0 || options(body.substring(dollar + 1)) >= 0;
    }

    /** The option bits of "script,third-party", or -1 when an option is not supported. */
    static int options(String s) {
        int types = 0, notTypes = 0, party = 0;
        for (String o : s.toLowerCase(Locale.ROOT).split(",")) {
            boolean not = o.startsWith("~");
            String n = not ? o.substring(1) : o;
            switch (n) {
                case "third-party", "3p" -> party |= not ? FIRST : THIRD;
                case "first-party", "1p" -> party |= not ? THIRD : FIRST;
                case "important", "match-case" -> {
                }
                default -> {
                    Integer t = TYPES.get(n);
                    if (t == null) return -1;
                    if (not) notTypes |= t; else types |= t;
                }
            }
        }
        int typeMask = types != 0 ? types : notTypes != 0 ? ALL_TYPES & ~notTypes : 0;
        return typeMask | party;
    }

    static boolean optionsAllow(int opts, FilterRequest r) {
        int types = opts & ALL_TYPES;
        if (types != 0 && (types & r.type()) == 0) return false;
        if ((opts & THIRD) != 0 && !r.thirdParty()) return false;
        return (opts & FIRST) == 0 || !r.thirdParty();
    }

    /** One kind of rules (blocking or exception) of a list. */
    static final class Rules {
        private final long[] hostHashes;
        private final int[] hostOptions;
        private final Map<String, Pattern[]> byToken;
        private final Pattern[] untokened;

        private Rules(long[] hostHashes, int[] hostOptions, Map<String, Pattern[]> byToken, Pattern[] untokened) {
            this.hostHashes = hostHashes;
            this.hostOptions = hostOptions;
            this.byToken = byToken;
            this.untokened = untokened;
        }

        int size() {
            int n = hostHashes.length + untokened.length;
            for (Pattern[] p : byToken.values()) n += p.length;
            return n;
        }

        String match(FilterRequest r) {
            for (String d = r.host(); !d.isEmpty(); ) { // the host, then each parent domain
                int at = Arrays.binarySearch(hostHashes, hash(d));
                if (at >= 0 && optionsAllow(hostOptions[at], r)) return "||" + d + "^";
                int dot = d.indexOf('.');
                if (dot < 0) break;
                d = d.substring(dot + 1);
            }
            String url = r.url();
            int n = url.length();
            for (int s = 0; s < n; ) {
                while (s < n && !Pattern.tokenChar(url.charAt(s))) s++;
                int e = s;
                while (e < n && Pattern.tokenChar(url.charAt(e))) e++;
                if (e > s) {
                    Pattern[] ps = byToken.get(url.substring(s, e));
                    if (ps != null) for (Pattern p : ps) if (optionsAllow(p.options, r) && p.matches(url, r.host())) return p.text;
                }
                s = e;
            }
            for (Pattern p : untokened) if (optionsAllow(p.options, r) && p.matches(url, r.host())) return p.text;
            return null;
        }

        static long hash(String s) {
            long h = 0xcbf29ce484222325L; // FNV-1a, 64 bit: ~100k hosts collide with odds of about 1 in 10^9
            for (int i = 0; i < s.length(); i++) {
                h ^= s.charAt(i);
                h *= 0x100000001b3L;
            }
            return h;
        }

        static final class Builder {
            private final Map<Long, Integer> hosts = new HashMap<>();
            private final Map<String, List<Pattern>> byToken = new HashMap<>();
            private final List<Pattern> untokened = new ArrayList<>();

            void add(String body, String original) {
                int dollar = body.lastIndexOf('$');
                String pattern = (dollar >= 0 ? body.substring(0, dollar) : body).toLowerCase(Locale.ROOT);
                int opts = dollar >= 0 ? options(body.substring(dollar + 1)) : 0;
                String host = hostOnly(pattern);
                if (host != null) {
                    // two rules for one host: the wider wins (no options means every request)
                    hosts.merge(Rules.hash(host), opts, (a, b) -> a == 0 || b == 0 ? 0 : (a & ALL_TYPES) | (b & ALL_TYPES) | (a & b & (THIRD | FIRST)));
                    return;
                }
                Pattern p = new Pattern(pattern, opts, original);
                String token = p.token();
                if (token == null) untokened.add(p); else byToken.computeIfAbsent(token, k -> new ArrayList<>(1)).add(p);
            }

            Rules build() {
                long[] keys = hosts.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
                int[] opts = new int[keys.length];
                for (int i = 0; i < keys.length; i++) opts[i] = hosts.get(keys[i]);
                Map<String, Pattern[]> tokens = new HashMap<>(byToken.size() * 2);
                byToken.forEach((k, v) -> tokens.put(k, v.toArray(Pattern[]::new)));
                return new Rules(keys, opts, tokens, untokened.toArray(Pattern[]::new));
            }

            /** "||ads.example.com^" is ads.example.com; anything else is null. */
            private static String hostOnly(String p) {
                if (!p.startsWith("||")) return null;
                int end = p.endsWith("^") ? p.length() - 1 : p.length();
                if (end <= 2) return null;
                for (int i = 2; i < end; i++) {
                    char c = p.charAt(i);
                    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_')) return null;
                }
                return p.substring(2, end);
            }
        }
    }
}
