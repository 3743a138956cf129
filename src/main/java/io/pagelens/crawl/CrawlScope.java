package io.pagelens.crawl;

import crawlercommons.domains.EffectiveTldFinder;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs a crawl may fetch, from its seed and options:
 * <ul>
 *   <li>hosts: the seed's host and port (with or without {@code www.}, either scheme); with
 *       {@code allowSubdomains} also every host under the seed's registrable domain (public suffix list); with
 *       {@code allowExternalLinks} any host;</li>
 *   <li>paths: {@code excludePaths} keep a URL out, then it must match one of {@code includePaths} if any are
 *       given. A pattern that backtracks without end keeps the URL out.</li>
 * </ul>
 * The seed itself is exempt from the path rules (it is fetched to discover links; see {@link #isStorable}).
 */
public final class CrawlScope {
    private final URI seed;
    private final String seedHost;
    private final int seedPort;
    private final String siteDomain; // registrable domain of the seed, null for IPs and single labels
    private final boolean allowSubdomains;
    private final boolean allowExternal;
    private final PathPatterns include;
    private final PathPatterns exclude;

    public CrawlScope(URI seed, CrawlOptions o) {
        this.seed = seed;
        this.seedHost = bareHost(seed.getHost());
        this.seedPort = port(seed);
        this.siteDomain = registrableDomain(seed.getHost());
        this.allowSubdomains = o.allowSubdomains();
        this.allowExternal = o.allowExternalLinks();
        this.include = PathPatterns.compile("includePaths", o.includePaths());
        this.exclude = PathPatterns.compile("excludePaths", o.excludePaths());
    }

    public URI seed() {
        return seed;
    }

    /** Empty when {@code url} may be fetched, else why not (for the frontier's detail column). */
    public Optional<String> refusal(URI url) {
        Optional<String> host = hostRefusal(url);
        if (host.isPresent()) return host;
        if (isSeed(url)) return Optional.empty();
        return pathRefusal(url);
    }

    /** Whether a page at this URL is stored (the seed is fetched even when the path rules leave it out). */
    public boolean isStorable(URI url) {
        return hostRefusal(url).isEmpty() && pathRefusal(url).isEmpty();
    }

    /** The host rule alone: same site, allowed subdomain, or any host with allowExternalLinks. */
    public boolean hostInScope(URI url) {
        return hostRefusal(url).isEmpty();
    }

    private Optional<String> hostRefusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) return Optional.of("not an http(s) URL");
        if (url.getHost() == null) return Optional.of("no host");
        if (allowExternal) return Optional.empty();
        String host = bareHost(url.getHost());
        if (host.equals(seedHost) && port(url) == seedPort) return Optional.empty();
        if (allowSubdomains && siteDomain != null && port(url) == seedPort
                && (host.equals(siteDomain) || host.endsWith("." + siteDomain))) {
            return Optional.empty();
        }
        return Optional.of("host " + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "") + " is outside the crawl"
                + (allowSubdomains ? " (subdomains of " + siteDomain + " allowed)" : ""));
    }

    private Optional<String> pathRefusal(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        try {
            int ex = exclude.firstMatch(path);
            if (ex >= 0) return Optional.of("path matches excludePaths[" + ex + "]");
            if (!include.isEmpty() && include.firstMatch(path) < 0) return Optional.of("path matches no includePaths pattern");
        } catch (PathPatterns.TooSlowException e) {
            return Optional.of("a path pattern took too long on this path");
        }
        return Optional.empty();
    }

    private boolean isSeed(URI url) {
        return url.equals(seed);
    }

    private static String bareHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("www.") ? h.substring(4) : h;
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) return u.getPort();
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    static String registrableDomain(String host) {
        if (host == null) return null;
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") || h.matches("[0-9.]+") || !h.contains(".")) return null;
        String d = EffectiveTldFinder.getAssignedDomain(h, true, false);
        return d == null || d.isEmpty() ? h : d;
    }
}
