package io.pagelens.capture;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** URL checks shared by every entry point. */
public final class Urls {
    private Urls() {
    }

    /** Parses an absolute http(s) URL with a host, or throws naming the field {@code url}. */
    public static URI parseHttpUrl(String raw) {
        if (raw == null || raw.isBlank()) throw new InvalidRequestException("url", "is required");
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            throw new InvalidRequestException("url", "is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidRequestException("url", "must be an http or https URL, was '" + raw + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidRequestException("url", "has no host: '" + raw + "'");
        }
        return uri;
    }
}
