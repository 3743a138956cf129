package io.pagelens.crawl;

import io.pagelens.capture.InvalidRequestException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The product token robots.txt groups are matched against (RFC 9309 §2.2.1: letters, '_' and '-'), compared
 * case-insensitively. The crawl option {@code robotsUserAgent} sets it (default {@value #DEFAULT}); the HTTP
 * User-Agent header is a separate, longer string.
 */
public record RobotsAgent(String token) {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_-]+");
    public static final String DEFAULT = "pagelens";
    public static final RobotsAgent PAGELENS = new RobotsAgent(DEFAULT);

    public RobotsAgent {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new InvalidRequestException("robotsUserAgent",
                    "must be a robots.txt product token (letters, '_' and '-' only, e.g. 'pagelens'), was '" + token + "'");
        }
    }

    /** True for a valid token; an invalid one can only ever match the {@code *} group. */
    public static boolean isToken(String s) {
        return s != null && TOKEN.matcher(s).matches();
    }

    String lowerCase() {
        return token.toLowerCase(Locale.ROOT);
    }
}
