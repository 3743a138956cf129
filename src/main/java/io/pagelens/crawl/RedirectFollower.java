package io.pagelens.crawl;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Follows redirects one hop at a time, asking before each hop whether its target may be requested at all (robots,
 * scope, the egress guard's verdict): a redirect into {@code /admin/} is refused, not fetched. Chains are bounded
 * ({@code maxHops}) and a loop ends the chain at once.
 */
public final class RedirectFollower {
    /** Whether the next hop may be requested: empty to go on, else the reason it may not. */
    @FunctionalInterface
    public interface HopCheck {
        Optional<String> refusal(URI target);

        HopCheck ANY = target -> Optional.empty();
    }

    /** How a chain ended. */
    public sealed interface Outcome {
        /** Every URL requested, the start first. */
        List<URI> chain();
    }

    /** A final, non-redirect response (the caller closes it). */
    public record Arrived(FetchResponse response, List<URI> chain) implements Outcome {
    }

    /** A hop the check refused; nothing was requested at {@code target}. */
    public record Refused(URI target, String reason, List<URI> chain) implements Outcome {
    }

    /** More than {@code maxHops} redirects, or a loop. */
    public record TooManyRedirects(URI next, boolean loop, List<URI> chain) implements Outcome {
    }

    /** A redirect without a usable Location. */
    public record BrokenRedirect(int status, List<URI> chain) implements Outcome {
    }

    private RedirectFollower() {
    }

    public static Outcome follow(CrawlFetcher fetcher, URI start, FetchLimits limits, int maxHops, HopCheck check)
            throws IOException, InterruptedException {
        List<URI> chain = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        URI url = start;
        while (true) {
            chain.add(url);
            seen.add(url);
            FetchResponse r = fetcher.get(url, limits);
            boolean redirect = r.status() >= 300 && r.status() < 400 && r.status() != 304;
            if (!redirect) return new Arrived(r, List.copyOf(chain));
            Optional<URI> next = r.location();
            r.close();
            if (next.isEmpty()) return new BrokenRedirect(r.status(), List.copyOf(chain));
            URI target = next.get();
            if (seen.contains(target)) return new TooManyRedirects(target, true, List.copyOf(chain));
            if (chain.size() > maxHops) return new TooManyRedirects(target, false, List.copyOf(chain));
            Optional<String> refusal = check.refusal(target);
            if (refusal.isPresent()) return new Refused(target, refusal.get(), List.copyOf(chain));
            url = target;
        }
    }
}
