package io.pagelens.crawl;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives a {@link CrawlCore} with plain HTTP GETs and jsoup instead of a browser: robots.txt, sitemaps and pages through
 * the {@link CrawlFetcher}, every redirect hop checked against scope and robots before it is requested. For maps and
 * for discovery where scripts add no links; links that only scripts insert are not seen. {@code maxConcurrency} workers
 * share the core, each on a virtual thread.
 */
public final class HttpCrawler {
    private static final Logger log = LoggerFactory.getLogger(HttpCrawler.class);
    /** Bytes of one page read at most (the rest is not parsed). */
    public static final long MAX_PAGE_BYTES = 5L * 1024 * 1024;
    static final FetchLimits PAGE_LIMITS = new FetchLimits(MAX_PAGE_BYTES, Duration.ofSeconds(30));
    private static final Pattern CHARSET = Pattern.compile("charset=\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final int SITEMAP_BATCH = 500;

    /** Turns a page the core keeps into what the frontier records (page type, capture id). */
    @FunctionalInterface
    public interface PageSink {
        Completion keep(PageVerdict.Store page, Document doc);
    }

    /**
     * The sink of maps and plain-HTTP crawls: classifies each kept page (with the project's overrides, and the label
     * of the link that led to it) and records type, confidence and signals; no capture is stored.
     */
    public static PageSink classifying(PageTypeClassifier classifier, TypeOverrides overrides) {
        return (page, doc) -> {
            PageClassification c = overrides.classify(classifier, new PageEvidence(URI.create(page.pageUrl()), doc, page.claim().linkText()));
            PageFetch f = page.fetch();
            return new Completion(f.httpStatus(), emptyToNull(f.contentType()), f.finalUrl(), f.contentHash(), c.type(), c.confidence(), c.signals(), null);
        };
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /**
     * Fetches one claimed URL, has the core judge it and completes what it keeps: plain HTTP here, the browser
     * through the capture service in {@code BrowserPages}.
     */
    @FunctionalInterface
    public interface PageHandler {
        void page(CrawlCore core, Claim claim) throws InterruptedException;
    }

    /** How a crawl ended. */
    public record Result(CrawlReason reason, String message, CrawlCounts counts, SitemapReader.Report sitemaps) {
    }

    private final CrawlFetcher fetcher;
    private final CrawlSettings settings;
    private final Clock clock;

    public HttpCrawler(CrawlFetcher fetcher, CrawlSettings settings, Clock clock) {
        this.fetcher = fetcher;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs the crawl to a terminal reason; {@code cancelled} is polled between pages. */
    public Result run(CrawlCore core, String worker, PageSink sink, BooleanSupplier cancelled) throws InterruptedException {
        return run(core, worker, (PageHandler) (c, claim) -> page(c, claim, sink), cancelled);
    }

    /** Runs the crawl with another way of fetching pages (robots.txt and sitemaps are still read with plain HTTP). */
    public Result run(CrawlCore core, String worker, PageHandler pages, BooleanSupplier cancelled) throws InterruptedException {
        SitemapReader.Report sitemaps = core.seeded() ? null : seed(core);
        AtomicReference<NextStep.Finish> end = new AtomicReference<>();
        int n = core.plan().options().maxConcurrency();
        List<Thread> workers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = worker + "-" + i;
            workers.add(Thread.ofVirtual().name("crawl-" + name).start(() -> work(core, name, pages, cancelled, end)));
        }
        try {
            for (Thread t : workers) t.join();
        } catch (InterruptedException e) {
            workers.forEach(Thread::interrupt);
            throw e;
        }
        NextStep.Finish f = end.get() != null ? end.get() : new NextStep.Finish(CrawlReason.ERROR, "workers stopped without an ending");
        CrawlCounts counts = core.finish(f.reason());
        return new Result(f.reason(), f.message(), counts, sitemaps);
    }

    private SitemapReader.Report seed(CrawlCore core) throws InterruptedException {
        SitemapReader.Report report = null;
        List<URI> roots = core.sitemapRoots();
        if (!roots.isEmpty()) {
            SitemapReader reader = new SitemapReader(fetcher, settings.sitemaps(), hopCheck(core));
            List<SitemapReader.Entry> batch = new ArrayList<>();
            report = reader.read(roots, e -> {
                batch.add(e);
                if (batch.size() >= SITEMAP_BATCH) {
                    core.offerSitemapUrls(List.copyOf(batch));
                    batch.clear();
                }
            });
            core.offerSitemapUrls(batch);
        }
        core.seed();
        return report;
    }

    private void work(CrawlCore core, String worker, PageHandler pages, BooleanSupplier cancelled, AtomicReference<NextStep.Finish> end) {
        try {
            while (end.get() == null) {
                if (cancelled.getAsBoolean()) {
                    end.compareAndSet(null, new NextStep.Finish(CrawlReason.CANCELLED, "cancelled by request"));
                    break;
                }
                switch (core.next(worker)) {
                    case NextStep.Fetch f -> pages.page(core, f.claim());
                    case NextStep.Wait w -> sleepUntil(w.until(), end);
                    case NextStep.Finish f -> end.compareAndSet(null, f);
                }
            }
        } catch (InterruptedException e) {
            end.compareAndSet(null, new NextStep.Finish(CrawlReason.CANCELLED, "interrupted"));
        } catch (RuntimeException e) {
            log.atError().addKeyValue("crawl", core.frontier().crawlId()).setCause(e).log("crawl worker failed");
            end.compareAndSet(null, new NextStep.Finish(CrawlReason.ERROR, e.toString()));
        }
    }

    private void sleepUntil(Instant until, AtomicReference<NextStep.Finish> end) throws InterruptedException {
        long ms = Duration.between(clock.instant(), until).toMillis();
        // short naps, so a finish seen by another worker ends this one promptly
        long nap = Math.max(10, Math.min(ms, 200));
        if (end.get() == null) Thread.sleep(nap);
    }

    /** Plain-HTTP pages kept through {@code sink}. */
    public PageHandler pages(PageSink sink) {
        return (core, claim) -> page(core, claim, sink);
    }

    /** A page fetched with plain HTTP: what the core judges, and the parsed HTML (null when it is not HTML). */
    public record Fetched(PageFetch fetch, Document doc) {
    }

    /** GETs a claimed page hop by hop (each hop checked first); for handlers that fall back to the browser. */
    public Fetched fetchPage(CrawlCore core, URI url) throws InterruptedException {
        Document[] doc = new Document[1];
        PageFetch f = fetch(core, url, doc);
        return new Fetched(f, doc[0]);
    }

    private void page(CrawlCore core, Claim claim, PageSink sink) throws InterruptedException {
        URI url = URI.create(claim.url());
        Document[] doc = new Document[1];
        PageFetch fetch = fetch(core, url, doc);
        if (core.judge(claim, fetch) instanceof PageVerdict.Store store) {
            Completion done = sink.keep(store, doc[0]);
            CompleteResult r = core.complete(store, done);
            if (!(r instanceof CompleteResult.Stored)) {
                log.atDebug().addKeyValue("url", store.pageUrl()).addKeyValue("result", r).log("page not kept");
            }
        }
    }

    /** GETs a page hop by hop; HTML is parsed with the final URL as its base. */
    PageFetch fetch(CrawlCore core, URI url, Document[] parsed) throws InterruptedException {
        RedirectFollower.Outcome o;
        try {
            o = RedirectFollower.follow(fetcher, url, PAGE_LIMITS, settings.maxRedirects(), pageHopCheck(core));
        } catch (io.pagelens.egress.EgressBlockedException e) {
            return PageFetch.failure(null, 0, PageFetch.EGRESS_BLOCKED + e.getMessage());
        } catch (IOException e) {
            return PageFetch.failure(null, 0, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        int hops = o.chain().size() - 1;
        return switch (o) {
            case RedirectFollower.Refused r -> PageFetch.failure(r.target().toString(), hops + 1, "redirect not followed: " + r.reason());
            case RedirectFollower.TooManyRedirects t -> PageFetch.failure(t.next().toString(), hops + 1,
                    t.loop() ? "redirect loop" : "redirects: more than " + settings.maxRedirects());
            case RedirectFollower.BrokenRedirect b -> PageFetch.failure(null, hops, "redirect without a Location header");
            case RedirectFollower.Arrived a -> arrived(a.response(), hops, parsed);
        };
    }

    private static PageFetch arrived(FetchResponse r, int hops, Document[] parsed) {
        try (r) {
            String finalUrl = r.url().toString();
            String type = r.mediaType();
            if (r.status() < 200 || r.status() >= 300 || !CrawlCore.isHtml(type)) {
                return new PageFetch(finalUrl, hops, r.status(), type, List.of(), null, null, null);
            }
            Document doc = Jsoup.parse(r.body(), charset(r.header("Content-Type").orElse("")).orElse(null), finalUrl);
            parsed[0] = doc;
            return PageFetch.of(finalUrl, hops, r.status(), type, PageLinks.of(doc), ContentFingerprint.of(doc));
        } catch (IOException e) {
            return PageFetch.failure(r.url().toString(), hops, "reading the page: " + e.getMessage());
        }
    }

    private static Optional<String> charset(String contentType) {
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) return Optional.empty();
        try {
            return Charset.isSupported(m.group(1)) ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /** A page's redirect hop is requested when its target is in scope, robots.txt allows it and it is not crawled yet. */
    static RedirectFollower.HopCheck pageHopCheck(CrawlCore core) {
        RedirectFollower.HopCheck basic = hopCheck(core);
        return target -> basic.refusal(target).or(() -> core.alreadyTaken(target) ? Optional.of("already crawled") : Optional.empty());
    }

    /** A redirect hop may be requested when its target is in scope and robots.txt allows it. */
    static RedirectFollower.HopCheck hopCheck(CrawlCore core) {
        return target -> {
            String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return Optional.of("not an http(s) URL");
            if (!core.plan().scope().hostInScope(target)) return Optional.of("host outside the crawl");
            if (core.plan().options().respectRobots() && !core.robotsAllow(target)) return Optional.of("disallowed by robots.txt");
            return Optional.empty();
        };
    }
}
