package io.pagelens.crawl;

import crawlercommons.filters.basic.BasicURLNormalizer;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Tag;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * One spelling per page: the key under which the frontier deduplicates URLs.
 * <ol>
 *   <li>the fragment goes ({@code #section} is the same document);</li>
 *   <li>session path parameters go ({@code /login;jsessionid=7C2D} is {@code /login});</li>
 *   <li>tracking and session query parameters go ({@link TrackingParameters}: {@code utm_*}, {@code gclid},
 *       {@code fbclid}, {@code sid}, ...), or the whole query with {@code ignoreQueryParameters};</li>
 *   <li>crawler-commons' {@link BasicURLNormalizer} does the rest: lower-case scheme and host, IDN to punycode,
 *       default port removed, dot segments resolved, percent-encoding normalised, query parameters sorted.</li>
 * </ol>
 * Paths keep their case ({@code /Pricing} and {@code /pricing} may be different pages; the canonical link tells).
 * Only http and https URLs are normalised (a URL without a scheme is read as http, as crawler-commons does); other
 * schemes give empty, since a crawler never fetches them. Thread-safe.
 */
public final class UrlNormalizer {
    /** Keeps query parameters other than tracking ones. */
    public static final UrlNormalizer DEFAULT = new UrlNormalizer(false);
    /** Drops every query parameter. */
    public static final UrlNormalizer IGNORE_QUERY = new UrlNormalizer(true);

    private static final BasicURLNormalizer BASIC = new BasicURLNormalizer();
    private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern PATH_PARAMETER = Pattern.compile(";([^/;?#=]*)(=[^/;?#]*)?");

    private final boolean ignoreQuery;

    private UrlNormalizer(boolean ignoreQuery) {
        this.ignoreQuery = ignoreQuery;
    }

    public static UrlNormalizer of(boolean ignoreQueryParameters) {
        return ignoreQueryParameters ? IGNORE_QUERY : DEFAULT;
    }

    /** The normal form of an absolute http(s) URL, or empty when it is not one or cannot be parsed. */
    public Optional<String> normalize(String url) {
        if (url == null) return Optional.empty();
        String u = url.strip();
        if (!SCHEME.matcher(u).lookingAt()) u = "http://" + u; // a bare "example.com/x", as crawler-commons reads it
        String lower = u.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) return Optional.empty();
        int hash = u.indexOf('#');
        if (hash >= 0) u = u.substring(0, hash);
        int q = u.indexOf('?');
        String beforeQuery = q < 0 ? u : u.substring(0, q);
        String query = q < 0 ? null : u.substring(q + 1);
        int pathStart = beforeQuery.indexOf('/', lower.indexOf("//") + 2);
        if (pathStart >= 0) {
            beforeQuery = beforeQuery.substring(0, pathStart) + stripSessionPathParameters(beforeQuery.substring(pathStart));
        }
        query = ignoreQuery ? null : withoutTracking(query);
        String candidate = query == null || query.isEmpty() ? beforeQuery : beforeQuery + "?" + query;
        try {
            return Optional.ofNullable(BASIC.filter(candidate));
        } catch (RuntimeException e) { // the normaliser promises null for bad input; be safe anyway
            return Optional.empty();
        }
    }

    /**
     * {@code href} resolved against {@code base} (as a browser does, via jsoup) and normalised; empty when the result
     * is not an http(s) URL.
     */
    public Optional<String> resolve(String base, String href) {
        if (href == null || href.isBlank()) return Optional.empty();
        Element a = new Element(Tag.valueOf("a"), base);
        a.attr("href", href.strip());
        String abs = a.absUrl("href");
        return normalize(abs.isEmpty() ? href : abs);
    }

    static String stripSessionPathParameters(String path) {
        if (path.indexOf(';') < 0) return path;
        var m = PATH_PARAMETER.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean session = TrackingParameters.PATH_PARAMETERS.contains(m.group(1).toLowerCase(Locale.ROOT));
            m.appendReplacement(out, session ? "" : java.util.regex.Matcher.quoteReplacement(m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String withoutTracking(String query) {
        if (query == null || query.isEmpty()) return query;
        StringJoiner kept = new StringJoiner("&");
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!TrackingParameters.isTracking(decode(name))) kept.add(pair);
        }
        return kept.toString();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
