package io.pagelens.url;

import com.fasterxml.jackson.databind.JsonNode;
import io.pagelens.json.Jackson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores {@link WebUrl} on the web-platform-tests URL data ({@code urltestdata.json}): every case whose input is
 * an http or https URL, or a relative reference against an http or https base. A case passes on href when the
 * href matches (or both sides reject the input), and on components when href, protocol, username, password, host,
 * hostname, port, pathname, search, hash and origin (where given) all match. Other schemes are out of scope:
 * pagelens refuses them by name.
 */
public final class WptUrlSuite {
    /** Where the data lies under {@code shared/corpus}. */
    public static final String DATA = "suites/crawler-commons/url-utils/wpt-urltestdata.json";

    /** One case that did not pass: what was expected and what came out ({@code "failure"} for a rejection). */
    public record Miss(String input, String base, String expected, String actual) {
    }

    /**
     * @param cases          in-scope cases
     * @param expectFailure  of them, inputs the standard rejects
     * @param hrefPassed     cases whose href matched, or that were rightly rejected
     * @param allPassed      cases whose every component matched, or that were rightly rejected
     * @param rejectedRight  rightly rejected inputs (part of both counts above)
     */
    public record Score(int cases, int expectFailure, int hrefPassed, int allPassed, int rejectedRight, List<Miss> misses) {
        public double hrefPercent() {
            return cases == 0 ? 0 : 100.0 * hrefPassed / cases;
        }

        public double allPercent() {
            return cases == 0 ? 0 : 100.0 * allPassed / cases;
        }
    }

    private static final String[] COMPONENTS = {"protocol", "username", "password", "host", "hostname", "port",
            "pathname", "search", "hash", "origin"};

    private WptUrlSuite() {
    }

    /** @param shared the shared/ folder (holding corpus/) */
    public static Score run(Path shared) throws IOException {
        return run(shared.resolve("corpus").resolve(DATA), new UrlParser(Uts46DomainToAscii.INSTANCE));
    }

    static Score run(Path data, UrlParser parser) throws IOException {
        JsonNode all = Jackson.MAPPER.readTree(data.toFile());
        int cases = 0, expectFailure = 0, hrefPassed = 0, allPassed = 0, rejectedRight = 0;
        List<Miss> misses = new ArrayList<>();
        for (JsonNode c : all) {
            if (!c.isObject()) continue; // comments
            String input = c.path("input").asText();
            String baseText = c.path("base").isTextual() ? c.path("base").asText() : null;
            if (!inScope(input, baseText)) continue;
            cases++;
            boolean failure = c.path("failure").asBoolean(false);
            if (failure) expectFailure++;
            WebUrl url;
            try {
                WebUrl base = baseText != null && isHttp(schemeOf(baseText)) ? parser.parse(baseText, null) : null;
                url = parser.parse(input, base);
            } catch (UrlException e) {
                if (failure) {
                    rejectedRight++;
                    hrefPassed++;
                    allPassed++;
                } else {
                    misses.add(new Miss(input, baseText, c.path("href").asText(), "failure: " + e.getMessage()));
                }
                continue;
            }
            if (failure) {
                misses.add(new Miss(input, baseText, "failure", url.href()));
                continue;
            }
            String expected = c.path("href").asText();
            if (!expected.equals(url.href())) {
                misses.add(new Miss(input, baseText, expected, url.href()));
                continue;
            }
            hrefPassed++;
            String wrong = null;
            for (String name : COMPONENTS) {
                if (!c.has(name)) continue;
                String actual = component(url, name);
                if (!c.path(name).asText().equals(actual)) {
                    wrong = name + " '" + c.path(name).asText() + "' but was '" + actual + "'";
                    break;
                }
            }
            if (wrong == null) allPassed++;
            else misses.add(new Miss(input, baseText, expected, wrong));
        }
        return new Score(cases, expectFailure, hrefPassed, allPassed, rejectedRight, List.copyOf(misses));
    }

    /** The DOM's name for each part ({@code location.host} is host and port). */
    static String component(WebUrl url, String name) {
        return switch (name) {
            case "protocol" -> url.scheme() + ":";
            case "username" -> url.username();
            case "password" -> url.password();
            case "host" -> url.port() < 0 ? url.hostname() : url.hostname() + ":" + url.port();
            case "hostname" -> url.hostname();
            case "port" -> url.port() < 0 ? "" : Integer.toString(url.port());
            case "pathname" -> url.path();
            case "search" -> url.search();
            case "hash" -> url.hash();
            case "origin" -> url.origin();
            default -> throw new IllegalArgumentException("unknown component " + name);
        };
    }

    /** An http(s) input, or a relative one (no scheme) against an http(s) base. */
    static boolean inScope(String input, String base) {
        String scheme = schemeOf(input);
        return isHttp(scheme) || (scheme == null && base != null && isHttp(schemeOf(base)));
    }

    private static boolean isHttp(String scheme) {
        return "http".equals(scheme) || "https".equals(scheme);
    }

    /** The scheme as the parser's scheme states find it, lower case, or null when the input has none. */
    static String schemeOf(String raw) {
        String s = UrlParser.clean(raw);
        if (s.isEmpty() || !Character.isLetter(s.charAt(0)) || s.charAt(0) >= 128) return null;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') return s.substring(0, i).toLowerCase(java.util.Locale.ROOT);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
            if (!ok) return null;
        }
        return null;
    }
}
