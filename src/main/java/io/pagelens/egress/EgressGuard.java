package io.pagelens.egress;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pagelens.config.Env;
import io.pagelens.observe.MeterNames;
import io.pagelens.url.WebUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The egress guard: every connection Chromium, the webhook sender or the crawler makes goes through an in-process
 * forward proxy on loopback that resolves the host once, judges each address ({@link EgressPolicy}) and connects only
 * to an address it checked. Chromium is pointed at it with {@code --proxy-server} (and
 * {@code --proxy-bypass-list=<-loopback>}, without which loopback would go direct) and each capture's browser
 * context at a port of its own ({@link #openSession}), so a refused request is attributed to its capture.
 * <pre>{@code
 * try (EgressGuard guard = EgressGuard.fromEnv(env, chromeArgs, registry);
 *      EgressSession s = guard.openSession("capture-1")) {
 *     // Target.createBrowserContext {proxyServer: s.proxyServer(), proxyBypassList: "<-loopback>"}
 *     s.blocked(); // [{url, reason: "blocked: 127.0.0.2 is loopback (127.0.0.0/8)"}]
 * }
 * }</pre>
 * Off ({@code PAGELENS_EGRESS=off}, logged as a warning) it proxies nothing and only refuses non-http(s) schemes.
 */
public final class EgressGuard implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EgressGuard.class);
    /** Chromium's bypass rule that removes its implicit "loopback goes direct" exception. */
    public static final String BYPASS_LIST = "<-loopback>";
    /** Schemes that open the browser's own or local resources; a capture's top level never takes them. */
    private static final Set<String> LOCAL_SCHEMES = Set.of("file", "chrome", "chrome-untrusted", "chrome-extension",
            "chrome-search", "devtools", "view-source", "data", "javascript", "about", "blob", "filesystem");

    private final EgressSettings settings;
    private final EgressPolicy policy;
    private final Resolver resolver;
    private final MeterRegistry registry;
    private final Set<EgressSession> sessions = ConcurrentHashMap.newKeySet();
    private final Set<Integer> ports = ConcurrentHashMap.newKeySet();
    private final EgressSession browserDefault;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EgressGuard(EgressSettings settings, Resolver resolver, MeterRegistry registry) {
        this.settings = settings;
        this.policy = new EgressPolicy(settings.allow(), settings.deny());
        this.resolver = resolver;
        this.registry = registry;
        try {
            this.browserDefault = settings.enabled() ? open("browser") : null;
        } catch (IOException e) {
            throw new UncheckedIOException("the egress proxy could not listen on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** A guard with these settings, resolving through {@code resolver}. Logs nothing (see {@link #fromEnv}). */
    public static EgressGuard start(EgressSettings settings, Resolver resolver, MeterRegistry registry) {
        return new EgressGuard(settings, resolver, registry == null ? new SimpleMeterRegistry() : registry);
    }

    /** The guard switched off: no proxy; only the scheme rule. For components used without one (and for tests of them). */
    public static EgressGuard off() {
        return new EgressGuard(new EgressSettings(false, HostList.EMPTY, HostList.EMPTY, EgressSettings.DEFAULT_CONNECT_TIMEOUT),
                Resolver.system(), new SimpleMeterRegistry());
    }

    /**
     * From {@code PAGELENS_EGRESS*}, {@code PAGELENS_ALLOW_HOSTS} and {@code PAGELENS_DENY_HOSTS}; the resolver applies a
     * {@code --host-resolver-rules} flag among {@code chromeArgs} (PAGELENS_CHROME_ARGS), since Chromium no longer
     * resolves page hosts itself. Logs the lists at start, and a warning when the guard is off.
     */
    public static EgressGuard fromEnv(Env env, List<String> chromeArgs, MeterRegistry registry) {
        EgressSettings s = EgressSettings.fromEnv(env);
        String rules = HostResolverRules.find(chromeArgs);
        Resolver r = rules == null ? Resolver.system() : HostResolverRules.parse("PAGELENS_CHROME_ARGS", rules, Resolver.system());
        EgressGuard g = start(s, r, registry);
        if (s.enabled()) {
            log.atInfo().addKeyValue("allow", s.allow().entries()).addKeyValue("deny", s.deny().entries())
                    .addKeyValue("resolverRules", rules == null ? "none" : rules).addKeyValue("proxyPort", g.browserDefault.port())
                    .log("egress guard on: private, loopback, link-local and reserved addresses are refused");
        } else {
            log.atWarn().addKeyValue("variable", "PAGELENS_EGRESS=off")
                    .log("EGRESS GUARD OFF: captured pages can reach any address this machine can, including loopback, the"
                            + " private network and cloud metadata (169.254.169.254); use PAGELENS_ALLOW_HOSTS instead");
        }
        return g;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public EgressSettings settings() {
        return settings;
    }

    public EgressPolicy policy() {
        return policy;
    }

    /** For Chromium's {@code --proxy-server}: the port that serves its default context; null when off. */
    public String browserProxy() {
        return browserDefault == null ? null : browserDefault.proxyServer();
    }

    /** A port of its own for one capture or client; closing the session closes it. Off: a session without a proxy. */
    public EgressSession openSession(String label) throws IOException {
        if (closed.get()) throw new IOException("the egress guard is closed");
        return open(label);
    }

    private EgressSession open(String label) throws IOException {
        EgressSession s = new EgressSession(this, label, settings.enabled());
        sessions.add(s);
        if (s.port() > 0) ports.add(s.port());
        return s;
    }

    void forget(EgressSession s) {
        sessions.remove(s);
        ports.remove(s.port());
    }

    /**
     * The check before a top-level navigation (or any request pagelens itself starts): the scheme must be http or
     * https, and the host must pass everything that needs no DNS (syntax, deny-listed names, IP literals). Names
     * are resolved and judged by the proxy when the connection is made, once.
     */
    public Decision checkNavigation(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Decision.blocked(scheme.isEmpty() ? "a URL without a scheme is not allowed (only http and https)"
                    : "the " + scheme + ": scheme is not allowed (only http and https)", false);
        }
        if (!settings.enabled()) return Decision.allowed(List.of(), "egress guard off");
        String host = hostOf(url);
        if (host == null || host.isEmpty()) return Decision.blocked("the URL has no host", false);
        return policy.decide(host, null);
    }

    /**
     * The host of an http(s) or ws(s) URI as a browser reads it ({@link URI#getHost()} is null for names such as
     * {@code my_host.example}, which browsers accept); null when it has none.
     */
    static String hostOf(URI url) {
        String host = url.getHost();
        if (host != null) return host;
        try {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            URI asHttp = scheme.startsWith("ws") ? URI.create(url.toString().replaceFirst("^[wW][sS]", "http")) : url;
            return WebUrl.from(asHttp).hostname();
        } catch (IllegalArgumentException e) { // UrlException included
            return null;
        }
    }

    /** Whether {@code scheme} reaches the browser's own or local resources (file:, chrome:, data:, javascript:, ...). */
    public static boolean isBrowserLocalScheme(String scheme) {
        return LOCAL_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT));
    }

    /** The proxy's decision for one connection: the policy, and never one of the guard's own ports. */
    Decision decide(String host, int port) {
        Decision d = policy.decide(host, resolver);
        if (d.isAllowed() && ports.contains(port) && d.addresses().stream().anyMatch(InetAddress::isLoopbackAddress)) {
            return Decision.blocked(host + ":" + port + " is the egress proxy itself", false);
        }
        return d;
    }

    void count(String kind, String outcome) {
        registry.counter(MeterNames.EGRESS_REQUESTS, "kind", kind, "outcome", outcome).increment();
    }

    /**
     * An HTTP client (built from {@code builder}, whose proxy is set here) that connects only through the guard, on a
     * session of its own named {@code label}. Off: {@code builder} as it is.
     */
    public EgressHttp http(String label, HttpClient.Builder builder) {
        if (!settings.enabled()) {
            HttpClient plain = builder.build();
            return new ProxiedHttp(this, null, plain);
        }
        try {
            EgressSession s = openSession(label);
            builder.proxy(ProxySelector.of(new InetSocketAddress(InetAddress.getByAddress(new byte[]{127, 0, 0, 1}), s.port())));
            return new ProxiedHttp(this, s, builder.build());
        } catch (IOException e) {
            throw new UncheckedIOException("the egress proxy could not listen on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** Closes every session and port. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        for (EgressSession s : List.copyOf(sessions)) s.close();
    }
}
