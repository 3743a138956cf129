package io.pagelens.crawl;

import io.pagelens.capture.ArtifactSink;
import io.pagelens.capture.CaptureError;
import io.pagelens.capture.CaptureException;
import io.pagelens.capture.CaptureResult;
import io.pagelens.capture.Format;
import io.pagelens.capture.InvalidRequestException;
import io.pagelens.jobs.JobPriority;
import io.pagelens.pipeline.CaptureOrder;
import io.pagelens.pipeline.CaptureOutcome;
import io.pagelens.pipeline.CaptureService;
import io.pagelens.pipeline.CaptureSpec;
import io.pagelens.store.CaptureKey;
import io.pagelens.store.CaptureUrls;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser engine's pages: every claimed URL is captured by the one {@link CaptureService} (priority crawl, the
 * crawl's {@code capture} options, its project), and once the page is rendered the core judges it from the rendered
 * DOM (links that scripts insert count, canonical, content hash), the classifier types it, and only then is the
 * capture saved, under the page type. Duplicates, redirects and HTTP errors are dropped before they are stored.
 * A non-HTML response (a PDF) is recorded {@code non_html}, not rendered.
 */
public final class BrowserPages implements HttpCrawler.PageHandler {
    private static final Logger log = LoggerFactory.getLogger(BrowserPages.class);
    /** Time the order gets beyond the capture's own timeout (queueing for a browser slot, saving). */
    static final Duration ORDER_SLACK = Duration.ofSeconds(30);
    private static final Pattern MIME = Pattern.compile("Content-Type ([^\\s)]+)");

    /** A page kept: the stored capture and how it was typed (for the {@code page} webhook and SSE). */
    public record StoredPage(String crawlId, String url, String captureId, PageClassification type) {
    }

    /** Removes a stored capture that turned out to be a duplicate after all (two workers, one content). */
    @FunctionalInterface
    public interface CaptureRemover {
        void remove(String captureId);
    }

    private final CaptureService service;
    private final CaptureSpec spec;
    private final String project;
    private final String tenant;
    private final TypeOverrides overrides;
    private final PageTypeClassifier classifier;
    private final CaptureRemover remover;
    private final Consumer<StoredPage> stored;
    private final Clock clock;

    /**
     * @param spec    the crawl's capture options (formats get html added: the engine reads the rendered DOM)
     * @param project the project the pages are stored in
     * @param tenant  the tenant of that project (the crawl's): the pages' captures belong to it
     */
    public BrowserPages(CaptureService service, CaptureSpec spec, String project, String tenant, TypeOverrides overrides,
                        PageTypeClassifier classifier, CaptureRemover remover, Consumer<StoredPage> stored, Clock clock) {
        this.service = service;
        this.spec = spec;
        this.project = project == null ? CaptureKey.DEFAULT_PROJECT : project;
        this.tenant = tenant == null ? io.pagelens.store.TenantScope.DEFAULT : tenant;
        this.overrides = overrides;
        this.classifier = classifier;
        this.remover = remover;
        this.stored = stored;
        this.clock = clock;
    }

    /** The order of one page: the crawl's capture options for this URL, stored, HTTP errors captured so the core sees the status. */
    CaptureOrder order(String url) {
        CaptureSpec s = spec.withUrl(url);
        Duration timeout = s.timeout() == null ? Duration.ofSeconds(30) : Duration.ofMillis(s.timeout());
        return CaptureOrder.from(s).storing(CaptureOrder.Storing.ALWAYS).defaultPriority(JobPriority.CRAWL).tenant(tenant)
                .deadline(clock.instant().plus(timeout).plus(ORDER_SLACK)).build(clock.instant());
    }

