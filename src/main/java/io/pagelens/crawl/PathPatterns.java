package io.pagelens.crawl;

import io.pagelens.capture.InvalidRequestException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regexes on a URL's path, as Firecrawl's {@code includePaths}/{@code excludePaths}: a pattern matches when it is
 * found anywhere in the path (anchor with {@code ^}/{@code $}), tried on the path as sent (percent-encoded) and as
 * decoded, so {@code ^/über-uns} and {@code ^/%C3%BCber-uns} both work. The query is not part of the path.
 */
public final class PathPatterns {
    static final int MAX_PATTERNS = 100;
    static final int MAX_PATTERN_CHARS = 1_000;

    private final List<Pattern> patterns;

    private PathPatterns(List<Pattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** Compiles each pattern; a bad one fails naming {@code field[index]} and the regex error. */
    public static PathPatterns compile(String field, List<String> regexes) {
        if (regexes == null) return new PathPatterns(List.of());
        if (regexes.size() > MAX_PATTERNS) throw new InvalidRequestException(field, "must have at most " + MAX_PATTERNS + " patterns");
        List<Pattern> out = new ArrayList<>(regexes.size());
        for (int i = 0; i < regexes.size(); i++) {
            String r = regexes.get(i);
            String f = field + "[" + i + "]";
            if (r == null || r.isBlank()) throw new InvalidRequestException(f, "must be a non-empty regular expression");
            if (r.length() > MAX_PATTERN_CHARS) throw new InvalidRequestException(f, "must be at most " + MAX_PATTERN_CHARS + " characters");
            try {
                out.add(Pattern.compile(r));
            } catch (PatternSyntaxException e) {
                throw new InvalidRequestException(f, "is not a valid regular expression: " + e.getDescription()
                        + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "") + " in '" + r + "'");
            }
        }
        return new PathPatterns(out);
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /**
     * Index of the first pattern found in the raw or decoded path, or -1.
     *
     * @throws TooSlowException when a pattern backtracks past {@value #MAX_STEPS} character reads on this path
     *                          (a user regex such as {@code (a+)+$} must not stall the crawl)
     */
    public int firstMatch(String rawPath) {
        String raw = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        String decoded = decode(raw);
        for (int i = 0; i < patterns.size(); i++) {
            Pattern p = patterns.get(i);
            if (p.matcher(new Bounded(raw)).find() || (!decoded.equals(raw) && p.matcher(new Bounded(decoded)).find())) return i;
        }
        return -1;
    }

    static final int MAX_STEPS = 1_000_000;

    /** A pattern that took too long on one path. */
    public static final class TooSlowException extends RuntimeException {
        TooSlowException() {
            super("a path pattern took more than " + MAX_STEPS + " steps", null, false, false);
        }
    }

    /** A CharSequence that counts reads, so a runaway regex ends with an exception instead of running for hours. */
    private static final class Bounded implements CharSequence {
        private final String s;
        private int steps;

        Bounded(String s) {
            this.s = s;
        }

        @Override
        public char charAt(int index) {
            if (++steps > MAX_STEPS) throw new TooSlowException();
            return s.charAt(index);
        }

        @Override
        public int length() {
            return s.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return s.subSequence(start, end);
        }

        @Override
        public String toString() {
            return s;
        }
    }

    public boolean matches(String rawPath) {
        return firstMatch(rawPath) >= 0;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
