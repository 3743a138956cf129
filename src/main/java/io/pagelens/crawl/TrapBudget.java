package io.pagelens.crawl;

import io.pagelens.store.blob.Sha256;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Turns {@link TrapOptions} into the budget each URL counts against: a key (stored with the URL in the frontier)
 * and the number of URLs that key may have. See {@link TrapOptions} for the rules.
 */
public final class TrapBudget {
    /** A budget: {@code key} is a SHA-256 hex of what it covers; {@code max} the URLs it may have. */
    public record Key(String key, int max, String covers) {
    }

    private final TrapOptions options;
    private final PathPatterns patterns;
    private final List<TrapOptions.Budget> budgets;

    public TrapBudget(TrapOptions options) {
        this.options = options;
        this.patterns = options.patterns();
        this.budgets = options.budgets();
    }

    public Key keyFor(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String host = url.getHost().toLowerCase(Locale.ROOT) + (url.getPort() >= 0 ? ":" + url.getPort() : "");
        int i;
        try {
            i = patterns.firstMatch(path);
        } catch (PathPatterns.TooSlowException e) {
            i = -1;
        }
        if (i >= 0) {
            TrapOptions.Budget b = budgets.get(i);
            return new Key(Sha256.of("pattern\n" + host + "\n" + b.pathPattern()), b.max(), "traps.budgets[" + i + "] " + b.pathPattern());
        }
        return new Key(Sha256.of("path\n" + host + "\n" + path), options.maxQueryVariants(), host + path);
    }

}
