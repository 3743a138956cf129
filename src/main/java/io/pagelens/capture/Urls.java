package io.pagelens.capture;

import io.pagelens.egress.EgressGuard;
import io.pagelens.url.UrlException;
import io.pagelens.url.WebUrl;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** URL checks shared by every entry point. */
public final class Urls {
    private static final Pattern SCHEME = Pattern.compile("\\s*([a-zA-Z][a-zA-Z0-9+.-]*):");

    private Urls() {
    }

    /**
     * Parses an absolute http(s) URL as a browser does (WHATWG URL Standard, see {@link WebUrl}) and returns it
     * as a URI built from its serialization: {@code https://bücher.de/?q=a|b} gives
     * {@code https://xn--bcher-kva.de/?q=a%7Cb}. Throws naming the field {@code url} and the part that is wrong
     * ({@code "url: port: 99999 is out of range (0 to 65535)"}).
     */
    public static URI parseHttpUrl(String raw) {
        if (raw != null) {
            Matcher leading = SCHEME.matcher(raw);
            if (leading.lookingAt() && EgressGuard.isBrowserLocalScheme(leading.group(1))) {
                // the egress rule for the top level: a capture never opens the browser's own or local resources
                throw new InvalidRequestException("url", "blocked: the " + leading.group(1).toLowerCase(Locale.ROOT)
                        + ": scheme is not allowed (only http and https)", CaptureError.BLOCKED);
            }
        }
        return parseWebUrl(raw, "url").toUri();
    }

    /** The same check for any field that holds a URL ({@code url}, {@code webhook}); the error names that field. */
    public static WebUrl parseWebUrl(String raw, String field) {
        if (raw == null || raw.isBlank()) throw new InvalidRequestException(field, "is required");
        try {
            return WebUrl.parse(raw);
        } catch (UrlException e) {
            throw new InvalidRequestException(field, e.getMessage());
        }
    }

    /**
     * The host of a URI that came from {@link #parseHttpUrl}. {@link URI#getHost()} is null for names that are
     * valid for browsers but not for RFC 2396 ({@code my_host.example}), so this reads the URI the WHATWG way.
     */
    public static String host(URI uri) {
        String host = uri.getHost();
        return host != null ? host : WebUrl.from(uri).hostname();
    }

    /**
     * The URL the browser reports ({@code location.href}) as a URI: browsers leave characters in an href that
     * java.net.URI refuses ({@code |}, {@code {}}), so http(s) URLs go through {@link WebUrl}; any other scheme
     * ({@code data:}, {@code about:blank}) is taken as it is when java.net.URI accepts it, else the fallback.
     */
    public static URI fromBrowser(String href, URI fallback) {
        if (href == null || href.isEmpty()) return fallback;
        try {
            return WebUrl.parse(href).toUri();
        } catch (UrlException notHttp) {
            try {
                return new URI(href);
            } catch (java.net.URISyntaxException e) {
                return fallback;
            }
        }
    }
}
