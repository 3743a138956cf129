package io.pagelens.url;

import java.net.URI;

/**
 * An absolute http or https URL parsed and serialized as the WHATWG URL Standard says, so pagelens reads a URL the
 * way the browser it drives does: {@code https://bücher.de/} has the host {@code xn--bcher-kva.de},
 * {@code http://2130706433/} is {@code 127.0.0.1}, {@code ?q=a|b} is kept, {@code /a/./b/../c} is {@code /a/c}.
 *
 * <pre>{@code
 * WebUrl url = WebUrl.parse("HTTPS://Bücher.de:443/a b?q=a|b");
 * url.href();     // "https://xn--bcher-kva.de/a%20b?q=a|b"
 * url.host();     // Host.Domain[name=xn--bcher-kva.de]
 * url.toUri();    // java.net.URI of "https://xn--bcher-kva.de/a%20b?q=a%7Cb"
 * WebUrl link = url.resolve("../img.png");
 * }</pre>
 *
 * Immutable and thread-safe. It holds the href and offsets into it; the parts are substrings on demand. Equality
 * is equality of the href. Parsing throws {@link UrlException} naming the part that is wrong.
 */
public final class WebUrl {
    private static final UrlParser PARSER = new UrlParser(Uts46DomainToAscii.INSTANCE);

    /** What java.net.URI (RFC 2396) refuses in each part, beyond what the WHATWG encode sets already encoded. */
    private static final PercentEncoding.EncodeSet URI_USERINFO = allExcept("-_.!~*'();:&=+$,");
    private static final PercentEncoding.EncodeSet URI_HOST = allExcept("-_.!~*'();:&=+$,");
    private static final PercentEncoding.EncodeSet URI_PATH = allExcept("-_.!~*'():@&=+$,;/");
    private static final PercentEncoding.EncodeSet URI_QUERY = allExcept("-_.!~*'();/?:@&=+$,[]");

    private final String href;
    private final int schemeEnd;
    private final int hostStart;
    private final int hostEnd;
    private final int port;
    private final int pathStart;
    private final int queryStart;
    private final int fragmentStart;
    private final Host host;

    WebUrl(String href, int schemeEnd, int hostStart, int hostEnd, int port, int pathStart, int queryStart,
           int fragmentStart, Host host) {
        this.href = href;
        this.schemeEnd = schemeEnd;
        this.hostStart = hostStart;
        this.hostEnd = hostEnd;
        this.port = port;
        this.pathStart = pathStart;
        this.queryStart = queryStart;
        this.fragmentStart = fragmentStart;
        this.host = host;
    }

    /** Parses an absolute http or https URL; throws {@link UrlException} naming the part that is wrong. */
    public static WebUrl parse(String input) {
        return PARSER.parse(input, null);
    }

    /**
     * Parses {@code input} against {@code base} (a link in a page): relative references resolve, absolute ones
     * stand alone. {@code base} may be null, which makes this {@link #parse(String)}.
     */
    public static WebUrl parse(String input, WebUrl base) {
        return PARSER.parse(input, base);
    }

    /** Reads a {@link URI} (made by {@link #toUri()} or by anyone) the WHATWG way; its host is never null here. */
    public static WebUrl from(URI uri) {
        return parse(uri.toString());
    }

    /** {@code input} resolved against this URL, as a browser follows a link. */
    public WebUrl resolve(String input) {
        return parse(input, this);
    }

    /** The whole URL, serialized: ASCII only, every part encoded as the standard says. */
    public String href() {
        return href;
    }

    /** {@code "http"} or {@code "https"}. */
    public String scheme() {
        return schemeEnd == 4 ? "http" : "https";
    }

    public boolean isHttps() {
        return schemeEnd == 5;
    }

    /** The percent-encoded user name, or "" when there is none. */
    public String username() {
        if (!hasCredentials()) return "";
        int colon = href.indexOf(':', schemeEnd + 3);
        return href.substring(schemeEnd + 3, colon >= 0 && colon < hostStart - 1 ? colon : hostStart - 1);
    }

    /** The percent-encoded password, or "" when there is none. */
    public String password() {
        if (!hasCredentials()) return "";
        int colon = href.indexOf(':', schemeEnd + 3);
        return colon >= 0 && colon < hostStart - 1 ? href.substring(colon + 1, hostStart - 1) : "";
    }

    /** Whether a user name or password is present (an empty {@code :@} is dropped while parsing). */
    public boolean hasCredentials() {
        return hostStart > schemeEnd + 3;
    }

    /** The host as parsed: a domain, an IPv4 or an IPv6 address. */
    public Host host() {
        return host;
    }

    /** The host as in the href ({@code example.com}, {@code 127.0.0.1}, {@code [::1]}). */
    public String hostname() {
        return href.substring(hostStart, hostEnd);
    }

    /** The port, or -1 when the URL has none (a default port, 80 for http and 443 for https, is dropped). */
    public int port() {
        return port;
    }

    /** The port a connection uses: {@link #port()}, else 80 or 443. */
    public int effectivePort() {
        return port >= 0 ? port : isHttps() ? 443 : 80;
    }