    @Override
    public void page(CrawlCore core, Claim claim) throws InterruptedException {
        CaptureOrder order;
        try {
            order = order(claim.url());
        } catch (InvalidRequestException e) {
            core.judge(claim, PageFetch.failure(null, 0, "not a URL the capture accepts: " + e.getMessage()));
            return;
        }
        HtmlKeeper html = new HtmlKeeper();
        AtomicReference<Kept> kept = new AtomicReference<>();
        CaptureOutcome done;
        try {
            done = service.run(order, html, step -> { }, result -> choose(core, claim, order, html, result, kept));
        } catch (CaptureException e) {
            core.judge(claim, failed(claim, e));
            return;
        }
        Kept k = kept.get();
        if (k == null || done.stored() == null) return;
        String captureId = done.stored().id();
        PageFetch f = k.store().fetch();
        Completion completion = new Completion(f.httpStatus(), "text/html", f.finalUrl(), f.contentHash(), k.type().type(),
                k.type().confidence(), k.type().signals(), captureId);
        CompleteResult r = core.complete(k.store(), completion);
        if (r instanceof CompleteResult.Stored) {
            stored.accept(new StoredPage(claim.crawlId(), k.store().pageUrl(), captureId, k.type()));
        } else {
            log.atInfo().addKeyValue("url", k.store().pageUrl()).addKeyValue("result", r).log("captured page not kept; its capture is removed");
            remover.remove(captureId);
        }
    }

    private record Kept(PageVerdict.Store store, PageClassification type) {
    }

    /** After the capture, before the save: judge the rendered page; keep it under its page type, or drop it. */
    private Optional<CaptureKey> choose(CrawlCore core, Claim claim, CaptureOrder order, HtmlKeeper html, CaptureResult result,
                                        AtomicReference<Kept> kept) {
        String finalUrl = result.report().finalUrl() == null ? claim.url() : result.report().finalUrl().toString();
        int redirects = Math.max(0, result.report().redirectChain().size() - 1);
        int status = result.report().httpStatus() == 0 ? 200 : result.report().httpStatus();
        Document doc = Jsoup.parse(html.text(), finalUrl);
        PageFetch fetch = status >= 200 && status < 300
                ? PageFetch.of(finalUrl, redirects, status, "text/html", PageLinks.of(doc), ContentFingerprint.of(doc))
                : new PageFetch(finalUrl, redirects, status, "text/html", java.util.List.of(), null, null, null);
        if (!(core.judge(claim, fetch) instanceof PageVerdict.Store s)) return Optional.empty();
        PageClassification type = overrides.classify(classifier, new PageEvidence(URI.create(s.pageUrl()), doc, claim.linkText()));
        kept.set(new Kept(s, type));
        return Optional.of(new CaptureKey(project, type.type().id(), CaptureUrls.normalize(URI.create(s.pageUrl())),
                order.key().optionsHash(), CaptureKey.NO_VARIANT).inTenant(tenant));
    }

    /** What a failed capture tells the core: a non-HTML response, or an error (retried unless it is for good). */
    private static PageFetch failed(Claim claim, CaptureException e) {
        if (e.error() == CaptureError.NOT_HTML) {
            Matcher m = MIME.matcher(e.getMessage() == null ? "" : e.getMessage());
            return new PageFetch(claim.url(), 0, 200, m.find() ? m.group(1) : "application/octet-stream", java.util.List.of(), null, null, null);
        }
        if (e.error() == CaptureError.BLOCKED) return PageFetch.failure(null, 0, PageFetch.EGRESS_BLOCKED + e.getMessage());
        return PageFetch.failure(null, 0, e.error().code() + ": " + e.getMessage());
    }

    /** Keeps the rendered HTML in memory (the stored copy goes to the blob store beside it); other outputs pass by. */
    private static final class HtmlKeeper implements ArtifactSink {
        private final ByteArrayOutputStream html = new ByteArrayOutputStream();

        @Override
        public OutputStream open(Format format, String contentType) {
            return format == Format.HTML ? html : OutputStream.nullOutputStream();
        }

        @Override
        public void discard() {
            html.reset();
        }

        String text() {
            return html.toString(StandardCharsets.UTF_8);
        }
    }
}