    /** The percent-encoded path, always starting with {@code /}. */
    public String path() {
        return href.substring(pathStart, queryStart >= 0 ? queryStart : fragmentStart >= 0 ? fragmentStart : href.length());
    }

    /** Whether there is a {@code ?}, even with an empty query. */
    public boolean hasQuery() {
        return queryStart >= 0;
    }

    /** The percent-encoded query without {@code ?}, or "" when there is none or it is empty. */
    public String query() {
        return queryStart < 0 ? "" : href.substring(queryStart + 1, fragmentStart >= 0 ? fragmentStart : href.length());
    }

    /** {@code "?" + query} as the DOM's {@code location.search}: "" when the query is absent or empty. */
    public String search() {
        String q = query();
        return q.isEmpty() ? "" : "?" + q;
    }

    /** Whether there is a {@code #}, even with an empty fragment. */
    public boolean hasFragment() {
        return fragmentStart >= 0;
    }

    /** The percent-encoded fragment without {@code #}, or "" when there is none or it is empty. */
    public String fragment() {
        return fragmentStart < 0 ? "" : href.substring(fragmentStart + 1);
    }

    /** {@code "#" + fragment} as the DOM's {@code location.hash}: "" when the fragment is absent or empty. */
    public String hash() {
        String f = fragment();
        return f.isEmpty() ? "" : "#" + f;
    }

    /** Path and query as an HTTP request line carries them ({@code /a?b}). */
    public String pathAndQuery() {
        return href.substring(pathStart, fragmentStart >= 0 ? fragmentStart : href.length());
    }

    /** {@code scheme://host[:port]}, the origin browsers isolate on. */
    public String origin() {
        return scheme() + "://" + href.substring(hostStart, pathStart);
    }

    /** This URL without its fragment (what is fetched), or this when it has none. */
    public WebUrl withoutFragment() {
        if (fragmentStart < 0) return this;
        return new WebUrl(href.substring(0, fragmentStart), schemeEnd, hostStart, hostEnd, port, pathStart, queryStart, -1, host);
    }

    /**
     * The href as a {@link URI}. java.net.URI follows RFC 2396, stricter than browsers, so the characters it
     * refuses are percent-encoded here ({@code |} becomes {@code %7C}, a lone {@code %} becomes {@code %25}); a
     * host that is no RFC 2396 host name (with {@code _}, say) makes {@link URI#getHost()} null: read it with
     * {@link #from(URI)}.
     */
    public URI toUri() {
        StringBuilder s = new StringBuilder(href.length() + 16);
        s.append(href, 0, schemeEnd + 3);
        if (hasCredentials()) {
            appendForUri(s, schemeEnd + 3, hostStart - 1, URI_USERINFO);
            s.append('@');
        }
        if (host instanceof Host.Domain) appendForUri(s, hostStart, hostEnd, URI_HOST);
        else s.append(href, hostStart, hostEnd);
        s.append(href, hostEnd, pathStart); // :port
        int pathEnd = queryStart >= 0 ? queryStart : fragmentStart >= 0 ? fragmentStart : href.length();
        appendForUri(s, pathStart, pathEnd, URI_PATH);
        if (queryStart >= 0) {
            s.append('?');
            appendForUri(s, queryStart + 1, fragmentStart >= 0 ? fragmentStart : href.length(), URI_QUERY);
        }
        if (fragmentStart >= 0) {
            s.append('#');
            appendForUri(s, fragmentStart + 1, href.length(), URI_QUERY);
        }
        return URI.create(s.toString());
    }

    private void appendForUri(StringBuilder s, int start, int end, PercentEncoding.EncodeSet encode) {
        for (int i = start; i < end; i++) {
            char c = href.charAt(i);
            if (c == '%') {
                if (i + 2 < end && PercentEncoding.isHex(href.charAt(i + 1)) && PercentEncoding.isHex(href.charAt(i + 2))) s.append(c);
                else PercentEncoding.appendByte(s, c);
            } else if (encode.contains(c)) {
                PercentEncoding.appendByte(s, c);
            } else {
                s.append(c);
            }
        }
    }

    private static PercentEncoding.EncodeSet allExcept(String allowed) {
        long low = 0, high = 0;
        for (int c = 0; c < 128; c++) {
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || allowed.indexOf(c) >= 0;
            if (ok) continue;
            if (c < 64) low |= 1L << c;
            else high |= 1L << (c - 64);
        }
        return new PercentEncoding.EncodeSet(low, high);
    }

    int hostStart() {
        return hostStart;
    }

    int hostEnd() {
        return hostEnd;
    }

    int pathStart() {
        return pathStart;
    }

    /** {@code ?query} exactly as in the href (also a bare {@code ?}), or "" when absent. */
    String queryWithMark() {
        return queryStart < 0 ? "" : href.substring(queryStart, fragmentStart >= 0 ? fragmentStart : href.length());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebUrl w && w.href.equals(href);
    }

    @Override
    public int hashCode() {
        return href.hashCode();
    }

    /** The href. */
    @Override
    public String toString() {
        return href;
    }
}
